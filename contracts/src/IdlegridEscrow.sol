// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title Idlegrid rental escrow
/// @notice Holds a buyer's stablecoin for one GPU rental until the rental is settled.
///
/// State machine (one escrow per buyer and order id, never reused):
///
///     None ──open──▶ Funded ──markStarted──▶ Started ──markCompleted──▶ Completed
///                      │                       │                          │
///                      │                       └──openDispute──▶ Disputed ◀┘ (within the window)
///                      │                                            │
///     settled: Released (buyer releases, or provider claims after the dispute window)
///              Refunded (provider refunds any time, or buyer claims after an unmet start deadline)
///              Resolved (arbiter splits a dispute in basis points)
///
/// Either party may always concede to the other before settlement: the buyer can `release`
/// from Funded, Started, Completed or Disputed, the provider can `refund` from the same
/// states. The arbiter only decides when neither concedes.
///
/// Dispute window: a dispute can be opened by the buyer or the provider while the rental is
/// Started (no limit: the rental is still running), and after the provider marked it Completed
/// until `completedAt + disputeWindow` inclusive. After that instant, and only if nobody
/// disputed, the provider can claim the payment without the buyer, so a silent buyer can never
/// hold the provider's money hostage. Before a start there is nothing to dispute: the buyer's
/// remedy is the refund after the start deadline.
///
/// Fees: `feeBps` is snapshotted into each escrow when it is opened, so an admin changing the
/// fee never changes the terms of money already escrowed. The fee is only taken on amounts paid
/// to the provider (a release, or the provider's share of a resolution), rounded down; refunds
/// are fee-free. The fee is credited to the treasury in office at settlement time.
///
/// Money leaves only by pull payments: settlement credits balances and each account calls
/// `withdraw`. A token that blocks one address (USDC's blacklist) then blocks only that
/// address's own withdrawal, never a settlement or anyone else's funds.
contract IdlegridEscrow is AccessControl, Pausable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    enum Status {
        None,
        Funded,
        Started,
        Completed,
        Disputed,
        Released,
        Refunded,
        Resolved
    }

    /// @dev Packed into four slots: (buyer, startDeadline, status, feeBps),
    /// (provider, completedAt), amount, orderId.
    struct Escrow {
        address buyer;
        uint64 startDeadline;
        Status status;
        uint16 feeBps;
        address provider;
        uint64 completedAt;
        uint256 amount;
        bytes32 orderId;
    }

    /// @notice May resolve disputes.
    bytes32 public constant ARBITER_ROLE = keccak256("ARBITER_ROLE");
    /// @notice Upper bound of the platform fee: 10%. Protects users from a compromised admin.
    uint16 public constant MAX_FEE_BPS = 1_000;
    uint16 public constant BPS = 10_000;
    /// @notice Bounds of the dispute window, so it is neither unusable nor a permanent lock.
    uint64 public constant MIN_DISPUTE_WINDOW = 1 hours;
    uint64 public constant MAX_DISPUTE_WINDOW = 30 days;

    /// @notice The only token this escrow accepts, fixed for its lifetime (any decimals).
    IERC20 public immutable token;
    /// @notice Seconds after completion during which either party can still open a dispute.
    uint64 public immutable disputeWindow;

    uint16 public feeBps;
    address public treasury;
    /// @notice Settled money each account can withdraw.
    mapping(address account => uint256) public credits;
    mapping(bytes32 escrowId => Escrow) private _escrows;

    event EscrowOpened(
        bytes32 indexed escrowId,
        bytes32 indexed orderId,
        address indexed buyer,
        address provider,
        uint256 amount,
        uint64 startDeadline,
        uint16 feeBps
    );
    event EscrowStarted(bytes32 indexed escrowId, bytes32 indexed orderId, address indexed provider);
    event EscrowCompleted(bytes32 indexed escrowId, bytes32 indexed orderId, address indexed provider, uint64 disputeDeadline);
    event EscrowDisputed(bytes32 indexed escrowId, bytes32 indexed orderId, address indexed by);
    event EscrowReleased(
        bytes32 indexed escrowId, bytes32 indexed orderId, address indexed provider, address by, uint256 providerAmount, uint256 fee
    );
    event EscrowRefunded(bytes32 indexed escrowId, bytes32 indexed orderId, address indexed buyer, address by, uint256 amount);
    event DisputeResolved(
        bytes32 indexed escrowId,
        bytes32 indexed orderId,
        address indexed arbiter,
        uint16 providerBps,
        uint256 buyerAmount,
        uint256 providerAmount,
        uint256 fee
    );
    event Withdrawn(address indexed account, uint256 amount);
    event FeeChanged(uint16 oldFeeBps, uint16 newFeeBps);
    event TreasuryChanged(address indexed oldTreasury, address indexed newTreasury);

    error InvalidToken(address token);
    error ZeroAddress();
    error FeeTooHigh(uint256 feeBps, uint256 maxFeeBps);
    error InvalidDisputeWindow(uint256 disputeWindow);
    error InvalidProvider(address provider);
    error ZeroAmount();
    error InvalidStartDeadline(uint256 startDeadline, uint256 nowTimestamp);
    error EscrowAlreadyExists(bytes32 escrowId);
    error EscrowNotFound(bytes32 escrowId);
    error InvalidStatus(bytes32 escrowId, Status status);
    error NotBuyer(bytes32 escrowId, address caller);
    error NotProvider(bytes32 escrowId, address caller);
    error NotParty(bytes32 escrowId, address caller);
    error StartDeadlinePassed(bytes32 escrowId, uint256 startDeadline);
    error StartDeadlineNotReached(bytes32 escrowId, uint256 startDeadline);
    error DisputeWindowClosed(bytes32 escrowId, uint256 closedAt);
    error DisputeWindowOpen(bytes32 escrowId, uint256 closesAt);
    error InvalidSplit(uint256 providerBps);
    error NothingToWithdraw(address account);

    /// @param token_ The stablecoin (its address must hold code: a typo must not deploy).
    /// @param admin Holds DEFAULT_ADMIN_ROLE: fee, treasury, pause and role management.
    constructor(IERC20 token_, address admin, address arbiter, address treasury_, uint16 feeBps_, uint64 disputeWindow_) {
        if (address(token_).code.length == 0) revert InvalidToken(address(token_));
        if (admin == address(0) || arbiter == address(0) || treasury_ == address(0)) revert ZeroAddress();
        if (feeBps_ > MAX_FEE_BPS) revert FeeTooHigh(feeBps_, MAX_FEE_BPS);
        if (disputeWindow_ < MIN_DISPUTE_WINDOW || disputeWindow_ > MAX_DISPUTE_WINDOW) {
            revert InvalidDisputeWindow(disputeWindow_);
        }
        token = token_;
        disputeWindow = disputeWindow_;
        feeBps = feeBps_;
        treasury = treasury_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ARBITER_ROLE, arbiter);
    }

    // ---------------------------------------------------------------- views

    /// @notice The id of `buyer`'s escrow for `orderId` on this chain and contract. Committing to
    /// the chain and the contract keeps ids unique across every deployment, and committing to the
    /// buyer means nobody can squat an order id seen in the mempool to block the real buyer.
    function escrowIdOf(address buyer, bytes32 orderId) public view returns (bytes32) {
        return keccak256(abi.encode(block.chainid, address(this), buyer, orderId));
    }

    function getEscrow(bytes32 escrowId) external view returns (Escrow memory) {
        return _escrows[escrowId];
    }

    // ---------------------------------------------------------------- opening

    /// @notice Escrows `amount` from the caller (after an `approve`) for `orderId` and `provider`.
    /// @param startDeadline Unix time by which the provider must start, or the buyer may take a refund.
    function open(bytes32 orderId, address provider, uint256 amount, uint64 startDeadline)
        external
        nonReentrant
        whenNotPaused
        returns (bytes32)
    {
        return _open(orderId, provider, amount, startDeadline);
    }

    /// @notice Like `open`, with an EIP-2612 permit so approval and funding take one transaction.
    /// @dev The permit may already have been used by someone who copied it from the mempool; that
    /// must not break the buyer's open, so a failing permit is ignored and the transfer decides:
    /// it succeeds whenever the allowance is there, however it got there.
    function openWithPermit(
        bytes32 orderId,
        address provider,
        uint256 amount,
        uint64 startDeadline,
        uint256 permitDeadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external nonReentrant whenNotPaused returns (bytes32) {
        try IERC20Permit(address(token)).permit(msg.sender, address(this), amount, permitDeadline, v, r, s) {} catch {}
        return _open(orderId, provider, amount, startDeadline);
    }

    function _open(bytes32 orderId, address provider, uint256 amount, uint64 startDeadline) private returns (bytes32 escrowId) {
        if (provider == address(0) || provider == msg.sender) revert InvalidProvider(provider);
        if (amount == 0) revert ZeroAmount();
        if (startDeadline <= block.timestamp) revert InvalidStartDeadline(startDeadline, block.timestamp);
        escrowId = escrowIdOf(msg.sender, orderId);
        if (_escrows[escrowId].status != Status.None) revert EscrowAlreadyExists(escrowId);

        // Credit what arrived, not what was asked: a fee-on-transfer token delivers less, and
        // escrowing the requested amount would promise money this contract never received.
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = token.balanceOf(address(this)) - before;
        if (received == 0) revert ZeroAmount();

        uint16 fee = feeBps;
        _escrows[escrowId] = Escrow({
            buyer: msg.sender,
            startDeadline: startDeadline,
            status: Status.Funded,
            feeBps: fee,
            provider: provider,
            completedAt: 0,
            amount: received,
            orderId: orderId
        });
        emit EscrowOpened(escrowId, orderId, msg.sender, provider, received, startDeadline, fee);
    }

    // ---------------------------------------------------------------- lifecycle

    /// @notice The provider handed the machine over: the start-deadline refund no longer applies.
    function markStarted(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        if (msg.sender != e.provider) revert NotProvider(escrowId, msg.sender);
        _requireStatus(escrowId, e, Status.Funded);
        if (block.timestamp > e.startDeadline) revert StartDeadlinePassed(escrowId, e.startDeadline);
        e.status = Status.Started;
        emit EscrowStarted(escrowId, e.orderId, e.provider);
    }

    /// @notice The provider finished the rental; the dispute window starts now.
    function markCompleted(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        if (msg.sender != e.provider) revert NotProvider(escrowId, msg.sender);
        _requireStatus(escrowId, e, Status.Started);
        e.status = Status.Completed;
        e.completedAt = uint64(block.timestamp);
        emit EscrowCompleted(escrowId, e.orderId, e.provider, uint64(block.timestamp) + disputeWindow);
    }

    /// @notice Either party contests the rental; only the arbiter (or a concession) settles it now.
    function openDispute(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        if (msg.sender != e.buyer && msg.sender != e.provider) revert NotParty(escrowId, msg.sender);
        if (e.status == Status.Completed) {
            uint256 closesAt = uint256(e.completedAt) + disputeWindow;
            if (block.timestamp > closesAt) revert DisputeWindowClosed(escrowId, closesAt);
        } else if (e.status != Status.Started) {
            revert InvalidStatus(escrowId, e.status);
        }
        e.status = Status.Disputed;
        emit EscrowDisputed(escrowId, e.orderId, msg.sender);
    }

    // ---------------------------------------------------------------- settlement

    /// @notice The buyer pays the provider (less the fee). Possible any time before settlement.
    function release(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        if (msg.sender != e.buyer) revert NotBuyer(escrowId, msg.sender);
        _requireUnsettled(escrowId, e);
        _payProvider(escrowId, e);
    }

    /// @notice The provider takes the payment once the dispute window after completion has
    /// passed with no dispute, so a buyer who never releases cannot withhold it.
    function claimPayment(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        if (msg.sender != e.provider) revert NotProvider(escrowId, msg.sender);
        _requireStatus(escrowId, e, Status.Completed);
        uint256 closesAt = uint256(e.completedAt) + disputeWindow;
        if (block.timestamp <= closesAt) revert DisputeWindowOpen(escrowId, closesAt);
        _payProvider(escrowId, e);
    }

    /// @notice The provider returns the whole amount to the buyer. Possible any time before settlement.
    function refund(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        if (msg.sender != e.provider) revert NotProvider(escrowId, msg.sender);
        _requireUnsettled(escrowId, e);
        _refundBuyer(escrowId, e);
    }

    /// @notice The buyer takes the money back when the provider never started by the deadline.
    function claimRefund(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        if (msg.sender != e.buyer) revert NotBuyer(escrowId, msg.sender);
        _requireStatus(escrowId, e, Status.Funded);
        if (block.timestamp <= e.startDeadline) revert StartDeadlineNotReached(escrowId, e.startDeadline);
        _refundBuyer(escrowId, e);
    }

    /// @notice The arbiter settles a dispute: `providerBps` of the amount goes to the provider
    /// (less the fee on that share), the rest to the buyer. Rounding favours the buyer by at
    /// most one base unit, and the three parts always add up to the escrowed amount.
    function resolveDispute(bytes32 escrowId, uint16 providerBps) external nonReentrant onlyRole(ARBITER_ROLE) {
        Escrow storage e = _existing(escrowId);
        _requireStatus(escrowId, e, Status.Disputed);
        if (providerBps > BPS) revert InvalidSplit(providerBps);
        uint256 providerGross = (e.amount * providerBps) / BPS;
        uint256 buyerAmount = e.amount - providerGross;
        uint256 fee = (providerGross * e.feeBps) / BPS;
        e.status = Status.Resolved;
        credits[e.buyer] += buyerAmount;
        credits[e.provider] += providerGross - fee;
        credits[treasury] += fee;
        emit DisputeResolved(escrowId, e.orderId, msg.sender, providerBps, buyerAmount, providerGross - fee, fee);
    }

    // ---------------------------------------------------------------- withdrawals

    /// @notice Sends the caller everything credited to it. Never paused: users can always leave.
    function withdraw() external nonReentrant {
        uint256 amount = credits[msg.sender];
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        credits[msg.sender] = 0;
        token.safeTransfer(msg.sender, amount);
        emit Withdrawn(msg.sender, amount);
    }

    // ---------------------------------------------------------------- admin

    /// @notice Sets the fee for escrows opened from now on (existing escrows keep theirs).
    function setFeeBps(uint16 newFeeBps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (newFeeBps > MAX_FEE_BPS) revert FeeTooHigh(newFeeBps, MAX_FEE_BPS);
        emit FeeChanged(feeBps, newFeeBps);
        feeBps = newFeeBps;
    }

    /// @notice Future fees go to `newTreasury`; fees already credited stay with the old one.
    function setTreasury(address newTreasury) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (newTreasury == address(0)) revert ZeroAddress();
        emit TreasuryChanged(treasury, newTreasury);
        treasury = newTreasury;
    }

    /// @notice Stops new escrows only. Settlement and withdrawals stay open, so pausing can
    /// never trap money that is already in the contract.
    function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _pause();
    }

    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _unpause();
    }

    // ---------------------------------------------------------------- internals

    function _existing(bytes32 escrowId) private view returns (Escrow storage e) {
        e = _escrows[escrowId];
        if (e.status == Status.None) revert EscrowNotFound(escrowId);
    }

    function _requireStatus(bytes32 escrowId, Escrow storage e, Status expected) private view {
        if (e.status != expected) revert InvalidStatus(escrowId, e.status);
    }

    function _requireUnsettled(bytes32 escrowId, Escrow storage e) private view {
        if (e.status >= Status.Released) revert InvalidStatus(escrowId, e.status);
    }

    function _payProvider(bytes32 escrowId, Escrow storage e) private {
        uint256 fee = (e.amount * e.feeBps) / BPS;
        e.status = Status.Released;
        credits[e.provider] += e.amount - fee;
        credits[treasury] += fee;
        emit EscrowReleased(escrowId, e.orderId, e.provider, msg.sender, e.amount - fee, fee);
    }

    function _refundBuyer(bytes32 escrowId, Escrow storage e) private {
        e.status = Status.Refunded;
        credits[e.buyer] += e.amount;
        emit EscrowRefunded(escrowId, e.orderId, e.buyer, msg.sender, e.amount);
    }
}
