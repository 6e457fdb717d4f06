using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Diagnostics;
using ShopKernel.Promotions;

namespace ShopKernel.Pricing;

/// <summary>
/// Prices a cart for the cart page exactly as checkout will price it: the same <see cref="ICartPricer"/>, the same
/// promotions, the same buyer facts. Show <see cref="PricedCart.Total"/> and pass it to checkout as
/// <see cref="Checkout.CheckoutRequest.ExpectedTotal"/>, so the buyer is never charged another amount than shown.
/// </summary>
public sealed class PricingService
{
    private readonly ShopErrorDescriber _describer;
    private readonly ICartStore _carts;
    private readonly ICartPricer _pricer;
    private readonly PricingInputs _inputs;
    private readonly ContactNormalizer _contacts;
    private readonly TimeProvider _time;

    /// <summary>Creates the service; hosts resolve it from dependency injection.</summary>
    /// <param name="carts">The cart store.</param>
    /// <param name="checkout">The checkout store, which reads the buyer's facts.</param>
    /// <param name="promotions">The active promotions.</param>
    /// <param name="pricer">The pricer.</param>
    /// <param name="contacts">Normalises the buyer's contact.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="errorDescriber">Words the descriptions of the errors returned; <see cref="ShopErrorDescriber.Default"/> when omitted.</param>
    public PricingService(ICartStore carts, ICheckoutStore checkout, PromotionCatalog promotions, ICartPricer pricer, ContactNormalizer contacts, TimeProvider timeProvider, ShopErrorDescriber? errorDescriber = null)
    {
        _carts = carts ?? throw new ArgumentNullException(nameof(carts));
        _pricer = pricer ?? throw new ArgumentNullException(nameof(pricer));
        _inputs = new PricingInputs(checkout ?? throw new ArgumentNullException(nameof(checkout)), promotions ?? throw new ArgumentNullException(nameof(promotions)));
        _contacts = contacts ?? throw new ArgumentNullException(nameof(contacts));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _describer = errorDescriber ?? ShopErrorDescriber.Default;
    }

    /// <summary>Prices a cart: lines, discounts with their explanations, totals, and the coupon codes that give nothing.</summary>
    /// <param name="request">The cart and the buyer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The priced cart, or <c>cart.not_found</c> / <c>cart.expired</c>.</returns>
    public async Task<Result<PricedCart>> PriceCartAsync(CartPricingRequest request, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.Pricing, async Task<Result<PricedCart>> (_) =>
        {
            if (request?.CouponCodes is null || request.CartToken.IsDefault)
            {
                return CartErrors.RequestInvalid;
            }

            var cart = await _carts.FindByTokenAsync(request.CartToken, cancellationToken).ConfigureAwait(false);
            var now = Clock.UtcNow(_time);
            if (cart is null)
            {
                return CartErrors.NotFound;
            }

            if (cart.ExpiresAt <= now)
            {
                return CartErrors.Expired;
            }

            var customerId = cart.CustomerId ?? request.CustomerId;
            var (emailKey, phone) = customerId is null ? PricingInputs.Keys(request.Contact, _contacts) : (null, null);
            var promotions = await _inputs.PromotionsAsync(cancellationToken).ConfigureAwait(false);
            var (context, _, _) = await _inputs.LoadAsync(promotions, cart, customerId, emailKey, phone, request.CouponCodes, [], now, cancellationToken).ConfigureAwait(false);
            return _pricer.Price(cart, context with { Contact = request.Contact });
        }, TagQuote).ConfigureAwait(false));
    }

    private static void TagQuote(System.Diagnostics.Activity activity, PricedCart priced)
    {
        activity.SetTag(ShopKernelTelemetry.Tags.LineCount, priced.Lines.Count);
        activity.SetTag(ShopKernelTelemetry.Tags.AdjustmentCount, priced.Adjustments.Count);
    }
}
