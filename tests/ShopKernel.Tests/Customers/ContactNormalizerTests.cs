using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;

namespace ShopKernel.Tests.Customers;

public class ContactNormalizerTests
{
    private static readonly OrderContact Stored = new("Ada.Lovelace@example.com", "+49301234567", "Ada", "Lovelace");
    private static readonly PostalAddress Address = new("Ada Lovelace", "Main Street 1", "10115", "Berlin", "de");

    [Fact]
    public void AddShopKernel_registers_one_normalizer_with_no_default_region_and_no_provider_rules()
    {
        using var services = new ServiceCollection().AddShopKernel().Services.BuildServiceProvider();
        using var first = services.CreateScope();
        using var second = services.CreateScope();

        var normalizer = first.ServiceProvider.GetRequiredService<ContactNormalizer>();
        var options = services.GetRequiredService<IOptions<ShopKernelOptions>>().Value.Contacts;

        Assert.Same(normalizer, second.ServiceProvider.GetRequiredService<ContactNormalizer>());
        Assert.Null(normalizer.DefaultRegion);
        Assert.Equal((null, false, false), (options.DefaultRegion, options.ApplyProviderRules, options.StripPlusTags));
        Assert.Equal("a.b+c@googlemail.com", normalizer.NormalizeEmail(EmailAddress.Parse("A.B+c@GoogleMail.com")));
    }

    [Fact]
    public void The_configured_region_and_rules_are_used()
    {
        using var services = new ServiceCollection()
            .AddShopKernel(o =>
            {
                o.Contacts.DefaultRegion = "de";
                o.Contacts.ApplyProviderRules = true;
            })
            .Services.BuildServiceProvider();

        var normalizer = services.GetRequiredService<ContactNormalizer>();

        Assert.Equal("DE", normalizer.DefaultRegion);
        Assert.Equal("+49301234567", normalizer.ParsePhone("030 123-4567").Value.E164);
        Assert.Equal("ab@gmail.com", normalizer.NormalizeEmail(EmailAddress.Parse("A.B+c@GoogleMail.com")));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("DEU")]
    [InlineData("")]
    [InlineData("4 ")]
    public void An_unknown_default_region_fails_validation(string region)
    {
        using var services = new ServiceCollection()
            .AddShopKernel(o => o.Contacts.DefaultRegion = region)
            .Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ShopKernelOptions>>().Value);
        Assert.Contains("DefaultRegion", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ContactGen.Normalizer(region));
    }

    [Theory]
    [InlineData(" ada.lovelace@EXAMPLE.com ")]
    [InlineData("Ada.Lovelace@example.com")]
    [InlineData("030 123-4567")]
    [InlineData("+49 (30) 123 45 67")]
    [InlineData("0049 30 1234567")]
    public void A_guest_order_matches_its_contact_in_any_spelling(string typed) =>
        Assert.True(ContactMatching.Matches(ContactGen.Normalizer("DE"), Stored, typed));

    [Theory]
    [InlineData("eve@example.com")]
    [InlineData("ada.lovelace@example.org")]
    [InlineData("adalovelace@example.com")]
    [InlineData("030 123-4568")]
    [InlineData("1234567")]
    [InlineData("not a phone")]
    [InlineData("not@an@address")]
    public void Another_contact_does_not_match(string typed) =>
        Assert.False(ContactMatching.Matches(ContactGen.Normalizer("DE"), Stored, typed));

    [Fact]
    public void Orders_with_contacts_stored_as_typed_still_match_and_provider_rules_apply_to_lookups()
    {
        var asTyped = new OrderContact(" Ada.Lovelace+shop@GoogleMail.com ", "030 / 123 45 67", "Ada", "Lovelace");

        Assert.True(ContactMatching.Matches(ContactGen.Normalizer("DE"), asTyped, "+49 30 1234567"));
        Assert.False(ContactMatching.Matches(ContactGen.Normalizer(), asTyped, "+49 30 1234567"));
        Assert.False(ContactMatching.Matches(ContactGen.Normalizer("DE"), asTyped, "adalovelace@gmail.com"));
        Assert.True(ContactMatching.Matches(ContactGen.Normalizer("DE", providerRules: true), asTyped, "adalovelace@gmail.com"));
        Assert.False(ContactMatching.Matches(ContactGen.Normalizer("DE"), Stored with { Email = null, Phone = null }, "ada.lovelace@example.com"));
    }

    [Fact]
    public void Checkout_validation_normalises_the_guest_contact()
    {
        var request = new CheckoutRequest(CartToken.New(), "card", Address)
        {
            Contact = new OrderContact(" Ada.Lovelace@EXAMPLE.com ", "030 123-4567", "Ada", "Lovelace"),
        };

        var validated = CheckoutValidator.Validate(request, new CheckoutOptions(), ContactGen.Normalizer("DE"));
        var (error, contact) = (validated.Error, validated.Value.Contact);

        Assert.Null(error);
        Assert.Equal(new OrderContact("Ada.Lovelace@example.com", "+49301234567", "Ada", "Lovelace"), contact);
    }

    [Theory]
    [InlineData("ada@example", null, "customer.email_invalid")]
    [InlineData(null, "030 1234567", "customer.phone_invalid")]
    [InlineData(null, "+49 30 1234567 ext 5", "customer.phone_invalid")]
    public void Checkout_refuses_an_invalid_contact_and_names_the_reason(string? email, string? phone, string reason)
    {
        var request = new CheckoutRequest(CartToken.New(), "card", Address) { Contact = new OrderContact(email, phone, "Ada", "Lovelace") };

        var validated = CheckoutValidator.Validate(request, new CheckoutOptions(), ContactGen.Normalizer());
        var (error, contact) = (validated.Error, validated.TryGetValue(out var valid) ? valid.Contact : null);

        Assert.Equal(CheckoutErrorCodes.ContactInvalid, error?.Code);
        Assert.Contains(reason, error!.Description, StringComparison.Ordinal);
        Assert.Null(contact);
    }
}
