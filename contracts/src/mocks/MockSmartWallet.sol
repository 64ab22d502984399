// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {LocalOnly} from "./LocalOnly.sol";

/// @notice Test-only smart-contract wallet for Sign-In with Ethereum tests: one owner key, and an
/// EIP-1271 signature is valid exactly when it recovers to that owner (65-byte ECDSA over the hash).
contract MockSmartWallet is IERC1271, LocalOnly {
    address public immutable owner;

    constructor(address owner_) {
        owner = owner_;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address signer, ECDSA.RecoverError error, ) = ECDSA.tryRecover(hash, signature);
        if (error == ECDSA.RecoverError.NoError && signer == owner) return IERC1271.isValidSignature.selector;
        return 0xffffffff;
    }
}

/// @notice Deploys MockSmartWallets with CREATE2, so a wallet's address is known before it exists:
/// the counterfactual wallet of EIP-6492, whose signatures carry this factory call.
contract MockSmartWalletFactory is LocalOnly {
    event WalletDeployed(address indexed wallet, address indexed owner, bytes32 salt);

    function deploy(address owner, bytes32 salt) external returns (address wallet) {
        wallet = address(new MockSmartWallet{salt: salt}(owner));
        emit WalletDeployed(wallet, owner, salt);
    }

    function walletAddress(address owner, bytes32 salt) external view returns (address) {
        bytes32 initCode = keccak256(abi.encodePacked(type(MockSmartWallet).creationCode, abi.encode(owner)));
        return address(uint160(uint256(keccak256(abi.encodePacked(bytes1(0xff), address(this), salt, initCode)))));
    }
}
