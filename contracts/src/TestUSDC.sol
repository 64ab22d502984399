// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title Idlegrid test dollar
/// @notice A USDC-like token (6 decimals, EIP-2612 permit) for the local chain only.
/// Real deployments use the chain's real USDC; this contract refuses to be deployed
/// anywhere but the local development chain, so its open faucet can never mint on
/// a network where the token could be mistaken for money.
contract TestUSDC is ERC20, ERC20Permit {
    /// @notice Local development chain id (anvil, hardhat).
    uint256 public constant LOCAL_CHAIN_ID = 31337;
    /// @notice Largest amount one faucet call mints: 100,000 tokens.
    uint256 public constant FAUCET_LIMIT = 100_000 * 10 ** 6;

    error NotLocalChain(uint256 chainId);
    error FaucetLimitExceeded(uint256 requested, uint256 limit);

    constructor() ERC20("Idlegrid Test USD", "tUSDC") ERC20Permit("Idlegrid Test USD") {
        if (block.chainid != LOCAL_CHAIN_ID) revert NotLocalChain(block.chainid);
    }

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Mints test tokens to `to`. Exists only because this token only exists locally.
    function faucet(address to, uint256 amount) external {
        if (amount > FAUCET_LIMIT) revert FaucetLimitExceeded(amount, FAUCET_LIMIT);
        _mint(to, amount);
    }
}
