// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title Idlegrid escrow, version 2: fixed-price deliverables and metered rentals
/// @notice Holds a buyer's stablecoin for one order until it is settled. Two kinds of escrow:
/// - Fixed: a deliverable (a training job) paid in full or not at all, as in version 1.
/// - Rental: a GPU rented by the second. The order fixes a rate (token base units per second)
///   and a prepaid amount; from `markStarted` on, value accrues to the provider linearly until
///   the prepaid amount is used up. The provider claims what accrued whenever it likes, the buyer
///   can stop at any moment and gets the unused rest back in the same transaction.
///
/// State machine (one escrow per buyer and order id, never reused). Fixed:
///
///     None ──open──▶ Funded ──markStarted──▶ Started ──markCompleted──▶ Completed
///                                              │                          │
///                                              └──openDispute──▶ Disputed ◀┘ (within the window)
///
/// Rental (claims keep it Started until nothing is left; extend keeps the status):
///
///     None ──openRental──▶ Funded ──markStarted──▶ Started ──monitorStop──▶ MonitorStopped
///                            │                       │  │                        │
///                            │ stop: Refunded        │  └──openDispute──▶ Disputed ◀ (within the window)
///                                                    │
///                          stop / claim of the last unit ──▶ Ended ◀── finalizeMonitorStop (after the window)
///
/// Settled (terminal): Released (everything left to the provider: buyer's release, provider's
/// claimPayment), Refunded (everything left to the buyer: provider's refund, buyer's claimRefund,
/// stop before a start), Resolved (a dispute split by the arbiter, or its default outcome after
/// DISPUTE_TIMEOUT), Ended (a rental split by its meter). Status values are append-only: the app
/// reads them by index, so version 1's values keep their numbers.
///
/// Either party may always concede before settlement: the buyer can `release` everything still
/// held to the provider, the provider can `refund` everything still held to the buyer. The arbiter
/// only decides when neither concedes, can never be the buyer, the provider or one of the
/// provider's operators, and only splits what is still held: amounts a rental's provider already
/// claimed stay claimed.
///
/// Metering and rounding: a rental started at `startedAt` has accrued, at time t,
/// `min(ratePerSecond * (t - startedAt), amount)`: the rate for every whole second run, capped at
/// the prepaid amount, so never more than rate × time actually run. It therefore ends at
/// `endsAt = startedAt + ceil(amount / ratePerSecond)`; when the amount is not a multiple of the
/// rate (a fee-on-transfer token, an odd top-up) the last second accrues only the remainder. The
/// amount need not be a multiple of the rate because the contract credits what arrived, which a
/// fee-on-transfer token makes unpredictable. An endsAt beyond uint64 saturates (it never comes).
///
/// Disputes: either party can dispute a running fixed job or rental (no time limit: it is still
/// running), a completed fixed job until `completedAt + disputeWindow`, and a monitor stop until
/// `completedAt + disputeWindow` (`completedAt` is when the window started). A dispute freezes a
/// rental's meter at the moment it opens (a monitor stop's own end time stays the freeze point).
/// If the arbiter has not resolved it after DISPUTE_TIMEOUT, either party can settle it with the
/// default outcome: the provider gets what had accrued when the meter froze (less the fee and less
/// what it already claimed), the buyer the rest; for a fixed job "accrued" is the whole amount if it
/// was Completed when disputed, nothing if it was only Started.
///
/// Liveness: each party alone, without the arbiter, can bring every escrow to settlement within a
/// bounded time, never by giving up more than the rules above give it:
/// - Funded: the buyer right away (rental: `stop`) or after the start deadline, which is at most
///   MAX_START_WINDOW after opening (`claimRefund`); the provider right away (`refund`).
/// - Started fixed: the provider by `markCompleted`, then `claimPayment` after the dispute window
///   (or the dispute's default); the buyer by `openDispute`, then its default after DISPUTE_TIMEOUT.
/// - Started rental: the buyer by `stop` right away; the provider by claiming the last unit at
///   `endsAt`, or by `openDispute` and its default (everything accrued) after DISPUTE_TIMEOUT.
/// - Completed, MonitorStopped: after the dispute window (`claimPayment`, `finalizeMonitorStop`),
///   or the default of a dispute opened in it. Disputed: its default after DISPUTE_TIMEOUT.
/// So no escrow outlives max(MAX_START_WINDOW, disputeWindow + DISPUTE_TIMEOUT) of inaction.
///
/// Fees: `feeBps` is snapshotted into each escrow when it is opened (extensions keep it), so an
/// admin changing the fee never changes the terms of money already escrowed. The fee is only taken
/// on amounts paid to the provider, and is computed on the running total the provider has been
/// paid, rounded down: fee(total) - fee(total before this payment). A rental claimed in many small
/// steps therefore pays exactly the fee of one payment of the same total. Refunds are fee-free.
/// The fee is credited to the treasury in office at the time of each payment.
///
/// Operators: a provider can authorize addresses (its machine agent) to start, complete and claim
/// on its behalf. Money still only ever goes to the provider; operators cannot refund, stop or
/// dispute.
///
/// Monitor: MONITOR_ROLE (the platform's uptime oracle) can end a running rental at a past moment
/// it observed, at most MAX_MONITOR_LOOKBACK ago. The split it implies (accrual until then) is held
/// for the dispute window, during which either party can dispute it; afterwards either party
/// finalizes it. It cannot take back what the provider already claimed.
///
/// Money leaves only by pull payments: settlement credits balances and each account calls
/// `withdraw`. A token that blocks one address (USDC's blacklist) then blocks only that
/// address's own withdrawal, never a settlement or anyone else's funds. Pausing stops only new
/// escrows and extensions, never settlement or withdrawals.
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
        Resolved,
        MonitorStopped,
        Ended
    }

    enum Kind {
        Fixed,
        Rental
    }

    /// @dev Seven slots: (buyer, startDeadline, status, feeBps, kind), (provider, completedAt),
    /// amount, orderId, ratePerSecond, claimed, (startedAt, endsAt, stoppedAt, disputedAt).
    /// The first four slots are version 1's, so a fixed-price open costs what it did.
    struct Escrow {
        address buyer;
        uint64 startDeadline;
        Status status;
        uint16 feeBps;
        Kind kind;
        address provider;
        /// When the dispute window started: markCompleted (fixed) or monitorStop (rental); 0 if never.
        uint64 completedAt;
        /// Everything the escrow ever received for this order (opening plus extensions).
        uint256 amount;
        bytes32 orderId;
        /// Rental only: token base units accrued per second of running; 0 for a fixed escrow.
        uint256 ratePerSecond;
        /// Paid to the provider so far, fee included (claims, and the provider's part of a settlement).
        uint256 claimed;
        uint64 startedAt;
        /// Rental only, once started: when the prepaid amount is used up.
        uint64 endsAt;
        /// Rental only: where the meter froze (dispute opened, monitor's end time, stop); 0 while running.
        uint64 stoppedAt;
        uint64 disputedAt;
    }

    /// @notice May resolve disputes.
    bytes32 public constant ARBITER_ROLE = keccak256("ARBITER_ROLE");
    /// @notice May end running rentals at an observed past moment (the platform's uptime oracle).
    bytes32 public constant MONITOR_ROLE = keccak256("MONITOR_ROLE");
    /// @notice Upper bound of the platform fee: 10%. Protects users from a compromised admin.
    uint16 public constant MAX_FEE_BPS = 1_000;
    uint16 public constant BPS = 10_000;
    /// @notice Bounds of the dispute window, so it is neither unusable nor a permanent lock.
    uint64 public constant MIN_DISPUTE_WINDOW = 1 hours;
    uint64 public constant MAX_DISPUTE_WINDOW = 30 days;
    /// @notice A provider gets at least this long to start: a deadline of "now" would let a buyer
    /// open an escrow the provider can never start and reclaim it at once, griefing its listing.
    uint64 public constant MIN_START_WINDOW = 10 minutes;
    /// @notice A start deadline at most this far ahead keeps an unstarted escrow's money from
    /// being locked for an unbounded time (liveness). Generous: the app asks for 48 hours, and the
    /// dev demo history pays orders at block times up to a month in the past with today's deadlines.
    uint64 public constant MAX_START_WINDOW = 60 days;
    /// @notice How long the arbiter has to resolve a dispute before either party can apply the
    /// default outcome: a silent arbiter must not be able to lock money forever.
    uint64 public constant DISPUTE_TIMEOUT = 14 days;
    /// @notice How far back the monitor may date the end of a rental.
    uint64 public constant MAX_MONITOR_LOOKBACK = 1 days;

    /// @notice The only token this escrow accepts, fixed for its lifetime (any decimals).
    IERC20 public immutable token;
    /// @notice Seconds after completion (or a monitor stop) during which either party can still dispute.
    uint64 public immutable disputeWindow;

    uint16 public feeBps;
    address public treasury;
    /// @notice Settled money each account can withdraw.
    mapping(address account => uint256) public credits;
    /// @notice Addresses a provider allowed to start, complete and claim on its behalf.
    mapping(address provider => mapping(address operator => bool)) public isOperator;
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

    /// @notice Emitted right after EscrowOpened when the escrow is a rental.
    event RentalOpened(bytes32 indexed escrowId, bytes32 indexed orderId, uint256 ratePerSecond);
    /// @notice The buyer prepaid `added` more; `endsAt` is 0 while the rental has not started.
    event RentalExtended(bytes32 indexed escrowId, bytes32 indexed orderId, uint256 added, uint256 amount, uint64 endsAt);
    /// @notice The provider was credited `providerAmount` (the treasury `fee`) of what accrued.
    event RentalClaimed(
        bytes32 indexed escrowId, bytes32 indexed orderId, address indexed provider, address by, uint256 providerAmount, uint256 fee
    );
    /// @notice The rental is settled by its meter, which stopped at `endedAt`; the amounts are what
    /// this settlement credited (earlier claims were announced by RentalClaimed).
    event RentalEnded(
        bytes32 indexed escrowId,
        bytes32 indexed orderId,
        address indexed by,
        uint64 endedAt,
        uint256 buyerAmount,
        uint256 providerAmount,
        uint256 fee
    );
    /// @notice The monitor ended a rental at `endedAt`; disputable until `disputeDeadline`.
    event RentalMonitorStopped(bytes32 indexed escrowId, bytes32 indexed orderId, address indexed monitor, uint64 endedAt, uint64 disputeDeadline);
    /// @notice Nobody resolved a dispute within DISPUTE_TIMEOUT; `by` applied the default outcome.
    event DisputeTimedOut(bytes32 indexed escrowId, bytes32 indexed orderId, address indexed by, uint256 buyerAmount, uint256 providerAmount, uint256 fee);
    event OperatorSet(address indexed provider, address indexed operator, bool approved);

    error InvalidToken(address token);
    error ZeroAddress();
    error FeeTooHigh(uint256 feeBps, uint256 maxFeeBps);
    error InvalidDisputeWindow(uint256 disputeWindow);
    error InvalidProvider(address provider);
    error ZeroAmount();
    error ZeroRate();
    error InvalidStartDeadline(uint256 startDeadline, uint256 nowTimestamp);
    error EscrowAlreadyExists(bytes32 escrowId);
    error EscrowNotFound(bytes32 escrowId);
    error InvalidStatus(bytes32 escrowId, Status status);
    error WrongKind(bytes32 escrowId, Kind kind);
    error NotBuyer(bytes32 escrowId, address caller);
    error NotProvider(bytes32 escrowId, address caller);
    error NotParty(bytes32 escrowId, address caller);
    error ConflictOfInterest(bytes32 escrowId, address account);
    error StartDeadlinePassed(bytes32 escrowId, uint256 startDeadline);
    error StartDeadlineNotReached(bytes32 escrowId, uint256 startDeadline);
    error DisputeWindowClosed(bytes32 escrowId, uint256 closedAt);
    error DisputeWindowOpen(bytes32 escrowId, uint256 closesAt);
    error DisputeTimeoutNotReached(bytes32 escrowId, uint256 timesOutAt);
    error RentalExpired(bytes32 escrowId, uint256 endsAt);
    error NothingToClaim(bytes32 escrowId);
    error InvalidEndTime(bytes32 escrowId, uint256 endedAt);
    error InvalidOperator(address operator);
    error InvalidSplit(uint256 providerBps);
    error NothingToWithdraw(address account);

    /// @param token_ The stablecoin (its address must hold code: a typo must not deploy).
    /// @param admin Holds DEFAULT_ADMIN_ROLE: fee, treasury, pause and role management (it grants
    /// MONITOR_ROLE, which nobody holds at deployment).
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

    /// @notice Everything about one escrow; with `block.timestamp` a client can draw a rental's
    /// live meter from it (or call `accrued`).
    function getEscrow(bytes32 escrowId) external view returns (Escrow memory) {
        return _escrows[escrowId];
    }

    /// @notice A rental's value accrued by now (fee included), frozen where its meter stopped;
    /// `claimed` of it is already paid. Once settled: what the provider was paid in all.
    /// 0 for a fixed escrow or a rental that never started.
    function accrued(bytes32 escrowId) external view returns (uint256) {
        Escrow storage e = _escrows[escrowId];
        if (e.kind != Kind.Rental) return 0;
        if (e.status >= Status.Released && e.status != Status.MonitorStopped) return e.claimed;
        return _accruedAt(e, e.stoppedAt != 0 && e.stoppedAt < block.timestamp ? e.stoppedAt : block.timestamp);
    }

    // ---------------------------------------------------------------- opening

    /// @notice Escrows `amount` from the caller (after an `approve`) for a fixed-price `orderId`.
    /// @param startDeadline Unix time by which the provider must start, or the buyer may take a
    /// refund: between MIN_START_WINDOW and MAX_START_WINDOW from now.
    function open(bytes32 orderId, address provider, uint256 amount, uint64 startDeadline)
        external
        nonReentrant
        whenNotPaused
        returns (bytes32)
    {
        return _open(orderId, provider, 0, amount, startDeadline);
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
        _permit(amount, permitDeadline, v, r, s);
        return _open(orderId, provider, 0, amount, startDeadline);
    }

    /// @notice Prepays `amount` for a metered rental at `ratePerSecond`; see the contract notes
    /// for how it accrues. The amount need not be a multiple of the rate.
    function openRental(bytes32 orderId, address provider, uint256 ratePerSecond, uint256 amount, uint64 startDeadline)
        external
        nonReentrant
        whenNotPaused
        returns (bytes32)
    {
        if (ratePerSecond == 0) revert ZeroRate();
        return _open(orderId, provider, ratePerSecond, amount, startDeadline);
    }

    /// @notice `openRental` with a permit; a spent or missing permit falls back to the allowance,
    /// as in `openWithPermit`.
    function openRentalWithPermit(
        bytes32 orderId,
        address provider,
        uint256 ratePerSecond,
        uint256 amount,
        uint64 startDeadline,
        uint256 permitDeadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external nonReentrant whenNotPaused returns (bytes32) {
        if (ratePerSecond == 0) revert ZeroRate();
        _permit(amount, permitDeadline, v, r, s);
        return _open(orderId, provider, ratePerSecond, amount, startDeadline);
    }

    /// @notice The buyer prepays `amount` more for a rental that is funded or still running; its
    /// end moves out by what the amount buys at the order's rate. A rental whose prepaid time ran
    /// out cannot be extended: the machine stopped being paid for, so the gap would be billed.
    function extend(bytes32 escrowId, uint256 amount) external nonReentrant whenNotPaused {
        _extend(escrowId, amount);
    }

    /// @notice `extend` with a permit, falling back to the allowance like `openWithPermit`.
    function extendWithPermit(bytes32 escrowId, uint256 amount, uint256 permitDeadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
        whenNotPaused
    {
        _permit(amount, permitDeadline, v, r, s);
        _extend(escrowId, amount);
    }

    function _permit(uint256 amount, uint256 permitDeadline, uint8 v, bytes32 r, bytes32 s) private {
        try IERC20Permit(address(token)).permit(msg.sender, address(this), amount, permitDeadline, v, r, s) {} catch {}
    }

    /// @dev Credits what arrived, not what was asked: a fee-on-transfer token delivers less, and
    /// escrowing the requested amount would promise money this contract never received.
    function _pull(uint256 amount) private returns (uint256 received) {
        if (amount == 0) revert ZeroAmount();
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        received = token.balanceOf(address(this)) - before;
        if (received == 0) revert ZeroAmount();
    }

    function _open(bytes32 orderId, address provider, uint256 rate, uint256 amount, uint64 startDeadline)
        private
        returns (bytes32 escrowId)
    {
        if (provider == address(0) || provider == msg.sender) revert InvalidProvider(provider);
        if (startDeadline < block.timestamp + MIN_START_WINDOW || startDeadline > block.timestamp + MAX_START_WINDOW) {
            revert InvalidStartDeadline(startDeadline, block.timestamp);
        }
        escrowId = escrowIdOf(msg.sender, orderId);
        Escrow storage e = _escrows[escrowId];
        if (e.status != Status.None) revert EscrowAlreadyExists(escrowId);
        uint256 received = _pull(amount);

        uint16 fee = feeBps;
        e.buyer = msg.sender;
        e.startDeadline = startDeadline;
        e.status = Status.Funded;
        e.feeBps = fee;
        e.provider = provider;
        e.amount = received;
        e.orderId = orderId;
        emit EscrowOpened(escrowId, orderId, msg.sender, provider, received, startDeadline, fee);
        if (rate != 0) {
            e.kind = Kind.Rental;
            e.ratePerSecond = rate;
            emit RentalOpened(escrowId, orderId, rate);
        }
    }

    function _extend(bytes32 escrowId, uint256 amount) private {
        Escrow storage e = _existing(escrowId);
        if (msg.sender != e.buyer) revert NotBuyer(escrowId, msg.sender);
        _requireKind(escrowId, e, Kind.Rental);
        if (e.status == Status.Started) {
            if (block.timestamp >= e.endsAt) revert RentalExpired(escrowId, e.endsAt);
        } else if (e.status != Status.Funded) {
            revert InvalidStatus(escrowId, e.status);
        }
        uint256 received = _pull(amount);
        e.amount += received;
        if (e.status == Status.Started) e.endsAt = _endOf(e.startedAt, e.amount, e.ratePerSecond);
        emit RentalExtended(escrowId, e.orderId, received, e.amount, e.endsAt);
    }

    // ---------------------------------------------------------------- lifecycle

    /// @notice A provider lets `operator` (e.g. its machine agent) start, complete and claim for
    /// it, or withdraws that permission. Payments still go to the provider only.
    function setOperator(address operator, bool approved) external {
        if (operator == address(0) || operator == msg.sender) revert InvalidOperator(operator);
        isOperator[msg.sender][operator] = approved;
        emit OperatorSet(msg.sender, operator, approved);
    }

    /// @notice The provider (or its operator) handed the machine over: the start-deadline refund
    /// no longer applies, and a rental's meter starts now.
    function markStarted(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        _requireProviderSide(escrowId, e);
        _requireStatus(escrowId, e, Status.Funded);
        if (block.timestamp > e.startDeadline) revert StartDeadlinePassed(escrowId, e.startDeadline);
        e.status = Status.Started;
        e.startedAt = uint64(block.timestamp);
        if (e.kind == Kind.Rental) e.endsAt = _endOf(block.timestamp, e.amount, e.ratePerSecond);
        emit EscrowStarted(escrowId, e.orderId, e.provider);
    }

    /// @notice The provider (or its operator) finished a fixed-price job; the dispute window
    /// starts now. Rentals complete by their meter instead.
    function markCompleted(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        _requireProviderSide(escrowId, e);
        _requireKind(escrowId, e, Kind.Fixed);
        _requireStatus(escrowId, e, Status.Started);
        e.status = Status.Completed;
        e.completedAt = uint64(block.timestamp);
        emit EscrowCompleted(escrowId, e.orderId, e.provider, uint64(block.timestamp) + disputeWindow);
    }

    /// @notice Either party contests the escrow; only the arbiter, a concession or, after
    /// DISPUTE_TIMEOUT, the default outcome settles it now. A rental's meter freezes here.
    function openDispute(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        _requireParty(escrowId, e);
        if (e.status == Status.Completed || e.status == Status.MonitorStopped) {
            uint256 closesAt = uint256(e.completedAt) + disputeWindow;
            if (block.timestamp > closesAt) revert DisputeWindowClosed(escrowId, closesAt);
        } else if (e.status == Status.Started) {
            if (e.kind == Kind.Rental) e.stoppedAt = uint64(block.timestamp);
        } else {
            revert InvalidStatus(escrowId, e.status);
        }
        e.status = Status.Disputed;
        e.disputedAt = uint64(block.timestamp);
        emit EscrowDisputed(escrowId, e.orderId, msg.sender);
    }

    // ---------------------------------------------------------------- rentals

    /// @notice The provider (or its operator) takes what the running rental accrued so far, less
    /// the fee, into the provider's credits. The claim of the last unit settles the rental.
    function claim(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        _requireProviderSide(escrowId, e);
        _requireKind(escrowId, e, Kind.Rental);
        _requireStatus(escrowId, e, Status.Started);
        uint256 gross = _accruedAt(e, block.timestamp) - e.claimed;
        if (gross == 0) revert NothingToClaim(escrowId);
        (uint256 providerAmount, uint256 fee) = _payProvider(e, gross);
        emit RentalClaimed(escrowId, e.orderId, e.provider, msg.sender, providerAmount, fee);
        if (e.claimed == e.amount) {
            e.status = Status.Ended;
            emit RentalEnded(escrowId, e.orderId, msg.sender, e.endsAt, 0, 0, 0);
        }
    }

    /// @notice Either party ends the rental now, in one transaction: the provider is credited what
    /// accrued until now (less the fee and what it claimed), the buyer the rest. Before a start
    /// nothing ran, so stopping refunds the buyer in full (and the provider loses nothing it earned).
    function stop(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        _requireParty(escrowId, e);
        _requireKind(escrowId, e, Kind.Rental);
        if (e.status == Status.Funded) {
            _settleRefund(escrowId, e);
        } else {
            _requireStatus(escrowId, e, Status.Started);
            _endRental(escrowId, e, uint64(block.timestamp < e.endsAt ? block.timestamp : e.endsAt));
        }
    }

    /// @notice The monitor ends a running rental at `endedAt`, a moment it observed (not before the
    /// start, not in the future, at most MAX_MONITOR_LOOKBACK ago). The implied split waits for the
    /// dispute window, then either party finalizes it.
    function monitorStop(bytes32 escrowId, uint64 endedAt) external nonReentrant onlyRole(MONITOR_ROLE) {
        Escrow storage e = _existing(escrowId);
        _requireNeutral(escrowId, e);
        _requireKind(escrowId, e, Kind.Rental);
        _requireStatus(escrowId, e, Status.Started);
        if (endedAt < e.startedAt || endedAt > block.timestamp || uint256(endedAt) + MAX_MONITOR_LOOKBACK < block.timestamp) {
            revert InvalidEndTime(escrowId, endedAt);
        }
        e.status = Status.MonitorStopped;
        e.stoppedAt = endedAt;
        e.completedAt = uint64(block.timestamp);
        emit RentalMonitorStopped(escrowId, e.orderId, msg.sender, endedAt, uint64(block.timestamp) + disputeWindow);
    }

    /// @notice Either party settles an undisputed monitor stop once its dispute window has passed.
    function finalizeMonitorStop(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        _requireParty(escrowId, e);
        _requireStatus(escrowId, e, Status.MonitorStopped);
        uint256 closesAt = uint256(e.completedAt) + disputeWindow;
        if (block.timestamp <= closesAt) revert DisputeWindowOpen(escrowId, closesAt);
        _endRental(escrowId, e, e.stoppedAt);
    }

    // ---------------------------------------------------------------- settlement

    /// @notice The buyer pays the provider everything still held (less the fee). Possible any time
    /// before settlement.
    function release(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        if (msg.sender != e.buyer) revert NotBuyer(escrowId, msg.sender);
        _requireUnsettled(escrowId, e);
        _settleRelease(escrowId, e);
    }

    /// @notice The provider (or its operator) takes the payment of a completed fixed-price job once
    /// the dispute window has passed with no dispute, so a buyer who never releases cannot withhold it.
    function claimPayment(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        _requireProviderSide(escrowId, e);
        _requireStatus(escrowId, e, Status.Completed);
        uint256 closesAt = uint256(e.completedAt) + disputeWindow;
        if (block.timestamp <= closesAt) revert DisputeWindowOpen(escrowId, closesAt);
        _settleRelease(escrowId, e);
    }

    /// @notice The provider returns everything still held to the buyer. Possible any time before settlement.
    function refund(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        if (msg.sender != e.provider) revert NotProvider(escrowId, msg.sender);
        _requireUnsettled(escrowId, e);
        _settleRefund(escrowId, e);
    }

    /// @notice The buyer takes the money back when the provider never started by the deadline.
    function claimRefund(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        if (msg.sender != e.buyer) revert NotBuyer(escrowId, msg.sender);
        _requireStatus(escrowId, e, Status.Funded);
        if (block.timestamp <= e.startDeadline) revert StartDeadlineNotReached(escrowId, e.startDeadline);
        _settleRefund(escrowId, e);
    }

    /// @notice The arbiter settles a dispute: `providerBps` of what is still held goes to the
    /// provider (less the fee on that share), the rest to the buyer. What a rental's provider
    /// already claimed stays claimed. Rounding favours the buyer by at most one base unit, and
    /// the three parts always add up to what was held. The arbiter may not be a party.
    function resolveDispute(bytes32 escrowId, uint16 providerBps) external nonReentrant onlyRole(ARBITER_ROLE) {
        Escrow storage e = _existing(escrowId);
        _requireNeutral(escrowId, e);
        _requireStatus(escrowId, e, Status.Disputed);
        if (providerBps > BPS) revert InvalidSplit(providerBps);
        (uint256 buyerAmount, uint256 providerAmount, uint256 fee) =
            _settle(e, Status.Resolved, ((e.amount - e.claimed) * providerBps) / BPS);
        emit DisputeResolved(escrowId, e.orderId, msg.sender, providerBps, buyerAmount, providerAmount, fee);
    }

    /// @notice Either party applies the default outcome of a dispute the arbiter left unresolved
    /// for longer than DISPUTE_TIMEOUT: the provider gets what had accrued when the meter froze
    /// (a fixed job: all if it was Completed, nothing if only Started), less the fee and what it
    /// already claimed; the buyer the rest.
    function settleDisputeTimeout(bytes32 escrowId) external nonReentrant {
        Escrow storage e = _existing(escrowId);
        _requireParty(escrowId, e);
        _requireStatus(escrowId, e, Status.Disputed);
        uint256 timesOutAt = uint256(e.disputedAt) + DISPUTE_TIMEOUT;
        if (block.timestamp <= timesOutAt) revert DisputeTimeoutNotReached(escrowId, timesOutAt);
        uint256 due = e.kind == Kind.Rental ? _accruedAt(e, e.stoppedAt) : (e.completedAt != 0 ? e.amount : 0);
        (uint256 buyerAmount, uint256 providerAmount, uint256 fee) =
            _settle(e, Status.Resolved, due > e.claimed ? due - e.claimed : 0);
        emit DisputeTimedOut(escrowId, e.orderId, msg.sender, buyerAmount, providerAmount, fee);
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

    /// @notice Stops new escrows and extensions only. Settlement and withdrawals stay open, so
    /// pausing can never trap money that is already in the contract.
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

    function _requireKind(bytes32 escrowId, Escrow storage e, Kind expected) private view {
        if (e.kind != expected) revert WrongKind(escrowId, e.kind);
    }

    function _requireUnsettled(bytes32 escrowId, Escrow storage e) private view {
        Status s = e.status;
        if (s >= Status.Released && s != Status.MonitorStopped) revert InvalidStatus(escrowId, s);
    }

    function _requireParty(bytes32 escrowId, Escrow storage e) private view {
        if (msg.sender != e.buyer && msg.sender != e.provider) revert NotParty(escrowId, msg.sender);
    }

    function _requireProviderSide(bytes32 escrowId, Escrow storage e) private view {
        if (msg.sender != e.provider && !isOperator[e.provider][msg.sender]) revert NotProvider(escrowId, msg.sender);
    }

    /// @dev Whoever decides for the platform (arbiter, monitor) must not be deciding its own case.
    function _requireNeutral(bytes32 escrowId, Escrow storage e) private view {
        if (msg.sender == e.buyer || msg.sender == e.provider || isOperator[e.provider][msg.sender]) {
            revert ConflictOfInterest(escrowId, msg.sender);
        }
    }

    /// @dev startedAt + ceil(amount / rate), saturating at uint64's maximum.
    function _endOf(uint256 startedAt, uint256 amount, uint256 rate) private pure returns (uint64) {
        uint256 end = startedAt + amount / rate + (amount % rate == 0 ? 0 : 1);
        return end > type(uint64).max ? type(uint64).max : uint64(end);
    }

    /// @dev min(rate × whole seconds run, amount); before `endsAt` the product is below the amount,
    /// so it cannot overflow.
    function _accruedAt(Escrow storage e, uint256 t) private view returns (uint256) {
        if (e.startedAt == 0 || t <= e.startedAt) return 0;
        if (t >= e.endsAt) return e.amount;
        return e.ratePerSecond * (t - e.startedAt);
    }

    /// @dev Credits the provider `gross` more (less the fee on the running total) and counts it as claimed.
    function _payProvider(Escrow storage e, uint256 gross) private returns (uint256 providerAmount, uint256 fee) {
        uint256 before = e.claimed;
        uint256 total = before + gross;
        fee = (total * e.feeBps) / BPS - (before * e.feeBps) / BPS;
        providerAmount = gross - fee;
        e.claimed = total;
        credits[e.provider] += providerAmount;
        credits[treasury] += fee;
    }

    /// @dev The one way an escrow is settled: the provider gets `providerGross` more, the buyer
    /// whatever is then left unpaid, so the parts always add up to the amount held.
    function _settle(Escrow storage e, Status status, uint256 providerGross)
        private
        returns (uint256 buyerAmount, uint256 providerAmount, uint256 fee)
    {
        e.status = status;
        (providerAmount, fee) = _payProvider(e, providerGross);
        buyerAmount = e.amount - e.claimed;
        credits[e.buyer] += buyerAmount;
    }

    function _settleRelease(bytes32 escrowId, Escrow storage e) private {
        (, uint256 providerAmount, uint256 fee) = _settle(e, Status.Released, e.amount - e.claimed);
        emit EscrowReleased(escrowId, e.orderId, e.provider, msg.sender, providerAmount, fee);
    }

    function _settleRefund(bytes32 escrowId, Escrow storage e) private {
        (uint256 buyerAmount,,) = _settle(e, Status.Refunded, 0);
        emit EscrowRefunded(escrowId, e.orderId, e.buyer, msg.sender, buyerAmount);
    }

    /// @dev Settles a rental by its meter stopped at `endedAt`; a monitor stop dated before the
    /// provider's last claim credits it nothing more (claims are never taken back).
    function _endRental(bytes32 escrowId, Escrow storage e, uint64 endedAt) private {
        e.stoppedAt = endedAt;
        uint256 due = _accruedAt(e, endedAt);
        (uint256 buyerAmount, uint256 providerAmount, uint256 fee) =
            _settle(e, Status.Ended, due > e.claimed ? due - e.claimed : 0);
        emit RentalEnded(escrowId, e.orderId, msg.sender, endedAt, buyerAmount, providerAmount, fee);
    }
}
