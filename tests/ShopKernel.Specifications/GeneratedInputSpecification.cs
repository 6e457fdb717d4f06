using System.Reflection;
using System.Text;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Specifications.Infrastructure;
using ShopKernel.Orders;
using ShopKernel.Pricing;
using ShopKernel.Promotions;
using ShopKernel.Staff;
using ShopKernel.StopList;
using ShopKernel.Subscriptions;

namespace ShopKernel.Specifications;

/// <summary>
/// Generated input through every public entry point that takes caller data, on a real database: strings with NUL,
/// unpaired surrogates, controls, bidi and invisible characters, emoji and huge lengths; extreme numbers; nulls.
/// Whatever comes in, the caller gets a result — never an exception —, every refusal carries a documented code,
/// a member of staff made of generated text is refused as malformed, and a refusal changes no row.
/// </summary>
public abstract class GeneratedInputSpecification : ShopSpecification
{
    /// <summary>10,000 calls per provider; <c>SHOPKERNEL_GENERATED_INPUTS</c> raises it for a longer soak (with <c>CsCheck_Seed</c> to replay one).</summary>
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("SHOPKERNEL_GENERATED_INPUTS"), out var n) && n > 0 ? n : 10_000;

    private static readonly HashSet<string> DocumentedCodes = typeof(ShopError).Assembly.GetTypes()
        .Where(t => t.IsPublic && t.IsAbstract && t.IsSealed && t.Name.EndsWith("ErrorCodes", StringComparison.Ordinal))
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    private static readonly string[] Nasty =
    [
        "", " ", "\0", "a\0b", "Ada\0", "\uD800", "x\uDC00y", "\uDBFF", "\u200B", "\u200B\u200C\u200D", "ada\u200B@example.com",
        "\u202Eevil", "a\u2066b", "\u0007bell", "line\nbreak", "tab\t", "\u00AD", "\uFEFF", "\u3164", "😀", "Zoë 😀 Ωmega",
        "ada@example.com", "Ada@Example.com", "+49 30 1234567", "030 1234567", "not an e-mail", "@", "a@b", "\"quoted\"@example.com",
        "https://cdn.example.com/x.jpg", "javascript:alert(1)", "DE", "de", "10115", "card", "cod", "newsletter", "SUMMER10",
        "correct horse battery staple", "Ada", "Lovelace", "Main Street 1", "Berlin", "'; DROP TABLE x; --", "%", "_", "\\",
        new string('a', 300), new string('ß', 5_000), new string('x', 100_000),
    ];

    private static readonly Gen<string?> GenText = Gen.Frequency(
        (1, Gen.OneOf<string?>([(string?)null])),
        (6, Gen.OneOf<string?>(Nasty)),
        (2, Gen.String.Select(s => (string?)s)),
        (2, Gen.Char[(char)0, (char)0xFFFF].Array[0, 40].Select(c => (string?)new string(c))),
        (2, Gen.Select(Gen.OneOf<string>(Nasty), Gen.OneOf<string>(Nasty)).Select((a, b) => (string?)(a + b))));

    private static readonly Gen<long> GenNumber = Gen.OneOf(
        Gen.OneOf<long>(0L, 1L, -1L, 2L, 999L, 1000L, 1001L, long.MaxValue, long.MinValue, int.MaxValue, int.MinValue),
        Gen.Long, Gen.Long[0, 10_000]);

    /// <summary>One call: which entry point, and the raw material for its arguments.</summary>
    private sealed record Call(int Entry, string?[] Texts, long[] Numbers, bool FromTemplate = false)
    {
        public string? T(int i) => Texts[i % Texts.Length];

        public long N(int i) => Numbers[i % Numbers.Length];

        public int I(int i) => (int)Math.Clamp(N(i), int.MinValue, int.MaxValue);

        public override string ToString() => $"entry {Entry}: [{string.Join(", ", Texts.Select(Show))}] [{string.Join(", ", Numbers)}]";

        private static string Show(string? s) => s is null ? "null" : s.Length > 40
            ? $"\"{Escape(s[..40])}…\" ({s.Length})"
            : $"\"{Escape(s)}\"";

        private static string Escape(string s)
        {
            var b = new StringBuilder();
            foreach (var c in s)
            {
                b.Append(c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString());
            }

            return b.ToString();
        }
    }

    /// <summary>
    /// Well-formed arguments per entry point. Half the calls start from these and spoil one or two of them, so that
    /// the deep paths (a checkout that commits, a registration that stores) are reached and each refusal comes from
    /// one bad field; the other half are garbage throughout.
    /// </summary>
    private static readonly Dictionary<int, string?[]> Templates = new()
    {
        [0] = ["tee", "TEE-M", "Classic tee", "Colour", "Red", "Size", "M", "https://cdn.example.com/tee.jpg", "sale", "summer", null, null],
        [6] = ["ada@example.com", "+49 30 1234567", "Ada", "Lovelace", "Ada Lovelace", "Main Street 1", "10115", "Berlin", "DE", "Flat 2", "key-{0}", "card"],
        [9] = ["ada@example.com", "+49 30 1234567", "Ada", "Lovelace", null, null, null, null, null, null, null, null],
        [10] = ["Ada", "Lovelace", "ada{0}@example.com", "030 1234{0}", "correct horse battery staple", "subject-{0}", null, null, null, null, null, null],
        [12] = ["Grace", "Hopper", null, null, null, null, null, null, null, null, null, null],
        [13] = ["grace{0}@example.com", null, null, null, null, null, null, null, null, null, null, null],
        [16] = [null, null, null, null, "Grace Hopper", "Main Street 2", "10115", "Berlin", "DE", null, null, null],
        [22] = ["newsletter", "ada{0}@example.com", null, null, null, null, "newsletter-2026", "203.0.113.7", "Mozilla/5.0", null, null, null],
        [27] = ["ada{0}@example.com", "+49 30 1234567", null, "device-{0}", "staff:7", "Chargebacks", null, null, "DE", null, null, "Olga Petrova"],
        [29] = ["promo-{0}", "Promotion {0}", "CODE{0}", "group-a", "sale", "tee", "staff:9", "Piotr Nowak", null, null, null, null],
    };

    private static readonly Gen<Call> GenCall = Gen.Select(Gen.Int[0, EntryCount - 1], GenText.Array[12], GenNumber.Array[6], Gen.Int[0, 3], Gen.Int[0, 11], Gen.Int[0, 11])
        .Select((entry, texts, numbers, mode, spoilt, alsoSpoilt) =>
        {
            var template = Templates.GetValueOrDefault(entry is 7 or 8 ? 6 : entry is 11 ? 10 : entry);
            if (mode < 2 && template is not null)
            {
                var fresh = template.Select(t => t?.Replace("{0}", (numbers[0] & 0xFFFF).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToArray();
                fresh[spoilt] = texts[spoilt];
                if (mode == 1)
                {
                    fresh[alsoSpoilt] = texts[alsoSpoilt];
                }

                return new Call(entry, fresh, numbers, FromTemplate: true);
            }

            return new Call(entry, texts, numbers);
        });

    private const int EntryCount = 30;

    private static string Log = "";

    private CartToken _cart;
    private bool _cartGone;
    private CustomerId _customer;
    private Order? _order;

    protected override void Configure(ShopKernelOptions options)
    {
        base.Configure(options);
        options.Credentials.Pbkdf2Iterations = 100_000; // the least allowed; password entry points are drawn less often (each hashes)
        options.StopList.HashKeys.Add(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("generated input stop list key"u8)));
    }

    protected override void ConfigureServices(IServiceCollection services) => new ShopKernelBuilder(services).AddStopList();

    [Fact]
    public async Task Generated_input_gets_a_documented_typed_error_and_a_refusal_stores_nothing()
    {
        await SeedAsync();
        var calls = 0;
        var refusals = 0;
        var successes = new int[EntryCount];
        var codes = new Dictionary<(int Entry, string Code), int>();
        await GenCall.SampleAsync(
            async call =>
            {
                Log = call.ToString();
                if (_cartGone)
                {
                    _cart = await CartWithAsync(Item("TEE"));
                    _cartGone = false;
                }

                var before = await FingerprintAsync();
                (bool Succeeded, ShopError? Error, bool StoresWhenRefused) outcome;
                try
                {
                    outcome = await RunAsync(call);
                }
                catch (Exception exception)
                {
                    Assert.Fail($"{call} threw {exception.GetType().Name}: {exception.Message}");
                    return;
                }

                calls++;
                if (StaffOf(call) is { IsValid: false })
                {
                    Assert.True(outcome.Error?.Code == StaffErrorCodes.ActorInvalid, $"{call} named a malformed member of staff but answered {outcome.Error?.Code ?? "success"}");
                }

                if (outcome.Succeeded)
                {
                    // A placed order or a merge takes the seeded cart away: the next call gets a new one.
                    _cartGone |= call.Entry is 4 or 6 or 7 or 8;
                    successes[call.Entry]++;
                    return;
                }

                refusals++;
                var key = (call.Entry, outcome.Error?.Code ?? "none");
                codes[key] = codes.GetValueOrDefault(key) + 1;
                Assert.True(outcome.Error is not null && DocumentedCodes.Contains(outcome.Error.Code), $"{call} answered an undocumented code {outcome.Error?.Code}");
                if (!outcome.StoresWhenRefused)
                {
                    Assert.True(before == await FingerprintAsync(), $"{call} was refused with {outcome.Error!.Code} but changed rows");
                }
            },
            iter: Iterations,
            threads: 1);

        _ = Log;
        Assert.True(calls >= Iterations, $"{calls} calls ran");
        Assert.True(refusals > Iterations / 4, $"only {refusals} of {calls} calls were refused: the generator is too tame");

        // The deep paths were reached, not only the first check of each door.
        foreach (var entry in new[] { 0, 6, 10, 22, 27, 29 })
        {
            Assert.True(successes[entry] > 0, $"no call of entry {entry} succeeded: the generator never reaches its commit; refusals: {string.Join(", ", codes.Where(c => c.Key.Entry == entry).Select(c => $"{c.Key.Code} {c.Value}"))}");
        }
    }

    private async Task SeedAsync()
    {
        var registered = await Use<CustomerService, Result<Customer>>(s => s.RegisterAsync(
            new CustomerRegistration("Grace", "Hopper") { Email = "buyer@example.com", Password = "correct horse battery staple" }));
        _customer = registered.Value.Id;
        _cart = await CartWithAsync(Item("TEE"));
        var ordered = await CartWithAsync(Item("MUG"));
        _order = (await PlaceAsync(GuestRequest(ordered))).Value.Order;
        Assert.True((await Use<PromotionService, Result<Promotion>>(s => s.CreateAsync(
            Clerk,
            new Promotion("spring", "Spring", PromotionKind.Coupon) { Benefit = PromotionBenefit.Percent(10), CouponCode = "SPRING10" }))).Succeeded);
    }

    private static (bool, ShopError?, bool) R(Result result, bool storesWhenRefused = false) => (result.Succeeded, result.Error, storesWhenRefused);

    private static (bool, ShopError?, bool) R<T>(Result<T> result, bool storesWhenRefused = false) => (result.Succeeded, result.Error, storesWhenRefused);

    private CartToken Token(Call c, int i) => c.FromTemplate ? _cart : (c.N(i) % 4) switch
    {
        0 => _cart,
        1 => CartToken.New(),
        2 => default,
        _ => CartToken.TryParse(c.T(i), out var parsed) ? parsed : _cart,
    };

    private CustomerId? Customer(Call c, int i) => (c.N(i) % 4) switch
    {
        0 => _customer,
        1 => CustomerId.New(),
        2 => new CustomerId(Guid.Empty),
        _ => null,
    };

    private static Currency CurrencyOf(Call c, int i) => (c.N(i) % 4) switch
    {
        0 => Currency.EUR,
        1 => Currency.JPY,
        2 => default,
        _ => Currency.TryParse(c.T(i), out var currency) ? currency : Currency.USD,
    };

    private static OrderContact? Contact(Call c) => c.N(3) % 5 == 0 ? null : new OrderContact(c.T(0), c.T(1), c.T(2)!, c.T(3)!);

    private static PostalAddress? AddressOf(Call c) => !c.FromTemplate && c.N(4) % 7 == 0 ? null : new PostalAddress(c.T(4)!, c.T(5)!, c.T(6)!, c.T(7)!, c.T(8)!)
    {
        Line2 = c.T(9),
        Region = c.T(10),
    };

    private static IReadOnlyList<string> Codes(Call c, int i) => c.FromTemplate ? [] : (c.N(i) % 4) switch
    {
        0 => null!,
        1 => [],
        2 => [c.T(i)!],
        _ => [c.T(i)!, "SPRING10"],
    };

    private static CartItem Item(Call c) => c.FromTemplate
        ? new(c.T(0)!, c.T(1)!, c.T(2)!, new ShopKernel.Money(Math.Abs(c.N(0) % 100_000), Currency.EUR), 1 + (int)Math.Abs(c.N(2) % 5))
        {
            Options = Options(c) is { Succeeded: true } options ? options.Value : LineOptions.Empty,
            PictureUrl = c.T(7),
            Tags = [c.T(8)!, c.T(9)!],
        }
        : new(c.T(0)!, c.T(1)!, c.T(2)!, new ShopKernel.Money(c.N(0), c.N(1) % 5 == 0 ? Currency.JPY : Currency.EUR), c.I(2))
    {
        Options = c.N(3) % 3 == 0 ? null! : Options(c) is { Succeeded: true } read ? read.Value : LineOptions.Empty,
        PictureUrl = c.T(7),
        Tags = c.N(4) % 3 == 0 ? null! : [c.T(8)!, c.T(9)!],
    };

    private static Result<LineOptions> Options(Call c) =>
        LineOptions.Create(!c.FromTemplate && c.N(5) % 4 == 0 ? null : [new(c.T(3)!, c.T(4)!), new(c.T(5)!, c.T(6)!)]);

    private static ConsentSubject Subject(Call c, int i) => (c.N(i) % 3) switch
    {
        0 => ConsentSubject.ForEmail(c.T(i)!),
        1 => ConsentSubject.ForPhone(c.T(i)!),
        _ => ConsentSubject.ForCustomer(CustomerId.New()),
    };

    private static ConsentEvidence Evidence(Call c) => new((ConsentSource)(c.N(5) % 10))
    {
        WordingVersion = c.T(6),
        BoxStartedUnticked = c.N(4) % 2 == 0,
        IpAddress = c.T(7),
        UserAgent = c.T(8),
        Actor = c.T(9),
    };

    /// <summary>The member of staff a staff entry point is called as, made from generated text (half the stop-list searches as the clerk): a malformed one is refused as <c>staff.actor_invalid</c> before anything else.</summary>
    private static StaffActor? StaffOf(Call c) => c.Entry switch
    {
        27 => new StaffActor(c.T(4)!, c.T(11)!),
        28 => c.N(5) % 2 == 0 ? Clerk : new StaffActor(c.T(6)!, c.T(7)!),
        29 => new StaffActor(c.T(6)!, c.T(7)!),
        _ => null,
    };

    private static StopListKeys Keys(Call c) => new()
    {
        Email = c.T(0),
        Phone = c.T(1),
        Address = c.N(2) % 2 == 0 ? AddressOf(c) : null,
        HostKey = c.T(3),
    };

    private Task<(bool Succeeded, ShopError? Error, bool StoresWhenRefused)> RunAsync(Call c) => (c.Entry is 10 or 11 or 15 or 17 && c.N(5) % 6 != 0 ? 0 : c.Entry) switch
    {
        0 when !c.FromTemplate && c.N(5) % 8 == 1 => Task.FromResult(R(Options(c))),
        0 => Use<CartService, (bool, ShopError?, bool)>(async s => R(await s.AddItemAsync(Token(c, 5), Item(c)))),
        1 => Use<CartService, (bool, ShopError?, bool)>(async s => R(await s.CreateAsync(CurrencyOf(c, 0)))),
        2 => Use<CartService, (bool, ShopError?, bool)>(async s => R(await s.SetQuantityAsync(Token(c, 0), c.I(1), c.I(2), c.N(3) % 2 == 0 ? null : c.N(4)))),
        3 => Use<CartService, (bool, ShopError?, bool)>(async s => R(await s.ListAbandonedAsync(TimeSpan.FromTicks(c.N(0)), null, c.I(1)))),
        4 => Use<CartService, (bool, ShopError?, bool)>(async s => R(await s.AttachToCustomerAsync(Token(c, 0), Customer(c, 1) ?? CustomerId.New(), (CartMergeStrategy)(c.N(2) % 7)))),
        5 => Use<CartService, (bool, ShopError?, bool)>(async s => R(await s.GetOrCreateForCustomerAsync(Customer(c, 0) ?? default, CurrencyOf(c, 1)))),
        6 or 7 or 8 => Use<CheckoutService, (bool, ShopError?, bool)>(async s => R(await s.PlaceOrderAsync(new CheckoutRequest(Token(c, 5), c.T(11)!, AddressOf(c)!)
        {
            CustomerId = c.FromTemplate ? null : Customer(c, 1),
            Contact = c.FromTemplate ? new OrderContact(c.T(0), c.T(1), c.T(2)!, c.T(3)!) : Contact(c),
            IdempotencyKey = c.T(10),
            CouponCodes = Codes(c, 2),
            BuyerKeys = c.N(0) % 2 == 0 ? null : [c.T(11)!, c.T(3)!],
            ExpectedTotal = !c.FromTemplate && c.N(0) % 3 == 0 ? new ShopKernel.Money(c.N(1), Currency.EUR) : null,
            ExpectedCartVersion = !c.FromTemplate && c.N(0) % 5 == 0 ? c.N(2) : null,
        }))),
        9 => Use<PricingService, (bool, ShopError?, bool)>(async s => R(await s.PriceCartAsync(new CartPricingRequest(Token(c, 0)) { CustomerId = Customer(c, 1), Contact = Contact(c), CouponCodes = Codes(c, 2) }))),
        10 or 11 => Use<CustomerService, (bool, ShopError?, bool)>(async s => R(await s.RegisterAsync(new CustomerRegistration(c.T(0)!, c.T(1)!)
        {
            Email = c.T(2),
            Phone = c.T(3),
            Password = c.N(0) % 3 == 0 ? null : c.T(4),
            ExternalSubject = c.N(1) % 3 == 0 ? c.T(5) : null,
            Birthday = c.N(2) % 2 == 0 ? null : DateOnly.FromDayNumber((int)Math.Abs(c.N(3) % DateOnly.MaxValue.DayNumber)),
        }))),
        12 => Use<CustomerService, (bool, ShopError?, bool)>(async s => R(await s.UpdateProfileAsync(Customer(c, 0) ?? default, c.T(0)!, c.T(1)!, null))),
        13 => Use<CustomerService, (bool, ShopError?, bool)>(async s => R(await s.ChangeEmailAsync(Customer(c, 0) ?? default, c.T(0)))),
        14 => Use<CustomerService, (bool, ShopError?, bool)>(async s => R(await s.ChangePhoneAsync(Customer(c, 0) ?? default, c.T(0)))),
        15 => Use<CustomerService, (bool, ShopError?, bool)>(async s => R(await s.ChangePasswordAsync(Customer(c, 0) ?? default, c.T(0), c.T(1)!), storesWhenRefused: true)),
        16 => Use<CustomerService, (bool, ShopError?, bool)>(async s => R(await s.RememberAddressAsync(Customer(c, 0) ?? default, AddressOf(c)!))),
        17 => Use<CustomerService, (bool, ShopError?, bool)>(async s => R(await s.SignInAsync(c.N(0) % 2 == 0 ? "buyer@example.com" : c.T(0)!, c.T(1)!), storesWhenRefused: true)),
        18 => Use<CustomerService, (bool, ShopError?, bool)>(async s => R(await s.VerifyContactAsync(c.T(0)!))),
        19 => Use<CustomerService, (bool, ShopError?, bool)>(async s => R(await s.FindByExternalSubjectAsync(c.T(0)!))),
        20 => Use<OrderService, (bool, ShopError?, bool)>(async s => R(await s.FindForBuyerAsync(c.N(0) % 2 == 0 ? _order!.Number : OrderNumber.TryParse(c.T(1), out var n) ? n : _order!.Number, c.T(0)!))),
        21 => Use<OrderService, (bool, ShopError?, bool)>(async s => R(await s.ChangeStatusAsync(_order!.Number, (OrderStatus)(c.N(0) % 12), c.N(1) % 2 == 0 ? _order!.Version : c.N(2), OrderActor.Staff(c.T(1)!, c.T(2)!), new OrderStatusReason(c.T(3)!, c.T(0))))),
        22 => Use<SubscriptionService, (bool, ShopError?, bool)>(async s => R(await s.RequestAsync(c.N(0) % 2 == 0 ? "newsletter" : c.T(0)!, Subject(c, 1), Evidence(c)))),
        23 => Use<SubscriptionService, (bool, ShopError?, bool)>(async s => R(await s.UnsubscribeAsync(Subject(c, 1), c.N(0) % 2 == 0 ? null : c.T(0), Evidence(c)))),
        24 => Use<SubscriptionService, (bool, ShopError?, bool)>(async s => R(await s.ConfirmAsync(c.T(0)!, c.N(0) % 2 == 0 ? null : Evidence(c)))),
        25 => Use<SubscriptionService, (bool, ShopError?, bool)>(async s => R(await s.RedeemUnsubscribeTokenAsync(c.T(0)!, c.N(0) % 2 == 0 ? null : Evidence(c)))),
        26 => Use<SubscriptionService, (bool, ShopError?, bool)>(async s => R(await s.RecordSendAsync(Subject(c, 1), c.N(0) % 2 == 0 ? "newsletter" : c.T(0)!))),
        27 => Use<StopListService, (bool, ShopError?, bool)>(async s => R(await s.AddAsync(StaffOf(c)!, new NewStopListEntry(Keys(c), (StopListScope)(c.N(0) % 6), (StopListReason)(c.N(1) % 8))
        {
            Note = c.T(5),
            ExpiresAt = c.N(3) % 2 == 0 ? null : DateTimeOffset.UnixEpoch.AddSeconds(Math.Clamp(c.N(4), -60_000_000_000L, 250_000_000_000L)),
        }))),
        28 => Use<StopListService, (bool, ShopError?, bool)>(async s => R(await s.FindAsync(StaffOf(c)!, Keys(c)))),
        _ => Use<PromotionService, (bool, ShopError?, bool)>(async s => R(await s.CreateAsync(StaffOf(c)!, new Promotion(c.T(0)!, c.T(1)!, (PromotionKind)(c.N(0) % 6))
        {
            Benefit = c.N(1) % 3 == 0 ? null : PromotionBenefit.PercentBasisPoints(c.I(2)),
            CouponCode = c.T(2),
            BestOfGroup = c.N(3) % 2 == 0 ? null : c.T(3),
            Tags = c.N(4) % 2 == 0 ? [] : [c.T(4)!],
            ProductIds = c.N(5) % 2 == 0 ? [] : [c.T(5)!],
            UsageLimit = c.N(1) % 2 == 0 ? null : c.I(3),
        }))),
    };

    /// <summary>What the store holds, summed up: equal before and after a refused call.</summary>
    private Task<string> FingerprintAsync() => Storage.FingerprintAsync();
}
