using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Diagnostics;
using ShopKernel.Staff;

namespace ShopKernel.Orders;

/// <summary>
/// Order history and status: a customer's orders, a guest's order by number and contact, staff queries, and
/// status changes along the allowed transitions, each guarded by the order's version. Every order it returns shows its
/// number in the shop's format (<see cref="Order.DisplayNumber"/>).
/// </summary>
public sealed partial class OrderService
{
    private readonly ShopErrorDescriber _describer;
    private readonly IOrderStore _orders;
    private readonly ContactNormalizer _contacts;
    private readonly TimeProvider _time;
    private readonly OrderNumberFormat _numberFormat;
    private readonly IOrderReversalStore _reversals;
    private readonly OrderLifecycleOptions _lifecycle;
    private readonly OrderTransitionTable _transitions;
    private readonly IStoreSession? _session;
    private readonly StaffAccess _access;

    /// <summary>Creates the service; hosts resolve it from dependency injection.</summary>
    /// <param name="orders">The order store.</param>
    /// <param name="reversals">The store of reversals (cancellations, refused parcels, whole returns).</param>
    /// <param name="contacts">Reads typed e-mails and phones and makes the keys they are matched by.</param>
    /// <param name="options">The options: <c>Lifecycle</c> (transitions, restocking, promotion release).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="numberFormat">The shop's order number format, as options configure it.</param>
    /// <param name="access">The staff gate: a change by a member of staff needs <see cref="StaffPermissions.OrdersManage"/> and is logged in its own commit.</param>
    /// <param name="errorDescriber">Words the descriptions of the errors returned; <see cref="ShopErrorDescriber.Default"/> when omitted.</param>
    /// <param name="session">Holds one connection from a change's read to its write; none when the stores have no such resource.</param>
    public OrderService(IOrderStore orders, IOrderReversalStore reversals, ContactNormalizer contacts, IOptions<ShopKernelOptions> options, TimeProvider timeProvider, OrderNumberFormat numberFormat, StaffAccess access, ShopErrorDescriber? errorDescriber = null, IStoreSession? session = null)
    {
        _session = session;
        _access = access ?? throw new ArgumentNullException(nameof(access));
        _orders = orders ?? throw new ArgumentNullException(nameof(orders));
        _reversals = reversals ?? throw new ArgumentNullException(nameof(reversals));
        ArgumentNullException.ThrowIfNull(options);
        _lifecycle = options.Value.Lifecycle ?? throw new ArgumentException("ShopKernel:Lifecycle is required.", nameof(options));
        _transitions = new OrderTransitionTable(_lifecycle);
        _contacts = contacts ?? throw new ArgumentNullException(nameof(contacts));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _numberFormat = numberFormat ?? throw new ArgumentNullException(nameof(numberFormat));
        _describer = errorDescriber ?? ShopErrorDescriber.Default;
    }

    /// <summary>
    /// Reads an order number as a buyer or staff member types it back: with or without the shop's prefix, in any
    /// case, with or without hyphens and spaces (<see cref="OrderNumber.TryParse(string?, OrderNumberFormat, out OrderNumber)"/>
    /// with the shop's format).
    /// </summary>
    /// <param name="text">The number, e.g. an order's <see cref="Order.DisplayNumber"/>.</param>
    /// <param name="number">The number when read.</param>
    /// <returns><see langword="true"/> when the text is a valid order number.</returns>
    public bool TryParseNumber([NotNullWhen(true)] string? text, out OrderNumber number) =>
        OrderNumber.TryParse(text, _numberFormat, out number);

    /// <summary>Gets an order by its number (for staff).</summary>
    /// <param name="number">The order number.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The order, or <c>order.not_found</c>.</returns>
    public async Task<Result<Order>> GetAsync(OrderNumber number, CancellationToken cancellationToken = default)
    {
        var order = await _orders.FindByNumberAsync(number, cancellationToken).ConfigureAwait(false);
        return _describer.Apply<Order>(order is null ? OrderErrors.NotFound : order.ShownIn(_numberFormat));
    }

    /// <summary>
    /// Finds the order placed from a cart, by the cart's token: after a lost response the holder of the token (the
    /// buyer, a guest included) learns the order without submitting the checkout again. The token is the bearer's
    /// proof, exactly as it is for the cart itself.
    /// </summary>
    /// <param name="cartToken">The token of the checked-out cart.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The order; or <c>order.not_found</c> when no order was placed from this cart, <c>order.request_invalid</c> for an empty token.</returns>
    public async Task<Result<Order>> FindByCartTokenAsync(Carts.CartToken cartToken, CancellationToken cancellationToken = default)
    {
        if (cartToken.IsDefault)
        {
            return _describer.Apply<Order>(OrderErrors.RequestInvalid);
        }

        var order = await _orders.FindByCartTokenAsync(cartToken, cancellationToken).ConfigureAwait(false);
        return _describer.Apply<Order>(order is null ? OrderErrors.NotFound : order.ShownIn(_numberFormat));
    }

    /// <summary>
    /// Finds a guest's (or anyone's) order by its number plus the e-mail or phone given at checkout, so a buyer
    /// without an account can look their order up. A wrong contact answers exactly like a wrong number.
    /// </summary>
    /// <param name="number">The order number.</param>
    /// <param name="emailOrPhone">
    /// The e-mail or phone number given at checkout, in any formatting: e-mails compare as
    /// <see cref="ContactNormalizer.NormalizeEmail"/> makes them, phones by E.164, a national number being read in
    /// <c>Contacts.DefaultRegion</c>.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The order, or <c>order.not_found</c>.</returns>
    public async Task<Result<Order>> FindForBuyerAsync(OrderNumber number, string emailOrPhone, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(emailOrPhone))
        {
            return _describer.Apply<Order>(OrderErrors.RequestInvalid);
        }

        var order = await _orders.FindByNumberAsync(number, cancellationToken).ConfigureAwait(false);
        return _describer.Apply<Order>(order is not null && ContactMatching.Matches(_contacts, order.Contact, emailOrPhone) ? order.ShownIn(_numberFormat) : OrderErrors.NotFound);
    }

    /// <summary>A customer's orders, newest first, keyset-paged.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="before">The <see cref="OrderPage.Next"/> of the previous page, or <see langword="null"/>.</param>
    /// <param name="pageSize">The page size, 1 to 200.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, or <c>order.request_invalid</c>.</returns>
    public async Task<Result<OrderPage>> ListForCustomerAsync(CustomerId customerId, OrderNumber? before = null, int pageSize = 20, CancellationToken cancellationToken = default)
    {
        if (customerId.IsEmpty || pageSize is < 1 or > 200)
        {
            return _describer.Apply<OrderPage>(OrderErrors.RequestInvalid);
        }

        var items = await _orders.ListByCustomerAsync(customerId, before, pageSize, cancellationToken).ConfigureAwait(false);
        return _describer.Apply<OrderPage>(Page(items, pageSize));
    }

    /// <summary>Orders placed in a time range, optionally with one status, oldest first, keyset-paged (for staff).</summary>
    /// <param name="from">The earliest placement instant, inclusive.</param>
    /// <param name="to">The latest placement instant, exclusive.</param>
    /// <param name="status">Only this status, when given.</param>
    /// <param name="after">The <see cref="OrderPage.Next"/> of the previous page, or <see langword="null"/>.</param>
    /// <param name="pageSize">The page size, 1 to 500.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, or <c>order.request_invalid</c>.</returns>
    public async Task<Result<OrderPage>> ListAsync(DateTimeOffset from, DateTimeOffset to, OrderStatus? status = null, OrderNumber? after = null, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        if (to <= from || pageSize is < 1 or > 500 || (status is { } s && !Enum.IsDefined(s)))
        {
            return _describer.Apply<OrderPage>(OrderErrors.RequestInvalid);
        }

        var items = await _orders.ListAsync(from, to, status, after, pageSize, cancellationToken).ConfigureAwait(false);
        return _describer.Apply<OrderPage>(Page(items, pageSize));
    }

    private OrderPage Page(IReadOnlyList<Order> items, int pageSize)
    {
        foreach (var order in items)
        {
            order.ShownIn(_numberFormat);
        }

        return new OrderPage(items, items.Count == pageSize ? items[^1].Number : null);
    }

    /// <summary>
    /// Moves an order to a new status along the allowed transitions (<see cref="OrderLifecycleOptions.Transitions"/>),
    /// recording who did it and why. A move to a reversed status (<see cref="OrderReversal.ReversedStatuses"/>:
    /// cancelled, refused on delivery, returned) is a reversal, exactly as <see cref="CancelAsync"/> does it: the stock,
    /// the purchase facts and the promotion uses are given back in the same commit, once.
    /// </summary>
    /// <param name="number">The order number.</param>
    /// <param name="status">The new status.</param>
    /// <param name="expectedVersion">The order version the caller saw; a stale one returns <c>order.concurrency_conflict</c>.</param>
    /// <param name="actor">Who changes the status; a customer may change only their own orders.</param>
    /// <param name="reason">Why, for the history.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The changed order (for a reversed status the order already in it is returned as it is), or <c>order.not_found</c>,
    /// <c>order.transition_invalid</c>, <c>order.concurrency_conflict</c>, <c>order.actor_invalid</c>,
    /// <c>order.reason_invalid</c>, <c>order.request_invalid</c>.
    /// </returns>
    public async Task<Result<Order>> ChangeStatusAsync(OrderNumber number, OrderStatus status, long expectedVersion, OrderActor actor, OrderStatusReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(reason);
        return _describer.Apply(await ShopKernelActivity.RunAsync(
            () =>
            {
                var activity = ShopKernelActivity.Start(ShopKernelTelemetry.Spans.OrderChangeStatus);
                activity?.SetTag(ShopKernelTelemetry.Tags.OrderNumber, number.ToString());
                ShopKernelActivity.SetTag(activity, ShopKernelTelemetry.Tags.OrderStatus, status);
                return activity;
            },
            _ => HeldAsync(async () =>
            {
                var details = Details(number, reason, status);
                if (OrderReversal.IsReversal(status))
                {
                    var reversed = await AsActorAsync(actor, StaffOperations.OrderStatusChange, details, draft => ReverseCoreAsync(number, status, expectedVersion, null, actor, reason, draft, cancellationToken), cancellationToken).ConfigureAwait(false);
                    return reversed.Succeeded ? reversed.Value.Order : Result<Order>.Fail(reversed.Error);
                }

                return await AsActorAsync(actor, StaffOperations.OrderStatusChange, details, draft => ChangeStatusCoreAsync(number, status, expectedVersion, actor, reason, draft, cancellationToken), static _ => true, cancellationToken).ConfigureAwait(false);
            }, cancellationToken)).ConfigureAwait(false));
    }

    /// <summary>What a staff change's access-log entry says it was asked: the order, the new status if any, the reason's code (never its free text).</summary>
    internal static string Details(OrderNumber number, OrderStatusReason reason, OrderStatus? status = null) =>
        status is { } to ? $"order {number}; to {to}; reason {reason.Code}" : $"order {number}; reason {reason.Code}";

    /// <summary>A reversal as its actor may make it: a member of staff through the staff gate, logged in the reversal's commit; anyone else as is.</summary>
    private Task<Result<ReversedOrder>> AsActorAsync(OrderActor actor, string operation, string details, Func<AccessLogDraft?, Task<Result<ReversedOrder>>> change, CancellationToken cancellationToken) =>
        AsActorAsync(actor, operation, details, change, static reversed => !reversed.IsReplay, cancellationToken);

    /// <summary>A change as its actor may make it: a member of staff needs <see cref="StaffPermissions.OrdersManage"/> and the change commits with its access-log entry.</summary>
    private Task<Result<T>> AsActorAsync<T>(OrderActor actor, string operation, string details, Func<AccessLogDraft?, Task<Result<T>>> change, Func<T, bool> committed, CancellationToken cancellationToken) =>
        actor.Kind == OrderActorKind.Staff && actor.IsValid
            ? _access.RunChangeAsync(new StaffActor(actor.Id, actor.DisplayName!), StaffPermissions.OrdersManage, operation, details, (draft, _) => change(draft), committed, cancellationToken)
            : change(null);

    /// <summary>Runs a change with one connection held from the order's read to its write (and a re-read after a conflict), released before returning.</summary>
    private async Task<T> HeldAsync<T>(Func<Task<T>> change, CancellationToken cancellationToken)
    {
        if (_session is null)
        {
            return await change().ConfigureAwait(false);
        }

        await _session.HoldAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await change().ConfigureAwait(false);
        }
        finally
        {
            await _session.ReleaseAsync().ConfigureAwait(false);
        }
    }

    private async Task<Result<Order>> ChangeStatusCoreAsync(OrderNumber number, OrderStatus status, long expectedVersion, OrderActor actor, OrderStatusReason reason, AccessLogDraft? draft, CancellationToken cancellationToken)
    {
        if (Invalid(status, null, actor, reason) is { } invalid)
        {
            return invalid;
        }

        var order = await _orders.FindByNumberAsync(number, cancellationToken).ConfigureAwait(false);
        draft?.Concerns(order?.CustomerId);
        if (Refuse(order, status, expectedVersion, actor) is { } refused)
        {
            return refused;
        }

        order!.ChangeStatus(new OrderStatusChange(status, Clock.UtcNow(_time), actor, reason));
        order.Version = expectedVersion + 1;
        var written = await _orders.UpdateStatusAsync(order, expectedVersion, draft?.Entry(), cancellationToken).ConfigureAwait(false);
        return written.IsStored ? order.ShownIn(_numberFormat)
            : written.DuplicateKey == AccessLogKeys.Sequence ? StaffErrors.AccessLogRaced
            : await ConflictAsync(number, cancellationToken).ConfigureAwait(false);
    }
}
