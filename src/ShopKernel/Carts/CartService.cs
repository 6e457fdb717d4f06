using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopKernel.Analytics;
using ShopKernel.Concurrency;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Diagnostics;
using ShopKernel.Orders;

namespace ShopKernel.Carts;

/// <summary>
/// The cart lifecycle: create, read, add, change, remove, clear, attach and merge on sign-in, expiry and the
/// abandoned-cart list. Every change loads the cart, decides in memory and stores it with one version-guarded
/// write; expected outcomes come back as <see cref="Result{T}"/> with codes from <see cref="CartErrorCodes"/>.
/// </summary>
public sealed partial class CartService
{
    private readonly ShopErrorDescriber _describer;
    private readonly ICartStore _store;
    private readonly IOrderStore? _orders;
    private readonly OrderNumberFormat _numberFormat;
    private readonly CartOptions _limits;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ShopKernelMetrics _metrics;
    private readonly IStoreSession? _session;
    private readonly AcquisitionOptions _acquisition;

    /// <summary>Creates the service; hosts resolve it from dependency injection.</summary>
    /// <param name="store">The cart store.</param>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="metrics">The instruments to record on; the process-wide ones when omitted.</param>
    /// <param name="orders">
    /// The order store, to tell a checked-out cart (<c>cart.checked_out</c>, with its order) from one that never
    /// existed; a host with carts only may leave it out, and then both answer <c>cart.not_found</c>.
    /// </param>
    /// <param name="numberFormat">The shop's order number format, in which <c>cart.checked_out</c> names the order; <see cref="OrderNumberFormat.Default"/> when omitted.</param>
    /// <param name="errorDescriber">Words the descriptions of the errors returned; <see cref="ShopErrorDescriber.Default"/> when omitted.</param>
    /// <param name="session">Holds the store's connection across a change's read and write; none when omitted.</param>
    public CartService(ICartStore store, IOptions<ShopKernelOptions> options, TimeProvider timeProvider, ILogger<CartService>? logger = null, ShopKernelMetrics? metrics = null, IOrderStore? orders = null, OrderNumberFormat? numberFormat = null, ShopErrorDescriber? errorDescriber = null, IStoreSession? session = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _orders = orders;
        _numberFormat = numberFormat ?? OrderNumberFormat.Default;
        _limits = options.Value.Carts ?? throw new ArgumentException("ShopKernel:Carts is required.", nameof(options));
        _time = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _metrics = metrics ?? ShopKernelMetrics.Shared;
        _describer = errorDescriber ?? ShopErrorDescriber.Default;
        _session = session;
        _acquisition = options.Value.Acquisition ?? new AcquisitionOptions();
    }

    private CartOptions Limits => _limits;

    /// <summary>Creates an empty guest cart.</summary>
    /// <param name="currency">The currency of the cart's prices.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new cart, whose <see cref="Cart.Token"/> the host hands to the visitor; or <c>cart.currency_unknown</c>.</returns>
    public async Task<Result<Cart>> CreateAsync(Currency currency, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.CartCreate, async Task<Result<Cart>> (_) =>
        {
            if (currency.IsDefault)
            {
                return CartErrors.CurrencyUnknown;
            }

            var now = Clock.UtcNow(_time);
            var cart = Cart.New(CartToken.New(), null, currency, now, now + Limits.EmptyCartLifetime);
            var stored = await _store.CreateAsync(cart, cancellationToken).ConfigureAwait(false);
            if (!stored.IsStored)
            {
                throw new InvalidOperationException($"The store refused a new guest cart ({stored}).");
            }

            _metrics.CartCreated(forCustomer: false);
            return cart;
        }).ConfigureAwait(false));
    }

    /// <summary>Gets the customer's cart, creating an empty one when the customer has none (one cart per customer).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="currency">The currency of a new cart.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The customer's cart; or <c>cart.customer_invalid</c>, <c>cart.currency_unknown</c>, <c>cart.concurrency_conflict</c>
    /// when other requests kept replacing the cart through every retry.
    /// </returns>
    public async Task<Result<Cart>> GetOrCreateForCustomerAsync(CustomerId customerId, Currency currency, CancellationToken cancellationToken = default)
    {
        if (customerId.IsEmpty)
        {
            return CartErrors.CustomerInvalid;
        }

        if (currency.IsDefault)
        {
            return CartErrors.CurrencyUnknown;
        }

        return _describer.Apply(await OptimisticRetry.RunAsync(RetryPolicy, async Task<Result<Cart>?> (_, ct) =>
        {
            var now = Clock.UtcNow(_time);
            var existing = await _store.FindByCustomerAsync(customerId, ct).ConfigureAwait(false);
            if (existing is not null && existing.ExpiresAt > now)
            {
                return existing;
            }

            if (existing is not null)
            {
                // An expired cart not yet purged: start afresh in its place.
                var expectedVersion = existing.Version;
                existing.Clear();
                Touch(existing, now);
                var renewed = await _store.UpdateAsync(existing, expectedVersion, ct).ConfigureAwait(false);
                return renewed.IsStored ? existing : (Result<Cart>?)null;
            }

            var cart = Cart.New(CartToken.New(), customerId, currency, now, now + Limits.EmptyCartLifetime);
            if ((await _store.CreateAsync(cart, ct).ConfigureAwait(false)).IsStored)
            {
                _metrics.CartCreated(forCustomer: true);
                return cart;
            }

            // Another request created the customer's cart first: try again and return the winner.
            return null;
        }, CartErrors.ConcurrencyConflict, retrying: null, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Gets a cart by its token.</summary>
    /// <param name="token">The token.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The cart; or <c>cart.token_invalid</c>, <c>cart.not_found</c>, <c>cart.checked_out</c> (with the order), <c>cart.expired</c>.</returns>
    public async Task<Result<Cart>> GetAsync(CartToken token, CancellationToken cancellationToken = default)
    {
        if (token.IsDefault)
        {
            return _describer.Apply<Cart>(CartErrors.TokenInvalid);
        }

        var cart = await _store.FindByTokenAsync(token, cancellationToken).ConfigureAwait(false);
        return _describer.Apply<Cart>(cart is null ? await NotFoundAsync(token, cancellationToken).ConfigureAwait(false) : cart.ExpiresAt <= Clock.UtcNow(_time) ? CartErrors.Expired : cart);
    }

    /// <summary>
    /// Why a token finds no cart: <c>cart.checked_out</c> with the order's number when an order was placed from it
    /// (one more read, on this path only), else <c>cart.not_found</c>.
    /// </summary>
    private async Task<ShopError> NotFoundAsync(CartToken token, CancellationToken cancellationToken)
    {
        if (_orders is null)
        {
            return CartErrors.NotFound;
        }

        var order = await _orders.FindByCartTokenAsync(token, cancellationToken).ConfigureAwait(false);
        return order is null ? CartErrors.NotFound : CartErrors.CheckedOut(order.ShownIn(_numberFormat).DisplayNumber);
    }

    /// <summary>Gets a customer's cart.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The cart; or <c>cart.customer_invalid</c>, <c>cart.not_found</c>, <c>cart.expired</c>.</returns>
    public async Task<Result<Cart>> GetForCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        if (customerId.IsEmpty)
        {
            return _describer.Apply<Cart>(CartErrors.CustomerInvalid);
        }

        var cart = await _store.FindByCustomerAsync(customerId, cancellationToken).ConfigureAwait(false);
        return _describer.Apply<Cart>(cart is null ? CartErrors.NotFound : cart.ExpiresAt <= Clock.UtcNow(_time) ? CartErrors.Expired : cart);
    }

    /// <summary>
    /// Adds an item: to the equal line if there is one, else as a new line. A line is what the buyer was shown:
    /// an add joins a line only when product, SKU, options, name, picture link and unit price are all the same, so
    /// no unit is ever charged at a price other than the one shown for it (a changed price makes a second line).
    /// Adding is commutative, so a lost race is retried on fresh data: parallel adds never lose quantity.
    /// </summary>
    /// <param name="token">The cart's token.</param>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed cart, or a typed error (see <see cref="CartErrorCodes"/>); nothing is stored on error.</returns>
    public Task<Result<Cart>> AddItemAsync(CartToken token, CartItem item, CancellationToken cancellationToken = default) =>
        ChangeAsync(ShopKernelTelemetry.Spans.CartAddItem, token, item, static (cart, item, limits, now) => cart.AddItem(item, limits, now), expectedVersion: null, retryOnConflict: true, cancellationToken);

    /// <summary>Sets the quantity of a line; 0 removes it.</summary>
    /// <param name="token">The cart's token.</param>
    /// <param name="lineId">The line's id.</param>
    /// <param name="quantity">The new quantity, 0 to remove.</param>
    /// <param name="expectedVersion">
    /// The cart version the buyer saw: when given and stale, <c>cart.concurrency_conflict</c> is returned and nothing
    /// changes. When omitted, the quantity is set on the latest version.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The changed cart, or <c>cart.token_invalid</c>, <c>cart.not_found</c>, <c>cart.checked_out</c>, <c>cart.expired</c>,
    /// <c>cart.line_not_found</c>, <c>cart.quantity_invalid</c>, <c>cart.concurrency_conflict</c>.
    /// </returns>
    public Task<Result<Cart>> SetQuantityAsync(CartToken token, int lineId, int quantity, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(ShopKernelTelemetry.Spans.CartUpdate, token, (lineId, quantity), static (cart, s, limits, _) => cart.SetQuantity(s.lineId, s.quantity, limits), expectedVersion, retryOnConflict: expectedVersion is null, cancellationToken);

    /// <summary>Removes a line.</summary>
    /// <param name="token">The cart's token.</param>
    /// <param name="lineId">The line's id.</param>
    /// <param name="expectedVersion">The cart version the buyer saw, checked when given.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The changed cart, or <c>cart.token_invalid</c>, <c>cart.not_found</c>, <c>cart.checked_out</c>, <c>cart.expired</c>,
    /// <c>cart.line_not_found</c>, <c>cart.concurrency_conflict</c>.
    /// </returns>
    public Task<Result<Cart>> RemoveLineAsync(CartToken token, int lineId, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(ShopKernelTelemetry.Spans.CartUpdate, token, lineId, static (cart, id, _, _) => cart.RemoveLine(id), expectedVersion, retryOnConflict: expectedVersion is null, cancellationToken);

    /// <summary>Removes every line.</summary>
    /// <param name="token">The cart's token.</param>
    /// <param name="expectedVersion">The cart version the buyer saw, checked when given.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The emptied cart, or <c>cart.token_invalid</c>, <c>cart.not_found</c>, <c>cart.checked_out</c>, <c>cart.expired</c>,
    /// <c>cart.concurrency_conflict</c>.
    /// </returns>
    public Task<Result<Cart>> ClearAsync(CartToken token, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(ShopKernelTelemetry.Spans.CartUpdate, token, 0, static (cart, _, _, _) => { cart.Clear(); return Result.Success; }, expectedVersion, retryOnConflict: expectedVersion is null, cancellationToken);

    /// <summary>
    /// Records where the buyer came from (the landing link's campaign, the referrer, the "how did you hear about us"
    /// answer) on the cart: the last touch, which the order placed from the cart keeps. Each call replaces what the
    /// cart held; <see langword="null"/> or an empty source clears it. Merging a guest's cart on sign-in keeps the
    /// guest's source when it has one.
    /// </summary>
    /// <param name="token">The cart's token.</param>
    /// <param name="acquisition">The source, from <see cref="Acquisition.Create"/> or <see cref="Acquisition.FromLanding"/>.</param>
    /// <param name="expectedVersion">The cart version the caller saw, checked when given.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The changed cart, or <c>acquisition.invalid</c> (an answer that is not one of
    /// <see cref="AcquisitionOptions.HeardAboutCodes"/>), <c>cart.token_invalid</c>, <c>cart.not_found</c>,
    /// <c>cart.checked_out</c>, <c>cart.expired</c>, <c>cart.concurrency_conflict</c>.
    /// </returns>
    public Task<Result<Cart>> SetAcquisitionAsync(CartToken token, Acquisition? acquisition, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        if (acquisition?.HeardAbout is { } answer && !_acquisition.Accepts(answer))
        {
            return Task.FromResult(_describer.Apply<Cart>(Acquisition.Invalid("heard_about", Acquisition.MaxHeardAboutLength)));
        }

        var kept = acquisition is { IsEmpty: false } ? acquisition : null;
        return ChangeAsync(ShopKernelTelemetry.Spans.CartUpdate, token, kept, static (cart, a, _, _) => { cart.Acquisition = a; return Result.Success; }, expectedVersion, retryOnConflict: expectedVersion is null, cancellationToken);
    }

    // The hottest path: without a trace listener it costs no extra async step.
    private Task<Result<Cart>> ChangeAsync<TState>(string span, CartToken token, TState state, Func<Cart, TState, CartOptions, DateTimeOffset, Result> change, long? expectedVersion, bool retryOnConflict, CancellationToken cancellationToken) =>
        ShopKernelActivity.Source.HasListeners()
            ? ChangeTracedAsync(span, token, state, change, expectedVersion, retryOnConflict, cancellationToken)
            : ChangeCoreAsync(null, token, state, change, expectedVersion, retryOnConflict, cancellationToken);

    private async Task<Result<Cart>> ChangeTracedAsync<TState>(string span, CartToken token, TState state, Func<Cart, TState, CartOptions, DateTimeOffset, Result> change, long? expectedVersion, bool retryOnConflict, CancellationToken cancellationToken)
    {
        using var activity = ShopKernelActivity.Start(span);
        return await ShopKernelActivity.TraceAsync(activity, ChangeCoreAsync(activity, token, state, change, expectedVersion, retryOnConflict, cancellationToken), TagLines).ConfigureAwait(false);
    }

    private static void TagLines(System.Diagnostics.Activity activity, Cart cart) => activity.SetTag(ShopKernelTelemetry.Tags.LineCount, cart.Lines.Count);

    private async Task<Result<Cart>> ChangeCoreAsync<TState>(System.Diagnostics.Activity? activity, CartToken token, TState state, Func<Cart, TState, CartOptions, DateTimeOffset, Result> change, long? expectedVersion, bool retryOnConflict, CancellationToken cancellationToken)
    {
        if (token.IsDefault)
        {
            return _describer.Apply<Cart>(CartErrors.TokenInvalid);
        }

        // The hottest path keeps its loop in this one async method: OptimisticRetry's closure and extra async step
        // cost 328 B per add-to-cart (measured with InstrumentationBenchmarks). The policy and its back-off are shared.
        var limits = Limits;
        var policy = RetryPolicy;

        // One connection for the change's read and its write (and its retries), released before returning.
        if (_session is not null)
        {
            await _session.HoldAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var cart = await _store.FindByTokenAsync(token, cancellationToken).ConfigureAwait(false);
                if (cart is null)
                {
                    return _describer.Apply<Cart>(await NotFoundAsync(token, cancellationToken).ConfigureAwait(false));
                }

                var now = Clock.UtcNow(_time);
                if (cart.ExpiresAt <= now)
                {
                    return _describer.Apply<Cart>(CartErrors.Expired);
                }

                if (expectedVersion is { } expected && cart.Version != expected)
                {
                    return _describer.Apply<Cart>(CartErrors.ConcurrencyConflict);
                }

                var loadedVersion = cart.Version;
                var changed = change(cart, state, limits, now);
                if (!changed.Succeeded)
                {
                    return _describer.Apply<Cart>(changed.Error);
                }

                Touch(cart, now);
                var stored = await _store.UpdateAsync(cart, loadedVersion, cancellationToken).ConfigureAwait(false);
                activity?.SetTag(ShopKernelTelemetry.Tags.Attempts, attempt + 1);
                if (stored.IsStored)
                {
                    if (state is CartItem added)
                    {
                        _metrics.ItemsAdded(added.Quantity);
                    }

                    return cart;
                }

                if (!retryOnConflict || policy.IsLast(attempt))
                {
                    return _describer.Apply<Cart>(CartErrors.ConcurrencyConflict);
                }

                _metrics.CartRetried();
                LogConcurrencyRetry(_logger, cart.Id, attempt + 1);
                await policy.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (_session is not null)
            {
                await _session.ReleaseAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Signs a guest's cart in: attaches it to the customer, or, when the customer already has a cart, merges the
    /// two by <paramref name="strategy"/> (default from options) and deletes the guest's cart, atomically. Merging
    /// twice changes nothing: once the guest's cart is gone, the customer's cart is returned as it is.
    /// </summary>
    /// <param name="guestToken">The token of the guest's cart.</param>
    /// <param name="customerId">The customer who signed in.</param>
    /// <param name="strategy">How to merge; <see cref="CartOptions.DefaultMergeStrategy"/> when omitted.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The customer's cart; or <c>cart.token_invalid</c>, <c>cart.customer_invalid</c>, <c>cart.not_found</c>, <c>cart.checked_out</c>, <c>cart.expired</c>, <c>cart.request_invalid</c>.</returns>
    /// <remarks>
    /// When the carts are in different currencies, summing is impossible: the guest's cart wins if it is not empty.
    /// Summed quantities are capped at <see cref="CartOptions.MaxQuantityPerLine"/>; lines beyond
    /// <see cref="CartOptions.MaxLines"/> are not carried over (both are logged).
    /// </remarks>
    public async Task<Result<Cart>> AttachToCustomerAsync(CartToken guestToken, CustomerId customerId, CartMergeStrategy? strategy = null, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.CartMerge, async Task<Result<Cart>> (_) =>
        {
            if (guestToken.IsDefault)
            {
                return CartErrors.TokenInvalid;
            }

            if (customerId.IsEmpty)
            {
                return CartErrors.CustomerInvalid;
            }

            var limits = Limits;
            var mergeStrategy = strategy ?? limits.DefaultMergeStrategy;
            if (!Enum.IsDefined(mergeStrategy))
            {
                return CartErrors.RequestInvalidBecause("The merge strategy is not one of CartMergeStrategy's values.");
            }

            return await OptimisticRetry.RunAsync(RetryPolicy, async Task<Result<Cart>?> (_, ct) =>
            {
                var now = Clock.UtcNow(_time);
                var guest = await _store.FindByTokenAsync(guestToken, ct).ConfigureAwait(false);
                var customerCart = await _store.FindByCustomerAsync(customerId, ct).ConfigureAwait(false);
                var customerCartLive = customerCart is not null && customerCart.ExpiresAt > now;

                if (guest is null || guest.ExpiresAt <= now || (guest.CustomerId is { } owner && owner != customerId))
                {
                    // Already merged (idempotent), expired, or another customer's cart, which is never taken over.
                    return customerCartLive ? customerCart!
                        : guest is not null && guest.ExpiresAt <= now ? CartErrors.Expired
                        : guest is null ? await NotFoundAsync(guestToken, ct).ConfigureAwait(false)
                        : CartErrors.NotFound;
                }

                if (guest.CustomerId == customerId)
                {
                    return guest;
                }

                StoreWrite stored;
                if (customerCart is null)
                {
                    var guestVersion = guest.Version;
                    guest.CustomerId = customerId;
                    Touch(guest, now);
                    stored = await _store.UpdateAsync(guest, guestVersion, ct).ConfigureAwait(false);
                    if (stored.IsStored)
                    {
                        return guest;
                    }
                }
                else
                {
                    var targetVersion = customerCart.Version;
                    if (!customerCartLive)
                    {
                        customerCart.Clear();
                    }

                    var dropped = Merge(customerCart, guest, mergeStrategy, limits);
                    customerCart.Acquisition = guest.Acquisition ?? customerCart.Acquisition;
                    if (dropped > 0)
                    {
                        LogMergeDroppedLines(_logger, customerCart.Id, dropped);
                    }

                    Touch(customerCart, now);
                    stored = await _store.MergeAsync(customerCart, targetVersion, guest, guest.Version, ct).ConfigureAwait(false);
                    if (stored.IsStored)
                    {
                        return customerCart;
                    }
                }

                return null;
            }, CartErrors.ConcurrencyConflict, _ => _metrics.CartRetried(), cancellationToken).ConfigureAwait(false);
        }, TagLines).ConfigureAwait(false));
    }

    private static int Merge(Cart target, Cart guest, CartMergeStrategy strategy, CartOptions limits)
    {
        if (strategy == CartMergeStrategy.SumQuantities && target.Currency != guest.Currency && !target.IsEmpty)
        {
            strategy = CartMergeStrategy.KeepGuestCartIfNotEmpty;
        }

        switch (strategy)
        {
            case CartMergeStrategy.SumQuantities:
                if (target.IsEmpty)
                {
                    target.ReplaceLinesWith(guest);
                    return 0;
                }

                return target.SumLinesFrom(guest, limits);
            case CartMergeStrategy.KeepGuestCart:
            case CartMergeStrategy.KeepGuestCartIfNotEmpty when !guest.IsEmpty:
                target.ReplaceLinesWith(guest);
                return 0;
            default:
                return 0;
        }
    }

    /// <summary>
    /// Deletes expired carts in bounded batches of <see cref="CartOptions.PurgeBatchSize"/>; safe to run from
    /// several nodes at once.
    /// </summary>
    /// <param name="maxBatches">The most batches to run in this call; all expired carts when omitted.</param>
    /// <param name="cancellationToken">Cancels the operation between batches.</param>
    /// <returns>How many carts were deleted.</returns>
    public async Task<int> PurgeExpiredAsync(int? maxBatches = null, CancellationToken cancellationToken = default)
    {
        var batchSize = Limits.PurgeBatchSize;
        var total = 0;
        for (var batch = 0; maxBatches is null || batch < maxBatches; batch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var deleted = await _store.DeleteExpiredAsync(Clock.UtcNow(_time), batchSize, cancellationToken).ConfigureAwait(false);
            total += deleted;
            if (deleted < batchSize)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>
    /// Lists non-empty carts that have not changed for <paramref name="idleFor"/>, oldest change first, keyset-paged.
    /// Whether a reminder may be sent is for the caller (or the subscriptions capability) to decide.
    /// </summary>
    /// <param name="idleFor">How long a cart must have been idle; positive.</param>
    /// <param name="after">The cursor of the previous page, or <see langword="null"/>.</param>
    /// <param name="pageSize">The page size, 1 to 1000.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page; or <c>cart.request_invalid</c> for a bad idle time or page size.</returns>
    public async Task<Result<AbandonedCartPage>> ListAbandonedAsync(TimeSpan idleFor, AbandonedCartCursor? after = null, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        var now = Clock.UtcNow(_time);
        if (idleFor <= TimeSpan.Zero || idleFor > now - DateTimeOffset.MinValue)
        {
            return _describer.Apply<AbandonedCartPage>(CartErrors.RequestInvalidBecause("The idle time must be positive and reach no further back than the year 1."));
        }

        if (pageSize is < 1 or > 1000)
        {
            return _describer.Apply<AbandonedCartPage>(CartErrors.RequestInvalidBecause("The page size must be between 1 and 1000."));
        }

        if (after is not null && after.Token.IsDefault)
        {
            return _describer.Apply<AbandonedCartPage>(CartErrors.RequestInvalidBecause("The cursor names no cart."));
        }

        var items = await _store.ListAbandonedAsync(now - idleFor, now, after, pageSize, cancellationToken).ConfigureAwait(false);
        var next = items.Count == pageSize ? new AbandonedCartCursor(items[^1].UpdatedAt, items[^1].Token) : null;
        return _describer.Apply<AbandonedCartPage>(new AbandonedCartPage(items, next));
    }

    private void Touch(Cart cart, DateTimeOffset now)
    {
        cart.Version++;
        cart.UpdatedAt = now;
        cart.ExpiresAt = now + Limits.LifetimeOf(cart);
    }

    /// <summary>The cart's retry policy: up to <see cref="CartOptions.MaxConcurrencyRetries"/> retries, each after a jittered back-off.</summary>
    private RetryPolicy RetryPolicy => RetryPolicy.Retries(Limits.MaxConcurrencyRetries, backOff: true);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Cart {CartId} changed concurrently; retrying on fresh data (attempt {Attempt}).")]
    private static partial void LogConcurrencyRetry(ILogger logger, Guid cartId, int attempt);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Merging into cart {CartId} dropped or capped {Count} lines at the cart limits.")]
    private static partial void LogMergeDroppedLines(ILogger logger, Guid cartId, int count);
}
