using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Specifications.Customers;

namespace ShopKernel.Specifications.Text;

/// <summary>
/// One text policy at every door: what registration refuses, checkout and the cart refuse too, with a typed error
/// and nothing stored — on SQLite (which would store a NUL) and on PostgreSQL (which would throw on it).
/// </summary>
public abstract class TextPolicySpecification : CustomerSteps
{
    private Task<int> OrderCountAsync() => Storage.CountAsync(Stored.Orders);

    [Fact]
    public async Task NUL_controls_and_broken_text_at_checkout_are_typed_errors_and_store_nothing()
    {
        var token = await CartWithAsync(Item("TEE"));
        var cases = new (string Code, CheckoutRequest Request)[]
        {
            (CheckoutErrorCodes.ContactInvalid, GuestRequest(token) with { Contact = Guest with { FirstName = "Ada\0" } }),
            (CheckoutErrorCodes.ContactInvalid, GuestRequest(token) with { Contact = Guest with { LastName = "Love\u0007lace" } }),
            (CheckoutErrorCodes.ContactInvalid, GuestRequest(token) with { Contact = Guest with { FirstName = "\uD800da" } }),
            (CheckoutErrorCodes.ContactInvalid, GuestRequest(token) with { Contact = Guest with { FirstName = "\u200B\u200D" } }),
            (CheckoutErrorCodes.ContactInvalid, GuestRequest(token) with { Contact = Guest with { Email = "ada\uDC00@example.com" } }),
            (CheckoutErrorCodes.AddressInvalid, GuestRequest(token) with { ShippingAddress = Address with { Line1 = "Main\0Street 1" } }),
            (CheckoutErrorCodes.AddressInvalid, GuestRequest(token) with { ShippingAddress = Address with { City = "Ber\u202Elin" } }),
            (CheckoutErrorCodes.AddressInvalid, GuestRequest(token) with { ShippingAddress = Address with { Line2 = "\uDBFF" } }),
            (CheckoutErrorCodes.RequestInvalid, GuestRequest(token) with { IdempotencyKey = "key\0" }),
            (CheckoutErrorCodes.RequestInvalid, GuestRequest(token) with { IdempotencyKey = "key\uD800" }),
            (CheckoutErrorCodes.RequestInvalid, GuestRequest(token) with { IdempotencyKey = "key\u200B" }),
            (CheckoutErrorCodes.RequestInvalid, GuestRequest(token) with { CouponCodes = null! }),
            (CheckoutErrorCodes.RequestInvalid, GuestRequest(token) with { CouponCodes = [null!] }),
            (CheckoutErrorCodes.RequestInvalid, GuestRequest(token) with { BuyerKeys = ["device\0"] }),
        };

        foreach (var (code, request) in cases)
        {
            var placed = await PlaceAsync(request);
            Assert.True(code == placed.Error?.Code, $"{request}: {placed.Error?.Code ?? "placed"}");
        }

        Assert.Equal(0, await OrderCountAsync());
        Assert.True((await PlaceAsync(GuestRequest(token) with { Contact = Guest with { FirstName = "Zoë 😀", LastName = "\u0645\u062D\u0645\u062F\u200C\u0631\u0636\u0627" } })).Succeeded);
    }

    [Fact]
    public async Task NUL_controls_and_broken_text_at_registration_are_typed_errors_and_store_nothing()
    {
        var cases = new (string Code, CustomerRegistration Registration)[]
        {
            (CustomerErrorCodes.NameInvalid, Ada() with { FirstName = "Ada\0" }),
            (CustomerErrorCodes.NameInvalid, Ada() with { LastName = "\uD800" }),
            (CustomerErrorCodes.NameInvalid, Ada() with { FirstName = "\u200B\u200C\u2060" }),
            (CustomerErrorCodes.NameInvalid, Ada() with { LastName = "\u202ELovelace" }),
            (CustomerErrorCodes.PasswordInvalid, Ada() with { Password = "correct horse \uD800 staple" }),
            (CustomerErrorCodes.PasswordInvalid, Ada() with { Password = "correct horse\0battery staple" }),
            (CustomerErrorCodes.EmailInvalid, Ada(email: "ada\u200B@example.com")),
            (CustomerErrorCodes.EmailInvalid, Ada(email: "a\u202Eda@example.com")),
            (CustomerErrorCodes.EmailInvalid, Ada(email: "ada\uFEFF@example.com")),
            (CustomerErrorCodes.EmailInvalid, Ada(email: "ada\0@example.com")),
        };

        foreach (var (code, registration) in cases)
        {
            var registered = await RegisterAsync(registration);
            Assert.True(code == registered.Error?.Code, $"{registration}: {registered.Error?.Code ?? "registered"}");
        }

        Assert.Equal(0, await CustomerCountAsync());
        Assert.True((await RegisterAsync(Ada())).Succeeded);
        Assert.Equal(CustomerErrorCodes.SignInFailed, (await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("ada@example.com", "pass\uD800word"))).Error?.Code);
    }

    [Fact]
    public async Task A_zero_width_or_bidi_spelling_of_an_address_is_not_a_second_customer()
    {
        Assert.True((await RegisterAsync(Ada(phone: null))).Succeeded);

        foreach (var spelling in new[] { "ada\u200B@example.com", "\u200Eada@example.com", "ada@exa\u00ADmple.com", "ad\u2066a@example.com" })
        {
            Assert.NotEqual(CustomerErrorCodes.Duplicate, (await RegisterAsync(Ada(email: spelling, phone: null) with { FirstName = "Other" })).Error?.Code);
            Assert.False((await RegisterAsync(Ada(email: spelling, phone: null) with { FirstName = "Other" })).Succeeded);
        }

        Assert.Equal(1, await CustomerCountAsync());
    }

    [Fact]
    public async Task A_cart_refuses_broken_text_in_what_it_would_store()
    {
        var token = await CartWithAsync();
        CartItem[] items =
        [
            Item("TEE") with { Name = "Tee\0" },
            Item("TEE") with { Name = "\uDC00" },
            Item("TEE") with { Sku = "TEE\u200B" },
            Item("TEE") with { ProductId = "product\uD800" },
            Item("TEE") with { Tags = ["sale\u200B"] },
            Item("TEE") with { PictureUrl = "https://cdn.example.com/\u200Btee.jpg" },
        ];

        foreach (var item in items)
        {
            var added = await Use<CartService, Result<Cart>>(s => s.AddItemAsync(token, item));
            Assert.True(added.Error?.Code is CartErrorCodes.ProductInvalid or CartErrorCodes.TagsInvalid or CartErrorCodes.PictureUrlInvalid, $"{item}: {added.Error?.Code ?? "added"}");
        }

        Assert.Equal(CartErrorCodes.OptionInvalid, LineOptions.Create([new("colour", "red\0")]).Error?.Code);
        Assert.Equal(CartErrorCodes.OptionInvalid, LineOptions.Create([new("\u200B", "red")]).Error?.Code);
        Assert.Empty((await Use<CartService, Result<Cart>>(s => s.GetAsync(token))).Value.Lines);
    }
}
