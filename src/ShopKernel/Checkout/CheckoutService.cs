using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopKernel.Carts;
using ShopKernel.Concurrency;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Diagnostics;
using ShopKernel.Orders;
using ShopKernel.Pricing;
using ShopKernel.Promotions;

namespace ShopKernel.Checkout;

/// <summary>
/// Places orders from carts, exactly once however often the same cart or idempotency key is submitted: it loads the
/// cart and the buyer's facts, validates, prices, runs the checkout guards, checks stock and then commits once —
/// the order, the cart's removal, the purchase facts and the stock decrements in one transaction.
/// </summary>
public sealed partial class CheckoutService
{
    private readonly ShopErrorDescriber _describer;
    private readonly ICartStore _carts;
    private readonly ICheckoutStore _checkout;
    private readonly IOrderStore _orders;
    private readonly ICartPricer _pricer;
    private readonly PricingInputs _inputs;
    private readonly IOrderNumberGenerator _numbers;
    private readonly IEnumerable<ICheckoutGuard> _guards;
    private readonly ContactNormalizer _contacts;
    private readonly CheckoutOptions _settings;
    private readonly TimeSpan _attributionWindow;
    private readonly TimeProvider _time;
    private readonly OrderNumberFormat _numberFormat;
    private readonly ILogger _logger;
    private readonly ShopKernelMetrics _metrics;
    private readonly IStoreSession? _session;

    /// <summary>Creates the service; hosts resolve it from dependency injection.</summary>
    /// <param name="carts">The cart store.</param>
    /// <param name="checkout">The checkout store.</param>
    /// <param name="orders">The order store.</param>
    /// <param name="pricer">The pricer.</param>
    /// <param name="promotions">The active promotions.</param>
    /// <param name="numbers">The order number generator.</param>
    /// <param name="guards">The checkout guards, in order.</param>
    /// <param name="contacts">Reads and normalises the buyer's e-mail and phone.</param>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="numberFormat">The shop's order number format, in which placed orders show their number.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="metrics">The instruments to record on; the process-wide ones when omitted.</param>
    /// <param name="errorDescriber">Words the descriptions of the errors returned; <see cref="ShopErrorDescriber.Default"/> when omitted.</param>
    /// <param name="session">Holds the stores' connection from the cart's read to the commit; none when omitted.</param>
    public CheckoutService(
        ICartStore carts,
        ICheckoutStore checkout,
        IOrderStore orders,
        ICartPricer pricer,
        PromotionCatalog promotions,
        IOrderNumberGenerator numbers,
        IEnumerable<ICheckoutGuard> guards,
        ContactNormalizer contacts,
        IOptions<ShopKernelOptions> options,
        TimeProvider timeProvider,
        OrderNumberFormat numberFormat,
        ILogger<CheckoutService>? logger = null,
        ShopKernelMetrics? metrics = null,
        ShopErrorDescriber? errorDescriber = null,
        IStoreSession? session = null)
    {
        _carts = carts ?? throw new ArgumentNullException(nameof(carts));
        _checkout = checkout ?? throw new ArgumentNullException(nameof(checkout));
        _orders = orders ?? throw new ArgumentNullException(nameof(orders));
        _pricer = pricer ?? throw new ArgumentNullException(nameof(pricer));
        _inputs = new PricingInputs(checkout, promotions ?? throw new ArgumentNullException(nameof(promotions)));
        _numbers = numbers ?? throw new ArgumentNullException(nameof(numbers));
        _guards = guards ?? throw new ArgumentNullException(nameof(guards));
        _contacts = contacts ?? throw new ArgumentNullException(nameof(contacts));
        ArgumentNullException.ThrowIfNull(options);
        _settings = options.Value.Checkout ?? throw new ArgumentException("ShopKernel:Checkout is required.", nameof(options));
        _attributionWindow = options.Value.Subscriptions?.AttributionWindow ?? TimeSpan.Zero;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _numberFormat = numberFormat ?? throw new ArgumentNullException(nameof(numberFormat));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _metrics = metrics ?? ShopKernelMetrics.Shared;
        _describer = errorDescriber ?? ShopErrorDescriber.Default;
        _session = session;
    }

    /// <summary>
    /// Places an order from a cart. Submitting the same cart (or idempotency key) again — a double click, a retry,
    /// a reload, a race — returns the first order with <see cref="PlacedOrder.IsReplay"/> set; it never places a
    /// second one. On any error nothing is stored and the cart is unchanged.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The order, or a typed error with a code from <see cref="CheckoutErrorCodes"/>.</returns>
    public async Task<Result<PlacedOrder>> PlaceOrderAsync(CheckoutRequest request, CancellationToken cancellationToken = default)
    {
        using var activity = ShopKernelActivity.Start(ShopKernelTelemetry.Spans.Checkout);
        long? started = _metrics.CheckoutDurationEnabled ? _time.GetTimestamp() : null;
        try
        {
            var placed = await PlaceCoreAsync(request, activity, cancellationToken).ConfigureAwait(false);
            var outcome = Outcome(placed);
            if (placed.Succeeded && placed.Value.IsReplay)
            {
                _metrics.CheckoutReplayed();
            }

            if (started is { } start)
            {
                _metrics.CheckoutCompleted(_time.GetElapsedTime(start), outcome, placed.Error?.Code);
            }

            if (activity is not null)
            {
                if (placed.Succeeded)
                {
                    activity.SetTag(ShopKernelTelemetry.Tags.OrderNumber, placed.Value.Order.Number.ToString());
                    activity.SetTag(ShopKernelTelemetry.Tags.LineCount, placed.Value.Order.Lines.Count);
                    activity.SetTag(ShopKernelTelemetry.Tags.PaymentMethod, ConfiguredMethod(placed.Value.Order.PaymentMethod));
                }

                ShopKernelActivity.Complete(activity, placed.Error);
                activity.SetTag(ShopKernelTelemetry.Tags.Outcome, outcome);
            }

            return _describer.Apply<PlacedOrder>(placed);
        }
        catch (Exception exception) when (ShopKernelActivity.Faulted(activity, exception) || RecordFault(started, exception))
        {
            throw;
        }
    }

    /// <summary>
    /// The outcome of a checkout, for telemetry: <c>placed</c>, <c>held</c> or <c>replayed</c>; <c>refused</c> when a
    /// guard refused it (a code a guard refuses with, or one that is not checkout's own); <c>failed</c> otherwise.
    /// </summary>
    private static string Outcome(Result<PlacedOrder> placed)
    {
        if (placed.Succeeded)
        {
            return placed.Value.IsReplay ? "replayed" : placed.Value.Order.Status == OrderStatus.OnHold ? "held" : "placed";
        }

        var code = placed.Error.Code;
        return code is CheckoutErrorCodes.BuyerBlocked or CheckoutErrorCodes.PaymentMethodNotAllowed || !code.StartsWith("checkout.", StringComparison.Ordinal)
            ? "refused"
            : "failed";
    }

    /// <summary>
    /// The payment method as configured, for telemetry: a request's spelling (any case) is folded onto it, and a shop
    /// that accepts any method reports <c>unlisted</c> rather than free text from the request.
    /// </summary>
    private string ConfiguredMethod(string requested)
    {
        foreach (var method in _settings.PaymentMethods)
        {
            if (string.Equals(method, requested, StringComparison.OrdinalIgnoreCase))
            {
                return method;
            }
        }

        return "unlisted";
    }

    /// <summary>Records a checkout that ended in an exception on the duration histogram: always <see langword="false"/>.</summary>
    private bool RecordFault(long? started, Exception exception)
    {
        if (started is { } start)
        {
            _metrics.CheckoutCompleted(_time.GetElapsedTime(start), "failed", exception.GetType().FullName);
        }

        return false;
    }

    private async Task<Result<PlacedOrder>> PlaceCoreAsync(CheckoutRequest request, System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        var valid = CheckoutValidator.Validate(request, _settings, _contacts);
        if (!valid.Succeeded)
        {
            return valid.Error;
        }

        // The promotions first: their reload takes a connection of its own. Then one connection from the cart's read
        // through the guards to the commit (and any retry), released before returning.
        var promotions = await _inputs.PromotionsAsync(cancellationToken).ConfigureAwait(false);
        if (_session is null)
        {
            return await PlaceValidAsync(request, valid.Value, promotions, activity, cancellationToken).ConfigureAwait(false);
        }

        await _session.HoldAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PlaceValidAsync(request, valid.Value, promotions, activity, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _session.ReleaseAsync().ConfigureAwait(false);
        }
    }

    private async Task<Result<PlacedOrder>> PlaceValidAsync(CheckoutRequest request, CheckoutContact valid, PromotionSet promotions, System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        var (validContact, validEmailKey) = valid;

        var policy = RetryPolicy.Retries(_settings.MaxConcurrencyRetries, backOff: false);
        var (promotionsChanged, lostCartId) = (false, Guid.Empty);
        return await OptimisticRetry.RunAsync(policy, async Task<Result<PlacedOrder>?> (attempt, _) =>
        {
            var cart = await _carts.FindByTokenAsync(request.CartToken, cancellationToken).ConfigureAwait(false);
            if (cart is null)
            {
                // Gone: converted by an earlier submission (return its order), or never there.
                return await FindEarlierOrderAsync(request, cancellationToken).ConfigureAwait(false) ?? CheckoutErrors.CartNotFound;
            }

            var now = Clock.UtcNow(_time);
            var ready = Precheck(request, cart, now);
            if (!ready.Succeeded)
            {
                return ready.Error;
            }

            var skus = _settings.TrackStock ? cart.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToArray() : [];
            var (pricing, facts, subject) = await _inputs.LoadAsync(
                promotions,
                cart, request.CustomerId, validEmailKey, validContact?.Phone, request.CouponCodes, skus, now, cancellationToken).ConfigureAwait(false);
            if (request.CustomerId is not null && facts.Customer is null)
            {
                // Read in the facts round trip: an order must never be placed, nor purchase facts written, for nobody.
                return CheckoutErrors.CustomerNotFound;
            }

            var contact = validContact
                ?? (facts.Customer is { } profile ? new OrderContact(profile.Email, profile.Phone, profile.FirstName, profile.LastName) : null)
                ?? new OrderContact(null, null, request.ShippingAddress.Recipient, string.Empty);
            var price = _pricer.Price(cart, pricing with { Contact = contact });
            if (price.RejectedCoupons.Count > 0)
            {
                return CheckoutErrors.CouponRejected(price.RejectedCoupons[0]);
            }

            if (request.ExpectedTotal is { } expectedTotal && expectedTotal != price.Total)
            {
                return CheckoutErrors.TotalChangedTo(expectedTotal, price.Total);
            }

            var decrements = StockToTake(cart, facts);
            if (!decrements.Succeeded)
            {
                return decrements.Error;
            }

            string? holdReason = null;
            var context = new CheckoutContext(request, cart, price, contact, now);
            foreach (var guard in _guards)
            {
                var verdict = await guard.CheckAsync(context, cancellationToken).ConfigureAwait(false);
                if (!verdict.Succeeded)
                {
                    _metrics.CheckoutBlocked("refused", verdict.Error.Code);
                    return verdict.Error;
                }

                holdReason ??= verdict.Value.HoldReason;
            }

            var order = OrderFactory.Create(request, cart, price, contact, _numbers.Next(), now, holdReason).ShownIn(_numberFormat);
            var committed = await _checkout.CommitAsync(new OrderCommit(order, cart, cart.Version, decrements.Value)
            {
                EmailKey = validContact is null ? EmailKey(contact) : validEmailKey,
                Redemptions = price.Redemptions,
                RedemptionSubject = subject,
                MailingAttributionSince = _attributionWindow > TimeSpan.Zero && order.PlacedAt - DateTimeOffset.MinValue > _attributionWindow ? order.PlacedAt - _attributionWindow : null,
            }, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(ShopKernelTelemetry.Tags.Attempts, attempt + 1);
            switch (committed.Outcome)
            {
                case CheckoutCommitOutcome.Committed:
                    LogOrderPlaced(_logger, order.Number, order.Lines.Count, order.Total);
                    _metrics.OrderPlaced(ConfiguredMethod(order.PaymentMethod), holdReason is not null);
                    if (holdReason is not null)
                    {
                        _metrics.CheckoutBlocked("held", null);
                    }

                    activity?.SetTag(ShopKernelTelemetry.Tags.OnHold, holdReason is not null);
                    return new PlacedOrder(order, IsReplay: false);
                case CheckoutCommitOutcome.OutOfStock:
                    var available = await _checkout.LoadFactsAsync(new CheckoutFactsQuery(null, [committed.Sku!]), cancellationToken).ConfigureAwait(false);
                    return CheckoutErrors.OutOfStock(committed.Sku!, available.StockLevels.GetValueOrDefault(committed.Sku!));
                case CheckoutCommitOutcome.PromotionsChanged:
                    // A limited promotion was used up meanwhile: price again on fresh facts (the buyer's expected total guards the charge).
                    (promotionsChanged, lostCartId) = (true, cart.Id);
                    return null;
                case CheckoutCommitOutcome.CartChanged:
                case CheckoutCommitOutcome.PurchaseFactsRaced:
                default:
                    // Lost a race: another submission converted the cart, the cart changed, or a parallel first order
                    // created the purchase facts row. The winner, if any, is the answer.
                    if (await FindEarlierOrderAsync(request, cancellationToken).ConfigureAwait(false) is { } winner)
                    {
                        return winner;
                    }

                    if (request.ExpectedCartVersion is not null && !policy.IsLast(attempt))
                    {
                        return CheckoutErrors.CartChanged;
                    }

                    (promotionsChanged, lostCartId) = (false, cart.Id);
                    return null;
            }
        }, CheckoutErrors.Contention, attempt =>
        {
            _metrics.CheckoutRetried();
            if (promotionsChanged)
            {
                LogPromotionsChanged(_logger, lostCartId, attempt + 1);
            }
            else
            {
                LogCheckoutRetry(_logger, lostCartId, attempt + 1);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private static Result Precheck(CheckoutRequest request, Cart cart, DateTimeOffset now)
    {
        if (cart.ExpiresAt <= now)
        {
            return CheckoutErrors.CartExpired;
        }

        if (cart.CustomerId is { } owner && owner != request.CustomerId)
        {
            return CheckoutErrors.CartNotOwned;
        }

        if (cart.IsEmpty)
        {
            return CheckoutErrors.CartEmpty;
        }

        return request.ExpectedCartVersion is { } expected && expected != cart.Version ? CheckoutErrors.CartChanged : Result.Success;
    }

    private static Result<StockDecrement[]> StockToTake(Cart cart, CheckoutFacts facts)
    {
        if (facts.StockLevels.Count == 0)
        {
            return Array.Empty<StockDecrement>();
        }

        var wanted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in cart.Lines)
        {
            if (facts.StockLevels.ContainsKey(line.Sku))
            {
                wanted[line.Sku] = wanted.GetValueOrDefault(line.Sku) + line.Quantity;
            }
        }

        foreach (var (sku, quantity) in wanted)
        {
            var available = facts.StockLevels[sku];
            if (available < quantity)
            {
                return CheckoutErrors.OutOfStock(sku, available);
            }
        }

        return wanted.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => new StockDecrement(w.Key, w.Value)).ToArray();
    }

    /// <summary>
    /// The order an earlier submission placed from this cart (a replay), or the error for an idempotency key that
    /// placed an order from another cart; <see langword="null"/> when there is neither.
    /// </summary>
    private async Task<Result<PlacedOrder>?> FindEarlierOrderAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        var byCart = await _orders.FindByCartTokenAsync(request.CartToken, cancellationToken).ConfigureAwait(false);
        if (byCart is not null)
        {
            return new PlacedOrder(byCart.ShownIn(_numberFormat), IsReplay: true);
        }

        if (request.IdempotencyKey is null)
        {
            return null;
        }

        var byKey = await _orders.FindByIdempotencyKeyAsync(request.IdempotencyKey, cancellationToken).ConfigureAwait(false);
        return byKey is null ? null : (Result<PlacedOrder>?)CheckoutErrors.IdempotencyKeyReused;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Order {Number} placed: {LineCount} lines, {Total}.")]
    private static partial void LogOrderPlaced(ILogger logger, OrderNumber number, int lineCount, Money total);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Checkout of cart {CartId} relied on a promotion used up meanwhile; pricing again (attempt {Attempt}).")]
    private static partial void LogPromotionsChanged(ILogger logger, Guid cartId, int attempt);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Checkout of cart {CartId} lost a race; retrying on fresh data (attempt {Attempt}).")]
    private static partial void LogCheckoutRetry(ILogger logger, Guid cartId, int attempt);

    /// <summary>The matching key of a contact that did not come through the validator (the customer's profile).</summary>
    private string? EmailKey(OrderContact contact) => PricingInputs.Keys(contact, _contacts).EmailKey;
}
