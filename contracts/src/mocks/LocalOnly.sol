// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice Test tokens inherit this so they can never be deployed where they could pass for money.
abstract contract LocalOnly {
    error NotLocalChain(uint256 chainId);

    constructor() {
        if (block.chainid != 31337) revert NotLocalChain(block.chainid);
    }
}
