// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {LocalOnly} from "./LocalOnly.sol";

/// @notice Test-only malicious token: once armed, every transfer calls `target` with `payload`
/// (e.g. the escrow's `withdraw` or `release`) before moving the tokens, the way an ERC-777
/// hook would, and bubbles up that call's revert. Proves the escrow's reentrancy guard holds.
contract ReentrantToken is ERC20, LocalOnly {
    address public target;
    bytes public payload;
    bool private _inHook;

    constructor() ERC20("Reentrant USD", "reUSD") {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function arm(address target_, bytes calldata payload_) external {
        target = target_;
        payload = payload_;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (target != address(0) && !_inHook && from != address(0)) {
            _inHook = true;
            (bool ok, bytes memory data) = target.call(payload);
            if (!ok) {
                assembly ("memory-safe") {
                    revert(add(data, 0x20), mload(data))
                }
            }
            _inHook = false;
        }
        super._update(from, to, value);
    }
}
