using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShopKernel;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Orders;
using ShopKernel.Pricing;
using ShopKernel.Promotions;
using ShopKernel.Samples.ConsoleApp;
using ShopKernel.Staff;
using ShopKernel.StopList;
using ShopKernel.Subscriptions;

// The main job on the embedded default: a SQLite file beside the sample (or the path given as the first argument).
var databasePath = Path.GetFullPath(args.Length > 0 ? args[0] : "shopkernel-sample.db");
var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddDbContextPool<SampleShopContext>(options => options.UseSqlite(connectionString));
builder.Services
    .AddShopKernel(options =>
    {
        options.Carts.DefaultMergeStrategy = CartMergeStrategy.SumQuantities;
        options.Checkout.PaymentMethods.Add("card");
        options.Checkout.PaymentMethods.Add("cod");
        options.Checkout.TrackStock = true;
        options.Orders.Prefix = "SK";
        options.Contacts.DefaultRegion = "GB";

        // Verification tokens are signed with a secret the host keeps out of source control (user secrets, a vault,
        // an environment variable such as ShopKernel__Tokens__SigningKeys__0). The sample makes one per run.
        options.Tokens.SigningKeys.Add(builder.Configuration["ShopKernel:Tokens:SigningKeys:0"] ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        // Personal data (contacts, names, birthdays, addresses) is stored sealed under per-person data keys that these
        // keys wrap, and found by keyed-hash blind indexes. A host keeps them in a vault (ShopKernel__PersonalData__…);
        // the sample keeps generated ones beside its database so that a second run reads what the first stored.
        var personalData = SampleKeys.LoadOrCreate(databasePath + ".keys");
        options.PersonalData.EncryptionKeys.Add(builder.Configuration["ShopKernel:PersonalData:EncryptionKeys:0"] ?? personalData.EncryptionKey);
        options.PersonalData.IndexKey = builder.Configuration["ShopKernel:PersonalData:IndexKey"] ?? personalData.IndexKey;

        // A newsletter with double opt-in, sent at most once every three days.
        options.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = "newsletter", Cap = new FrequencyCap { MinimumGap = TimeSpan.FromDays(3) } });
    })
    // The stop list stores buyers' keys as HMAC-SHA256 hashes under a secret kept like the one above
    // (ShopKernel__StopList__HashKeys__0). A key made per run means earlier runs' entries no longer match.
    .AddStopList(options => options.HashKeys.Add(builder.Configuration["ShopKernel:StopList:HashKeys:0"] ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))))
    .AddEntityFrameworkStores<SampleShopContext>();

// Who may do what to the customer base is the host's call: ShopKernel asks, before every staff operation, and logs the
// answer. The sample's one member of staff holds every permission; a shop maps each to its own roles.
builder.Services.AddSingleton<IStaffAuthorizer>(new SampleStaff());

using var host = builder.Build();
await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SampleShopContext>();
    // EnsureCreated does nothing to a file that exists: one made by an earlier version of the sample may lack tables
    // or columns the model has now, and ShopKernel says which instead of letting the first query fail.
    if (!await db.Database.EnsureCreatedAsync() && await db.Database.FindMissingShopKernelSchemaAsync() is { Count: > 0 } missing)
    {
        Console.Error.WriteLine(
            $"{databasePath} was made by an earlier version of the sample and lacks {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", …" : string.Empty)}. "
            + "Delete it (or pass another path) and run again; a real shop migrates its database instead (docs/storage.md, Migrations).");
        return 1;
    }

    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    await db.Database.ApplyConsentLedgerGuardAsync();
    await db.Database.ApplyAccessLogGuardAsync();
    await scope.ServiceProvider.GetRequiredService<IStockStore>().SetAvailableAsync("MUG-WHITE", 25);

    // The shop's promotions: a loyalty tier, a mug campaign on a tag the catalogue puts on lines, a welcome coupon.
    var promotions = scope.ServiceProvider.GetRequiredService<PromotionService>();
    Promotion[] shopPromotions =
    [
        new("loyalty", "Loyalty tier", PromotionKind.Tier) { Tiers = [TierLevel.ByOrders(1, 5), TierLevel.BySpend(Money.Parse("500.00 EUR"), 10)] },
        new("mug-week", "Mug week", PromotionKind.Campaign) { Benefit = PromotionBenefit.Percent(10), Tags = ["mugs"], Priority = 1 },
        new("welcome", "Welcome coupon", PromotionKind.Coupon) { Benefit = PromotionBenefit.Fixed(Money.Parse("5.00 EUR")), CouponCode = "WELCOME5", PerCustomerLimit = 1 },
    ];
    foreach (var promotion in shopPromotions)
    {
        if (!(await promotions.GetAsync(promotion.Id)).Succeeded)
        {
            await promotions.CreateAsync(SampleStaff.Olga, promotion);
        }
    }
}

await host.StartAsync();
Console.WriteLine($"ShopKernel sample on {databasePath}");
var address = new PostalAddress("Ada Lovelace", "12 St James's Square", "SW1Y 4JH", "London", "GB");

var tee = new CartItem("tee-classic", "TEE-RED-M", "Classic tee", Money.Parse("19.90 EUR"), 2)
{
    Options = LineOptions.From(("Colour", "Red"), ("Design", "Stripes"), ("Size", "M")),
    PictureUrl = "https://cdn.example.com/catalogue/tee-classic/red-stripes.jpg",
};
var mug = new CartItem("mug", "MUG-WHITE", "Mug", Money.Parse("8.50 EUR"), 1)
{
    Options = LineOptions.From(("Design", "Cat")),
    PictureUrl = "https://cdn.example.com/catalogue/mug/cat.jpg",
    Tags = ["mugs"],
};

// 1. A guest (no account, no cookies: the token travels in the URL) fills a cart and checks out.
await using (var scope = host.Services.CreateAsyncScope())
{
    var carts = scope.ServiceProvider.GetRequiredService<CartService>();
    var checkout = scope.ServiceProvider.GetRequiredService<CheckoutService>();
    var cart = (await carts.CreateAsync(Currency.EUR)).Value;
    Console.WriteLine($"Guest cart: /cart?token={cart.Token}");
    await carts.AddItemAsync(cart.Token, tee);
    await carts.AddItemAsync(cart.Token, mug);
    Console.WriteLine($"Adding 0 mugs is refused: {(await carts.AddItemAsync(cart.Token, mug with { Quantity = 0 })).Error}");

    var request = new CheckoutRequest(cart.Token, "cod", address)
    {
        Contact = new OrderContact("ada@example.com", "+44 20 7946 0018", "Ada", "Lovelace"),
        IdempotencyKey = Guid.NewGuid().ToString("N"),
    };
    var placed = (await checkout.PlaceOrderAsync(request)).Value;
    var again = (await checkout.PlaceOrderAsync(request)).Value;
    Console.WriteLine($"Guest order {placed.Order.DisplayNumber}: {placed.Order.Total}; a double click returns the same order: {again.IsReplay && again.Order.Number == placed.Order.Number}");
}

// 2. Ada registers (any spelling of her e-mail is the same customer). Her guest order stays hidden until she proves the
//    address is hers: the shop sends the verification token, she follows the link, and the order joins her history.
//    An unverified address reserves nothing: Eve registering with it first gains nothing, and loses it when Ada proves it.
CustomerId customerId;
await using (var scope = host.Services.CreateAsyncScope())
{
    var customers = scope.ServiceProvider.GetRequiredService<CustomerService>();
    var orders = scope.ServiceProvider.GetRequiredService<OrderService>();
    var ada = (await customers.RegisterAsync(new CustomerRegistration("Ada", "Lovelace")
    {
        Email = " ADA@example.com",
        Phone = "020 7946 0018",
        Birthday = new DateOnly(1990, 12, 10),
        Password = "correct horse battery staple",
    })).Value;
    customerId = ada.Id;
    Console.WriteLine($"Registered {ada.Email} / {ada.Phone}; orders before verifying: {(await orders.ListForCustomerAsync(ada.Id)).Value.Items.Count}");
    var eve = await customers.RegisterAsync(new CustomerRegistration("Eve", "Mallory") { Email = "ada@EXAMPLE.com", Password = "eve knows this one" });
    Console.WriteLine($"Eve registering with Ada's unverified e-mail: {(eve.Succeeded ? "allowed, it reserves nothing" : eve.Error?.Code)}");
    Console.WriteLine($"A wrong password: {(await customers.SignInAsync("+44 20 7946 0018", "guess")).Error?.Code}");

    var token = (await customers.IssueVerificationTokenAsync(ada.Id, ContactKind.Email)).Value;
    Console.WriteLine($"Verification mail for the host to send to {token.SendTo}: \"{token.Action}\" Link: /verify?token={token.Token} (valid until {token.ExpiresAt:yyyy-MM-dd HH:mm})");
    // The page the link opens asks for a new password: proving the address ends the one set before.
    var verified = (await customers.VerifyContactAsync(token.Token, newPassword: "correct horse battery staple")).Value;
    Console.WriteLine($"Verified; earlier guest orders now in her history: {verified.LinkedOrders}; password reset: {verified.CredentialsReset}; other claims dropped: {verified.DroppedClaims}; the link again: {(await customers.VerifyContactAsync(token.Token)).Error?.Code}");
    if (eve.Succeeded)
    {
        Console.WriteLine($"Eve's account now has e-mail: {(await customers.GetAsync(eve.Value.Id)).Value.Email ?? "none"}; Eve re-claiming it: {(await customers.ChangeEmailAsync(eve.Value.Id, "ada@example.com")).Error?.Code}");
    }
}

// 3. She comes back, fills a new cart as a guest, then signs in: the guest cart joins her customer cart.
await using (var scope = host.Services.CreateAsyncScope())
{
    var carts = scope.ServiceProvider.GetRequiredService<CartService>();
    var customerCart = (await carts.GetOrCreateForCustomerAsync(customerId, Currency.EUR)).Value;
    await carts.AddItemAsync(customerCart.Token, tee with { Quantity = 1 });

    var guestCart = (await carts.CreateAsync(Currency.EUR)).Value;
    await carts.AddItemAsync(guestCart.Token, tee);
    await carts.AddItemAsync(guestCart.Token, mug);
    var merged = (await carts.AttachToCustomerAsync(guestCart.Token, customerId)).Value;
    Print(merged, "Customer cart after sign-in (guest cart merged by summing quantities)");
}

// 4. Signed in, she orders twice in a row ("I forgot something"): two distinct orders. The first uses her welcome
//    coupon; the cart page shows the discounts with their explanations, and checkout charges exactly what it showed.
for (var i = 0; i < 2; i++)
{
    await using var scope = host.Services.CreateAsyncScope();
    var carts = scope.ServiceProvider.GetRequiredService<CartService>();
    var checkout = scope.ServiceProvider.GetRequiredService<CheckoutService>();
    var cart = (await carts.GetOrCreateForCustomerAsync(customerId, Currency.EUR)).Value;
    if (cart.IsEmpty)
    {
        await carts.AddItemAsync(cart.Token, mug with { Quantity = 2 });
    }

    string[] coupons = i == 0 ? ["welcome-5"] : [];
    var shown = (await scope.ServiceProvider.GetRequiredService<PricingService>().PriceCartAsync(new CartPricingRequest(cart.Token) { CustomerId = customerId, CouponCodes = coupons })).Value;
    foreach (var discount in shown.Adjustments)
    {
        Console.WriteLine($"   - {discount.Amount}  {discount.Explanation}");
    }

    var placed = await checkout.PlaceOrderAsync(new CheckoutRequest(cart.Token, "card", address) { CustomerId = customerId, CouponCodes = coupons, ExpectedTotal = shown.Total });
    Console.WriteLine($"Customer order {placed.Value.Order.DisplayNumber}: {placed.Value.Order.Subtotal} - {placed.Value.Order.Discount} = {placed.Value.Order.Total}");
}

// 5. Her order history, newest first, with readable numbers.
await using (var scope = host.Services.CreateAsyncScope())
{
    var orders = scope.ServiceProvider.GetRequiredService<OrderService>();
    var history = (await orders.ListForCustomerAsync(customerId)).Value;
    Console.WriteLine();
    Console.WriteLine("Order history");
    Console.WriteLine("-------------");
    foreach (var order in history.Items)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{order.DisplayNumber}  {order.PlacedAt:yyyy-MM-dd HH:mm:ss}  {order.Status,-8} {order.Total,12}  {string.Join(", ", order.Lines.Select(l => $"{l.Quantity} x {l.Name} [{l.Options}]"))}"));
    }

    var mugStock = await scope.ServiceProvider.GetRequiredService<IStockStore>().GetAvailableAsync("MUG-WHITE");
    Console.WriteLine($"Mugs left in stock: {mugStock}");
}

// 6. She orders for her whole team, which lifts her to the spend tier; the order is then cancelled by staff at her
//    request. The cancellation puts the mugs back in stock, takes the order out of her purchase facts (her tier
//    follows her net spend) and records who cancelled and why; a retry with the same key changes nothing again.
await using (var scope = host.Services.CreateAsyncScope())
{
    var carts = scope.ServiceProvider.GetRequiredService<CartService>();
    var orders = scope.ServiceProvider.GetRequiredService<OrderService>();
    var stock = scope.ServiceProvider.GetRequiredService<IStockStore>();
    var cart = (await carts.GetOrCreateForCustomerAsync(customerId, Currency.EUR)).Value;
    await carts.AddItemAsync(cart.Token, tee with { Quantity = 25 });
    await carts.AddItemAsync(cart.Token, mug with { Quantity = 5 });
    var team = (await scope.ServiceProvider.GetRequiredService<CheckoutService>().PlaceOrderAsync(new CheckoutRequest(cart.Token, "card", address) { CustomerId = customerId })).Value.Order;
    Console.WriteLine();
    Console.WriteLine($"Team order {team.DisplayNumber}: {string.Join(", ", team.Lines.Select(l => $"{l.Quantity} x {l.Name}"))} = {team.Total}");

    var before = (Stock: await stock.GetAvailableAsync("MUG-WHITE"), Spend: await NetSpendAsync(scope.ServiceProvider, customerId), Tier: await TierAsync(scope.ServiceProvider, customerId));
    var key = Guid.NewGuid().ToString("N");
    var olga = OrderActor.Staff("olga", "Olga Petrova");
    var reason = new OrderStatusReason("customer_request", "Ada phoned: the team event is off.");
    var cancelled = (await orders.CancelAsync(team.Number, team.Version, olga, reason, key)).Value;
    var replay = (await orders.CancelAsync(team.Number, team.Version, olga, reason, key)).Value;
    var last = cancelled.Order.History[^1];
    Console.WriteLine($"Cancelled: {cancelled.Order.Status} by {last.Actor.DisplayName} ({last.Reason.Code}: {last.Note}); the same request again is a replay: {replay.IsReplay}");
    Console.WriteLine($"Mugs in stock:  {before.Stock} -> {await stock.GetAvailableAsync("MUG-WHITE")}");
    Console.WriteLine($"Net spend:      {before.Spend} -> {await NetSpendAsync(scope.ServiceProvider, customerId)}");
    Console.WriteLine($"Loyalty:        {before.Tier} -> {await TierAsync(scope.ServiceProvider, customerId)}");
    Console.WriteLine($"Shipping the cancelled order: {(await orders.ChangeStatusAsync(team.Number, OrderStatus.Shipped, cancelled.Order.Version, olga, new OrderStatusReason("handed_to_carrier"))).Error?.Code}");
}

// 7. Her two-mug order is delivered and one mug comes back: the return puts it back in stock and takes its value
//    (after the order's discounts) off her spend; the refund the shop then pays by card is recorded against the line.
//    Her spend follows the order's net: the total less the larger of returned goods and refunds, so a refund for the
//    goods that came back does not take them off twice. Each is exactly once by its key.
await using (var scope = host.Services.CreateAsyncScope())
{
    var orders = scope.ServiceProvider.GetRequiredService<OrderService>();
    var stock = scope.ServiceProvider.GetRequiredService<IStockStore>();
    var olga = OrderActor.Staff("olga", "Olga Petrova");
    var history = (await orders.ListForCustomerAsync(customerId)).Value;
    var order = history.Items.First(o => o.Status == OrderStatus.Placed && o.Lines.Any(l => l.Sku == "MUG-WHITE" && l.Quantity == 2));
    foreach (var status in new[] { OrderStatus.Shipped, OrderStatus.Delivered })
    {
        order = (await orders.ChangeStatusAsync(order.Number, status, order.Version, olga, new OrderStatusReason("carrier_update"))).Value;
    }

    var mugs = order.Lines.First(l => l.Sku == "MUG-WHITE");
    Console.WriteLine();
    Console.WriteLine($"Order {order.DisplayNumber}: {order.Status}, {mugs.Quantity} x {mugs.Name} = {mugs.Total}");

    var before = (Stock: await stock.GetAvailableAsync("MUG-WHITE"), Spend: await NetSpendAsync(scope.ServiceProvider, customerId), Tier: await TierAsync(scope.ServiceProvider, customerId));
    var returnKey = Guid.NewGuid().ToString("N");
    var unwanted = new OrderStatusReason("unwanted", "One mug is enough.");
    LineQuantity[] back = [new(mugs.LineNumber, 1)];
    var returned = (await orders.ReturnAsync(order.Number, order.Version, back, olga, unwanted, returnKey)).Value;
    var returnReplay = (await orders.ReturnAsync(order.Number, order.Version, back, olga, unwanted, returnKey)).Value;
    var entry = returned.Order.Returns[^1];
    Console.WriteLine($"Returned {entry.Lines[0].Quantity} x {mugs.Name} worth {entry.Value(order.Currency)} ({entry.Reason.Code}); restocked: {entry.Restocked}; still {returned.Order.Status}; the same return again is a replay: {returnReplay.IsReplay}");

    var refundKey = Guid.NewGuid().ToString("N");
    var refund = RefundRequest.ForLines($"card-refund-{order.DisplayNumber}", new LineAmount(mugs.LineNumber, entry.Value(order.Currency)));
    var refunded = (await orders.RefundAsync(order.Number, returned.Order.Version, refund, olga, new OrderStatusReason("refund", "Paid back to her card."), refundKey)).Value;
    var paid = refunded.Order.Refunds[^1];
    Console.WriteLine($"Refund recorded: {paid.Amount(order.Currency)} under {paid.PaymentReference}");
    var done = refunded.Order;
    Console.WriteLine($"Order totals:   bought {done.Total}, returned {done.Returned}, refunded {done.Refunded}, net {done.Net}");
    Console.WriteLine($"Mugs in stock:  {before.Stock} -> {await stock.GetAvailableAsync("MUG-WHITE")}");
    Console.WriteLine($"Net spend:      {before.Spend} -> {await NetSpendAsync(scope.ServiceProvider, customerId)}");
    Console.WriteLine($"Loyalty:        {before.Tier} -> {await TierAsync(scope.ServiceProvider, customerId)}");
    var tooMuch = await orders.RefundAsync(order.Number, done.Version, RefundRequest.ForOrder($"card-refund-{order.DisplayNumber}-2", done.Total), olga, new OrderStatusReason("refund"), Guid.NewGuid().ToString("N"));
    Console.WriteLine($"Refunding the whole total again: {tooMuch.Error?.Code} (refundable {tooMuch.Error?.Data[ShopErrorData.Refundable]})");
}

// 8. She ticks the (unticked) newsletter box on her account page, confirms by the link the shop e-mails her, gets one
//    newsletter (a second one the same day is over the cap) and leaves with the one-click link in it.
await using (var scope = host.Services.CreateAsyncScope())
{
    var subscriptions = scope.ServiceProvider.GetRequiredService<SubscriptionService>();
    var ada = ConsentSubject.ForCustomer(customerId);
    var evidence = new ConsentEvidence(ConsentSource.AccountPage) { WordingVersion = "newsletter-v1", BoxStartedUnticked = true };
    var requested = (await subscriptions.RequestAsync("newsletter", ada, evidence)).Value;
    Console.WriteLine();
    Console.WriteLine($"Newsletter: {requested.State}; confirmation link for the host to e-mail to {requested.Confirmation!.SendTo}: /confirm?token={requested.Confirmation.Token}");
    Console.WriteLine($"Confirmed: {(await subscriptions.ConfirmAsync(requested.Confirmation.Token)).Value.State}; the link again: {(await subscriptions.ConfirmAsync(requested.Confirmation.Token)).Error?.Code}");
    var recipients = (await subscriptions.ListEligibleRecipientsAsync(SampleStaff.Olga, "newsletter")).Value;
    Console.WriteLine($"Eligible recipients: {recipients.Items.Count}; sending: {(await subscriptions.RecordSendAsync(ada, "newsletter")).Succeeded}; again today: {(await subscriptions.RecordSendAsync(ada, "newsletter")).Error?.Code}");
    Console.WriteLine($"One-click unsubscribe: {(await subscriptions.RedeemUnsubscribeTokenAsync(recipients.Items[0].Unsubscribe.Token)).Value} withdrawn");
    var proof = (await subscriptions.GetProofAsync(SampleStaff.Olga, ada, "newsletter")).Value;
    Console.WriteLine($"Proof: {string.Join(" → ", proof.Events.Select(e => $"{e.Kind} ({e.Evidence.Source})"))}");
}

// 9. Her rights over her data: an export of everything held about her, then erasure. Her orders keep their accounting
//    facts without her name, contact or address; running the sample again starts afresh.
await using (var scope = host.Services.CreateAsyncScope())
{
    var personalData = scope.ServiceProvider.GetRequiredService<PersonalDataService>();
    using var export = new MemoryStream();
    await personalData.ExportAsync(SampleStaff.Olga, customerId, export);
    Console.WriteLine();
    Console.WriteLine($"Personal data export: {export.Length:N0} bytes of JSON, starting {Encoding.UTF8.GetString(export.ToArray()).ReplaceLineEndings(" ")[..120]}…");
    var erased = (await personalData.EraseAsync(SampleStaff.Olga, customerId)).Value;
    Console.WriteLine($"Erased: profile {erased.CustomerRemoved}, carts {erased.CartsRemoved}, orders anonymised {erased.OrdersAnonymised}");
}

// 10. A guest who refuses two cash-on-delivery parcels is blocked from cash on delivery automatically, however she
//     writes her e-mail next time; card payment still works, and staff can lift the block.
await using (var scope = host.Services.CreateAsyncScope())
{
    var carts = scope.ServiceProvider.GetRequiredService<CartService>();
    var checkout = scope.ServiceProvider.GetRequiredService<CheckoutService>();
    var stopList = scope.ServiceProvider.GetRequiredService<StopListService>();
    var eve = new OrderContact("eve.mallory@example.com", null, "Eve", "Mallory");
    var eveAddress = new PostalAddress("Eve Mallory", "221 Baker Street", "NW1 6XE", "London", "GB");
    async Task<Result<PlacedOrder>> OrderAsync(string payment, OrderContact contact)
    {
        var cart = (await carts.CreateAsync(Currency.EUR)).Value;
        await carts.AddItemAsync(cart.Token, tee with { Quantity = 1 });
        return await checkout.PlaceOrderAsync(new CheckoutRequest(cart.Token, payment, eveAddress) { Contact = contact });
    }

    Console.WriteLine();
    DeliveryOutcomeResult? outcome = null;
    for (var i = 0; i < 2; i++)
    {
        var order = (await OrderAsync("cod", eve)).Value.Order;
        outcome = (await stopList.RecordDeliveryOutcomeAsync(order.Number, DeliveryOutcome.Refused)).Value;
        Console.WriteLine($"Order {order.DisplayNumber} refused at the door: refusals counted {outcome.CountInPeriod}");
    }

    var entry = outcome!.FlaggedEntry!;
    Console.WriteLine($"Stop-list entry by {entry.AddedBy}: {entry.Scope} for {string.Join(", ", entry.Keys.Select(k => k.Hint))}");
    Console.WriteLine($"Cash on delivery as ' EVE.Mallory@Example.com ': {(await OrderAsync("cod", eve with { Email = " EVE.Mallory@Example.com " })).Error?.Code}");
    Console.WriteLine($"Paying by card: {(await OrderAsync("card", eve)).Value.Order.Status}");
    await stopList.RemoveAsync(SampleStaff.Olga, entry.Id, entry.Version, "Lifted after a call.");
    Console.WriteLine($"Audit trail: {string.Join(" → ", (await stopList.GetAuditTrailAsync(SampleStaff.Olga, entry.Id)).Value.Select(a => $"{a.Action} by {a.Actor}"))}");

    // Staff's removal is in the access log too, written in the removal's own commit; the automatic flagging is not.
    var logged = (await scope.ServiceProvider.GetRequiredService<AccessLogService>().ListAsync(SampleStaff.Olga, pageSize: 3)).Value.Items
        .First(e => e.Operation == StaffOperations.StopListRemove);
    Console.WriteLine($"Access log #{logged.Sequence}: {logged.Operation} by {logged.Actor.DisplayName} ({logged.Details})");
}

await host.StopAsync();
return 0;

// Her net spend as the purchase facts hold it (what tiers and segments read), from the staff's customer query.
static async Task<string> NetSpendAsync(IServiceProvider services, CustomerId customerId)
{
    var segments = services.GetRequiredService<CustomerSegmentService>();
    CustomerId? after = null;
    do
    {
        var page = (await segments.QueryAsync(SampleStaff.Olga, CustomerSegment.All, after)).Value;
        if (page.Items.FirstOrDefault(c => c.Id == customerId) is { } customer)
        {
            return $"{(customer.LifetimeSpend.Count == 0 ? "nothing" : string.Join(" + ", customer.LifetimeSpend))} over {customer.OrderCount} orders";
        }

        after = page.Next;
    }
    while (after is not null);
    return "nothing";
}

// Her loyalty tier as her cart page shows it: the loyalty discount's explanation (a mug in the cart when it is empty).
static async Task<string> TierAsync(IServiceProvider services, CustomerId customerId)
{
    var carts = services.GetRequiredService<CartService>();
    var cart = (await carts.GetOrCreateForCustomerAsync(customerId, Currency.EUR)).Value;
    if (cart.IsEmpty)
    {
        await carts.AddItemAsync(cart.Token, new CartItem("mug", "MUG-WHITE", "Mug", Money.Parse("8.50 EUR"), 1));
    }

    var priced = (await services.GetRequiredService<PricingService>().PriceCartAsync(new CartPricingRequest(cart.Token) { CustomerId = customerId })).Value;
    return priced.Adjustments.FirstOrDefault(a => a.PromotionId == "loyalty")?.Explanation ?? "none";
}

static void Print(Cart cart, string title)
{
    Console.WriteLine();
    Console.WriteLine(title);
    Console.WriteLine(new string('-', title.Length));
    foreach (var line in cart.Lines)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"#{line.Id} {line.Quantity} x {line.Name} ({line.Sku}) [{line.Options}] @ {line.UnitPrice} = {line.Subtotal}"));
        Console.WriteLine($"   picture: {line.PictureUrl}");
    }

    Console.WriteLine($"Subtotal: {cart.Subtotal}  (version {cart.Version}, expires {cart.ExpiresAt:yyyy-MM-dd})");
    Console.WriteLine();
}

/// <summary>The sample's staff: Olga, who holds every permission.</summary>
internal sealed class SampleStaff : IStaffAuthorizer
{
    public static readonly StaffActor Olga = new("olga", "Olga Petrova");

    public ValueTask<bool> IsAllowedAsync(StaffActor actor, string permission, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(actor == Olga);
}
