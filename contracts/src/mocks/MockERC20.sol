// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {LocalOnly} from "./LocalOnly.sol";

/// @notice Test-only ERC-20 with EIP-2612 permit, any decimals and an open mint, so escrow tests
/// can prove nothing assumes USDC's 6 decimals (e.g. an 18-decimal DAI-like token).
contract MockERC20 is ERC20, ERC20Permit, LocalOnly {
    uint8 private immutable _decimals;

    constructor(string memory name_, string memory symbol_, uint8 decimals_) ERC20(name_, symbol_) ERC20Permit(name_) {
        _decimals = decimals_;
    }

    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
