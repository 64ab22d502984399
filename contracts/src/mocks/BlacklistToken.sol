// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {MockERC20} from "./MockERC20.sol";

/// @notice Test-only token that, like USDC, refuses every transfer from or to a blacklisted
/// address. Proves that one blocked account cannot lock anyone else's money in the escrow.
contract BlacklistToken is MockERC20 {
    mapping(address account => bool) public isBlacklisted;

    error Blacklisted(address account);

    constructor() MockERC20("Blacklisting USD", "bUSD", 6) {}

    function setBlacklisted(address account, bool blocked) external {
        isBlacklisted[account] = blocked;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (isBlacklisted[from]) revert Blacklisted(from);
        if (isBlacklisted[to]) revert Blacklisted(to);
        super._update(from, to, value);
    }
}
