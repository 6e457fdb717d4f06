using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Pricing;
using ShopKernel.Subscriptions;

namespace ShopKernel.AspNetCore.Endpoints;

/// <summary>An amount of money: a decimal <see cref="Amount"/> in major units (<c>19.90</c>) and its ISO 4217 <see cref="Currency"/>.</summary>
/// <param name="Amount">The amount, exact to the currency's minor unit.</param>
/// <param name="Currency">The ISO 4217 code.</param>
public sealed record MoneyResponse(decimal Amount, string Currency)
{
    /// <summary>The response form of <paramref name="money"/>.</summary>
    /// <param name="money">The amount.</param>
    /// <returns>Its amount and currency.</returns>
    public static MoneyResponse From(Money money) => new(money.ToDecimal(), money.Currency.Code);

    /// <summary>The amount as <see cref="Money"/>, when the currency is known and the amount exact in it and in range.</summary>
    internal bool TryToMoney(out Money money)
    {
        money = default;
        return ShopKernel.Currency.TryParse(Currency, out var currency) && Money.TryFromDecimal(Amount, currency, out money);
    }
}

/// <summary>The body that creates a guest cart.</summary>
/// <param name="Currency">The ISO 4217 code of the cart's prices.</param>
public sealed record CreateCartRequest(string? Currency);

/// <summary>The body that adds a product to a cart: what the buyer picked, never its price.</summary>
/// <param name="ProductId">The product, as the host's catalogue names it.</param>
/// <param name="Quantity">How many units.</param>
public sealed record AddCartLineRequest(string? ProductId, int Quantity)
{
    /// <summary>The variant's SKU, when the buyer's page names one; the catalogue decides what it means.</summary>
    public string? Sku { get; init; }

    /// <summary>The variant's options as picked (<c>Colour</c>, <c>Design</c>, …), names compared ignoring case; the catalogue decides which it accepts.</summary>
    public IReadOnlyDictionary<string, string>? Options { get; init; }
}

/// <summary>The body that sets a line's quantity.</summary>
/// <param name="Quantity">The new quantity; 0 removes the line.</param>
public sealed record SetCartLineQuantityRequest(int Quantity);

/// <summary>
/// The body that records where the buyer came from on a cart: the link the visit landed on (its <c>utm_source</c>,
/// <c>utm_medium</c> and <c>utm_campaign</c> are read, its path kept, the rest of its query dropped), or the fields
/// themselves; the referring page; the "how did you hear about us" answer. An empty body clears the cart's source.
/// </summary>
/// <param name="LandingUrl">The landing page's link or path and query (e.g. <c>location.href</c>); when given, <paramref name="Source"/>, <paramref name="Medium"/>, <paramref name="Campaign"/> must be left out.</param>
/// <param name="Referrer">The referring page's link (e.g. <c>document.referrer</c>); only its host is kept.</param>
/// <param name="HeardAbout">The answer, one of the shop's codes.</param>
/// <param name="Source">The source, when no landing link is given.</param>
/// <param name="Medium">The medium, when no landing link is given.</param>
/// <param name="Campaign">The campaign, when no landing link is given.</param>
public sealed record SetCartAcquisitionRequest(string? LandingUrl = null, string? Referrer = null, string? HeardAbout = null, string? Source = null, string? Medium = null, string? Campaign = null);

/// <summary>A cart line.</summary>
/// <param name="Id">The line's id within its cart.</param>
/// <param name="ProductId">The product.</param>
/// <param name="Sku">The variant's SKU.</param>
/// <param name="Name">The product's name when it was added.</param>
/// <param name="UnitPrice">The unit price when it was added.</param>
/// <param name="Quantity">The units.</param>
/// <param name="Subtotal">Unit price times quantity, before discounts.</param>
/// <param name="Options">The variant's options.</param>
/// <param name="PictureUrl">The picture link, if any.</param>
public sealed record CartLineResponse(int Id, string ProductId, string Sku, string Name, MoneyResponse UnitPrice, int Quantity, MoneyResponse Subtotal, IReadOnlyDictionary<string, string> Options, string? PictureUrl);

/// <summary>A cart, as the cart endpoints answer it; its <see cref="Version"/> is also the response's <c>ETag</c>.</summary>
/// <param name="Token">The cart's token (the capability to use it: keep it as a secret of the buyer's).</param>
/// <param name="Currency">The currency of its prices.</param>
/// <param name="Version">The version, sent back in <c>If-Match</c> to change exactly what the buyer saw.</param>
/// <param name="Lines">The lines, in the order added.</param>
/// <param name="TotalQuantity">The units of every line.</param>
/// <param name="Subtotal">The lines' subtotal before discounts.</param>
/// <param name="ExpiresAt">When the cart expires if left idle.</param>
public sealed record CartResponse(string Token, string Currency, long Version, IReadOnlyList<CartLineResponse> Lines, int TotalQuantity, MoneyResponse Subtotal, DateTimeOffset ExpiresAt)
{
    /// <summary>The response form of <paramref name="cart"/>.</summary>
    /// <param name="cart">The cart.</param>
    /// <returns>The cart's response.</returns>
    public static CartResponse From(Cart cart)
    {
        ArgumentNullException.ThrowIfNull(cart);
        return new CartResponse(cart.Token.Value, cart.Currency.Code, cart.Version, [.. cart.Lines.Select(LineOf)], cart.TotalQuantity, MoneyResponse.From(cart.Subtotal), cart.ExpiresAt);
    }

    internal static CartLineResponse LineOf(CartLine line) =>
        new(line.Id, line.ProductId, line.Sku, line.Name, MoneyResponse.From(line.UnitPrice), line.Quantity, MoneyResponse.From(line.UnitPrice * line.Quantity), OptionsOf(line.Options), line.PictureUrl);

    internal static Dictionary<string, string> OptionsOf(LineOptions options)
    {
        var map = new Dictionary<string, string>(options.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in options)
        {
            map[name] = value;
        }

        return map;
    }
}

/// <summary>A discount applied to a cart, a line or an order, with its explanation.</summary>
/// <param name="PromotionId">The promotion.</param>
/// <param name="Kind">The promotion's kind (<c>tier</c>, <c>coupon</c>, …).</param>
/// <param name="Amount">The discount.</param>
/// <param name="Explanation">Why it applies, for the buyer.</param>
public sealed record AdjustmentResponse(string PromotionId, string Kind, MoneyResponse Amount, string Explanation)
{
    internal static AdjustmentResponse[] From(IReadOnlyList<PriceAdjustment> adjustments) =>
        [.. adjustments.Select(a => new AdjustmentResponse(a.PromotionId, a.Kind, MoneyResponse.From(a.Amount), a.Explanation))];
}

/// <summary>A cart line priced for its buyer.</summary>
/// <param name="Line">The line.</param>
/// <param name="Adjustments">The line's discounts.</param>
/// <param name="Total">The line's total after them.</param>
public sealed record QuotedLineResponse(CartLineResponse Line, IReadOnlyList<AdjustmentResponse> Adjustments, MoneyResponse Total);

/// <summary>A cart priced for its buyer: what checkout would charge now.</summary>
/// <param name="Lines">The lines with their discounts.</param>
/// <param name="Adjustments">Every discount, with its explanation.</param>
/// <param name="Subtotal">Before discounts.</param>
/// <param name="Discount">The discounts together.</param>
/// <param name="Total">What the buyer pays; send it as the checkout's <c>expectedTotal</c>.</param>
public sealed record CartQuoteResponse(IReadOnlyList<QuotedLineResponse> Lines, IReadOnlyList<AdjustmentResponse> Adjustments, MoneyResponse Subtotal, MoneyResponse Discount, MoneyResponse Total)
{
    /// <summary>The response form of a priced cart.</summary>
    /// <param name="priced">The priced cart.</param>
    /// <returns>Its response.</returns>
    public static CartQuoteResponse From(PricedCart priced)
    {
        ArgumentNullException.ThrowIfNull(priced);
        var lines = priced.Lines.Select(l => new QuotedLineResponse(CartResponse.LineOf(l.Line), AdjustmentResponse.From(l.Adjustments), MoneyResponse.From(l.Total)));
        return new CartQuoteResponse([.. lines], AdjustmentResponse.From(priced.Adjustments), MoneyResponse.From(priced.Subtotal), MoneyResponse.From(priced.Discount), MoneyResponse.From(priced.Total));
    }
}

/// <summary>A postal address.</summary>
/// <param name="Recipient">Who receives the parcel.</param>
/// <param name="Line1">Street and number.</param>
/// <param name="PostalCode">The postal code.</param>
/// <param name="City">The city.</param>
/// <param name="CountryCode">The ISO 3166-1 alpha-2 country code.</param>
public sealed record AddressRequest(string? Recipient, string? Line1, string? PostalCode, string? City, string? CountryCode);

/// <summary>A guest buyer's contact: an e-mail or a phone (or both) and a name.</summary>
/// <param name="Email">The e-mail.</param>
/// <param name="Phone">The phone, in any common notation.</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
public sealed record ContactRequest(string? Email, string? Phone, string? FirstName, string? LastName);

/// <summary>
/// The body that places an order from a cart. Send the request's <c>Idempotency-Key</c> header with a key made when
/// the checkout page was shown: a repeated submission answers the order already placed instead of a second one.
/// </summary>
/// <param name="PaymentMethod">One of the shop's payment methods.</param>
/// <param name="ShippingAddress">Where the order goes.</param>
public sealed record PlaceOrderRequest(string? PaymentMethod, AddressRequest? ShippingAddress)
{
    /// <summary>The cart's token, when the endpoints carry it in routes (otherwise it comes from the header or cookie).</summary>
    public string? CartToken { get; init; }

    /// <summary>The guest's contact; ignored for a signed-in customer, whose profile is used.</summary>
    public ContactRequest? Contact { get; init; }

    /// <summary>Coupon codes the buyer entered.</summary>
    public IReadOnlyList<string>? CouponCodes { get; init; }

    /// <summary>The total the buyer was shown; when the price changed meanwhile the order is refused (<c>checkout.total_changed</c>).</summary>
    public MoneyResponse? ExpectedTotal { get; init; }

    /// <summary>The cart version the buyer saw; when the cart changed meanwhile the order is refused (<c>checkout.cart_changed</c>).</summary>
    public long? ExpectedCartVersion { get; init; }
}

/// <summary>An order line.</summary>
/// <param name="LineNumber">The line's number within the order.</param>
/// <param name="ProductId">The product.</param>
/// <param name="Sku">The variant's SKU.</param>
/// <param name="Name">The product's name.</param>
/// <param name="UnitPrice">The unit price.</param>
/// <param name="Quantity">The units.</param>
/// <param name="Total">The line's total after its discounts.</param>
/// <param name="Options">The variant's options.</param>
/// <param name="PictureUrl">The picture link, if any.</param>
public sealed record OrderLineResponse(int LineNumber, string ProductId, string Sku, string Name, MoneyResponse UnitPrice, int Quantity, MoneyResponse Total, IReadOnlyDictionary<string, string> Options, string? PictureUrl);

/// <summary>A placed order, as the checkout endpoint answers it.</summary>
/// <param name="Number">The order number as the buyer reads it (over the phone too).</param>
/// <param name="Status">The order's status.</param>
/// <param name="PlacedAt">When it was placed.</param>
/// <param name="Lines">The lines.</param>
/// <param name="Adjustments">Every discount, with its explanation.</param>
/// <param name="Subtotal">Before discounts.</param>
/// <param name="Discount">The discounts together.</param>
/// <param name="Total">What the buyer pays.</param>
/// <param name="PaymentMethod">The payment method.</param>
/// <param name="IsReplay">Whether this submission found the order an earlier one placed (nothing new was placed).</param>
public sealed record OrderResponse(string Number, string Status, DateTimeOffset PlacedAt, IReadOnlyList<OrderLineResponse> Lines, IReadOnlyList<AdjustmentResponse> Adjustments,
    MoneyResponse Subtotal, MoneyResponse Discount, MoneyResponse Total, string PaymentMethod, bool IsReplay)
{
    /// <summary>The response form of a placed order.</summary>
    /// <param name="placed">The order and whether the submission was a replay.</param>
    /// <returns>The order's response.</returns>
    public static OrderResponse From(PlacedOrder placed)
    {
        ArgumentNullException.ThrowIfNull(placed);
        return From(placed.Order, placed.IsReplay);
    }

    internal static OrderResponse From(Orders.Order order, bool isReplay)
    {
        var lines = order.Lines.Select(l => new OrderLineResponse(l.LineNumber, l.ProductId, l.Sku, l.Name, MoneyResponse.From(l.UnitPrice), l.Quantity, MoneyResponse.From(l.Total),
            CartResponse.OptionsOf(l.Options), l.PictureUrl));
        return new OrderResponse(order.DisplayNumber, Names.Of(order.Status), order.PlacedAt, [.. lines], AdjustmentResponse.From(order.Adjustments),
            MoneyResponse.From(order.Subtotal), MoneyResponse.From(order.Discount), MoneyResponse.From(order.Total), order.PaymentMethod, isReplay);
    }
}

/// <summary>The body that subscribes the signed-in customer, or a guest by e-mail or phone, to a topic.</summary>
/// <param name="Topic">The topic id.</param>
public sealed record SubscribeRequest(string? Topic)
{
    /// <summary>A guest's e-mail (give it or <see cref="Phone"/>, as the topic's channel needs; ignored for a signed-in customer).</summary>
    public string? Email { get; init; }

    /// <summary>A guest's phone.</summary>
    public string? Phone { get; init; }

    /// <summary>The version of the consent wording the buyer saw, recorded as evidence.</summary>
    public string? WordingVersion { get; init; }

    /// <summary>Whether the box the buyer ticked started unticked; a pre-ticked box is refused (<c>subscription.consent_pre_ticked</c>).</summary>
    public bool BoxStartedUnticked { get; init; }
}

/// <summary>The body that confirms a double opt-in.</summary>
/// <param name="Token">The token from the confirmation message.</param>
public sealed record ConfirmSubscriptionRequest(string? Token);

/// <summary>A subscription's state for its subject.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="State">The state (<c>not_subscribed</c>, <c>pending</c>, <c>subscribed</c>).</param>
/// <param name="ChangedAt">When it last changed, if ever.</param>
/// <param name="PendingExpiresAt">When a pending confirmation expires.</param>
public sealed record SubscriptionResponse(string Topic, string State, DateTimeOffset? ChangedAt, DateTimeOffset? PendingExpiresAt)
{
    /// <summary>The response form of a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>Its response.</returns>
    public static SubscriptionResponse From(SubscriptionStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(status.Topic, Names.Of(status.State), status.ChangedAt, status.PendingExpiresAt);
    }
}

/// <summary>How many subscriptions an unsubscribe withdrew (0 when there was nothing left to withdraw).</summary>
/// <param name="Withdrawn">The subscriptions withdrawn.</param>
public sealed record UnsubscribeResponse(int Withdrawn);

/// <summary>Enum values as the JSON answers spell them: snake case.</summary>
internal static class Names
{
    public static string Of<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

/// <summary>The body that registers a customer: an e-mail or a phone (or both), a name, optionally a birthday and a password.</summary>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
public sealed record RegisterRequest(string? FirstName, string? LastName)
{
    /// <summary>The e-mail.</summary>
    public string? Email { get; init; }

    /// <summary>The phone, in any common notation.</summary>
    public string? Phone { get; init; }

    /// <summary>The birthday, for birthday discounts.</summary>
    public DateOnly? Birthday { get; init; }

    /// <summary>The password; without one the customer signs in by the host's other means only.</summary>
    public string? Password { get; init; }

    /// <summary>The guest cart to keep, when the endpoints carry tokens in routes (otherwise it comes from the header or cookie).</summary>
    public string? CartToken { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"RegisterRequest {{ HasEmail = {Email is not null}, HasPhone = {Phone is not null}, HasPassword = {Password is not null} }}";
}

/// <summary>The body that signs a customer in with a password.</summary>
/// <param name="Login">The e-mail or phone.</param>
/// <param name="Password">The password.</param>
public sealed record SignInRequest(string? Login, string? Password)
{
    /// <summary>The guest cart to merge, when the endpoints carry tokens in routes (otherwise it comes from the header or cookie).</summary>
    public string? CartToken { get; init; }

    /// <inheritdoc />
    public override string ToString() => "SignInRequest { Password = *** }";
}

/// <summary>The body that changes a customer's name and birthday.</summary>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <param name="Birthday">The birthday, or <see langword="null"/> to forget it.</param>
public sealed record UpdateProfileRequest(string? FirstName, string? LastName, DateOnly? Birthday);

/// <summary>The signed-in customer's own profile.</summary>
/// <param name="Id">The customer id.</param>
/// <param name="Email">The e-mail, if any.</param>
/// <param name="EmailVerified">Whether the e-mail is verified.</param>
/// <param name="Phone">The phone (E.164), if any.</param>
/// <param name="PhoneVerified">Whether the phone is verified.</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <param name="Birthday">The birthday, if given.</param>
/// <param name="CreatedAt">When the customer registered.</param>
public sealed record ProfileResponse(Guid Id, string? Email, bool EmailVerified, string? Phone, bool PhoneVerified, string FirstName, string LastName, DateOnly? Birthday, DateTimeOffset CreatedAt)
{
    /// <summary>The cart of the customer after signing in, with the guest cart the request carried merged into it.</summary>
    public CartResponse? Cart { get; init; }

    /// <summary>The response form of <paramref name="customer"/>.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>Their profile.</returns>
    public static ProfileResponse From(Customers.Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new(customer.Id.Value, customer.Email, customer.EmailVerified, customer.Phone, customer.PhoneVerified, customer.FirstName, customer.LastName, customer.Birthday, customer.CreatedAt);
    }
}

/// <summary>A page of the signed-in customer's orders, newest first.</summary>
/// <param name="Items">The orders.</param>
/// <param name="Next">The <c>before</c> of the next page; <see langword="null"/> on the last.</param>
public sealed record OrderPageResponse(IReadOnlyList<OrderResponse> Items, string? Next);
