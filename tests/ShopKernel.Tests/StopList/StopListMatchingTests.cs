using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;
using ShopKernel.StopList;
using ShopKernel.Tests.Customers;

namespace ShopKernel.Tests.StopList;

/// <summary>Stop-list keys match every spelling of one e-mail, phone or address, and never another one's.</summary>
public class StopListMatchingTests
{
    private static readonly string Key = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("stop list test key"u8));
    private static readonly StopListKeyHasher Hasher = new(new StopListOptions { HashKeys = [Key] });

    /// <summary>The stored hash of the one key staff input yields, or <see langword="null"/> when the input is refused.</summary>
    private static string? HashOf(StopListKeys keys, ContactNormalizer contacts) =>
        BuyerKeyReader.Read(keys, contacts) is { Succeeded: true } read ? Hasher.Hash(read.Value[0].Kind, read.Value[0].Value) : null;

    /// <summary>The hashes checkout looks up for a buyer who typed this e-mail and phone.</summary>
    private static HashSet<string> CheckoutHashes(string? email, string? phone, ContactNormalizer contacts) =>
        [.. BuyerKeyReader.ReadLenient(null, new OrderContact(email, phone, "A", "B"), null, null, contacts).SelectMany(k => Hasher.MatchHashes(k.Kind, k.Value))];

    [Fact]
    public void Any_spelling_of_a_listed_email_matches_at_checkout() =>
        ContactGen.Email.SelectMany(e => Gen.Select(Gen.Const(e), ContactGen.Spelling(e), ContactGen.Spelling(e))).Sample((email, listed, typed) =>
        {
            var contacts = ContactGen.Normalizer();
            return HashOf(new StopListKeys { Email = listed }, contacts) is { } stored && CheckoutHashes(typed, null, contacts).Contains(stored);
        }, iter: 2_000, print: t => $"'{t.Item2}' vs '{t.Item3}'");

    [Fact]
    public void Any_spelling_of_a_gmail_address_matches_when_provider_rules_are_on() =>
        ContactGen.Atom.SelectMany(u => Gen.Select(Gen.Const(u), ContactGen.GmailSpelling(u), ContactGen.GmailSpelling(u))).Sample((_, listed, typed) =>
        {
            var contacts = ContactGen.Normalizer(providerRules: true);
            return HashOf(new StopListKeys { Email = listed }, contacts) is { } stored && CheckoutHashes(typed, null, contacts).Contains(stored);
        }, iter: 1_000);

    [Fact]
    public void Different_emails_do_not_match() =>
        Gen.Select(ContactGen.Email, ContactGen.Email).Sample((a, b) =>
        {
            var contacts = ContactGen.Normalizer();
            var matches = CheckoutHashes(b, null, contacts).Contains(HashOf(new StopListKeys { Email = a }, contacts)!);
            return matches == (contacts.NormalizeEmail(EmailAddress.Parse(a)) == contacts.NormalizeEmail(EmailAddress.Parse(b)));
        }, iter: 2_000);

    [Fact]
    public void Any_formatting_of_a_listed_phone_matches_at_checkout() =>
        ContactGen.Phone.SelectMany(p => Gen.Select(Gen.Const(p), ContactGen.PhoneSpelling(p.E164), ContactGen.PhoneSpelling(p.E164))).Sample((phone, listed, typed) =>
        {
            var contacts = ContactGen.Normalizer(phone.Region);
            return HashOf(new StopListKeys { Phone = listed }, contacts) is { } stored && CheckoutHashes(null, typed, contacts).Contains(stored);
        }, iter: 2_000, print: t => $"{t.Item1} '{t.Item2}' vs '{t.Item3}'");

    [Fact]
    public void Different_phones_do_not_match() =>
        Gen.Select(ContactGen.Phone, ContactGen.Phone).Sample((a, b) =>
        {
            var contacts = ContactGen.Normalizer();
            var matches = CheckoutHashes(null, b.E164, contacts).Contains(HashOf(new StopListKeys { Phone = a.E164 }, contacts)!);
            return matches == (a.E164 == b.E164);
        }, iter: 2_000);

    [Fact]
    public void A_key_of_one_kind_never_matches_the_same_text_of_another_kind() =>
        Assert.NotEqual(Hasher.Hash(StopListKeyKind.Email, "ada@example.com"), Hasher.Hash(StopListKeyKind.HostKey, "ada@example.com"));

    [Theory]
    [InlineData("Main Street 12", "main st. 12")]
    [InlineData("Main Street 12", "MAIN  STREET,12")]
    [InlineData("Hauptstraße 5a", "Hauptstr. 5 A")]
    [InlineData("Hauptstraße 5a", "hauptstrasse 5a")]
    [InlineData("Rue de l'Église 3", "rue de l eglise 3")]
    [InlineData("ul. Marszałkowska 10", "Ulica Marszałkowska 10")]
    public void An_address_matches_in_other_spellings(string listed, string typed) =>
        Assert.Equal(
            AddressKey.From(new PostalAddress("A", listed, "10115", "Berlin", "DE")),
            AddressKey.From(new PostalAddress("Someone else", typed, "10 115", "BERLIN", "de") { Line2 = "Flat 2" }));

    [Theory]
    [InlineData("Main Street 12", "Main Street 14", "10115", "DE")]
    [InlineData("Main Street 12", "Main Street 12", "10117", "DE")]
    [InlineData("Main Street 12", "Main Street 12", "10115", "AT")]
    [InlineData("Main Street 12", "Mill Street 12", "10115", "DE")]
    public void A_different_address_does_not_match(string listed, string typed, string postalCode, string country) =>
        Assert.NotEqual(
            AddressKey.From(new PostalAddress("A", listed, "10115", "Berlin", "DE")),
            AddressKey.From(new PostalAddress("A", typed, postalCode, "Berlin", country)));

    [Fact]
    public void Addresses_that_differ_in_the_house_number_never_match() =>
        Gen.Select(Gen.Int[1, 999], Gen.Int[1, 999], ContactGen.Atom).Sample((a, b, street) =>
            (AddressKey.From(new PostalAddress("A", $"{street} Street {a}", "10115", "Berlin", "DE"))
                == AddressKey.From(new PostalAddress("A", $"{street} st {b}", "10115", "Berlin", "DE"))) == (a == b));

    [Fact]
    public void Rotation_matches_under_every_key_and_hashes_new_entries_with_the_first()
    {
        var newKey = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("the next key"u8));
        var rotated = new StopListKeyHasher(new StopListOptions { HashKeys = [newKey, Key] });

        Assert.Contains(Hasher.Hash(StopListKeyKind.Email, "ada@example.com"), rotated.MatchHashes(StopListKeyKind.Email, "ada@example.com"));
        Assert.NotEqual(Hasher.Hash(StopListKeyKind.Email, "ada@example.com"), rotated.Hash(StopListKeyKind.Email, "ada@example.com"));
        Assert.NotEqual(Hasher.CurrentKeyId, rotated.CurrentKeyId);
        Assert.Equal(8, rotated.CurrentKeyId.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("too-short")]
    [InlineData("c2hvcnQ=")]
    public void A_missing_or_weak_hash_key_fails_at_start_with_a_clear_message(string? key)
    {
        using var services = new ServiceCollection()
            .AddShopKernel(o =>
            {
                if (key is not null)
                {
                    o.StopList.HashKeys.Add(key);
                }
            })
            .AddStopList()
            .Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ShopKernelOptions>>().Value);
        Assert.Contains("ShopKernel:StopList:HashKeys", error.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stop_list_options_are_validated_only_when_the_stop_list_is_added()
    {
        using var without = new ServiceCollection().AddShopKernel().Services.BuildServiceProvider();
        Assert.Empty(without.GetRequiredService<IOptions<ShopKernelOptions>>().Value.StopList.HashKeys);

        using var with = new ServiceCollection().AddShopKernel().AddStopList(o =>
        {
            o.HashKeys.Add(Key);
            o.RefusedDeliveriesToFlag = -1;
            o.RefusedDeliveriesPeriod = TimeSpan.Zero;
        }).Services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => with.GetRequiredService<IOptions<ShopKernelOptions>>().Value);
        Assert.Contains("RefusedDeliveriesToFlag", error.Message, StringComparison.Ordinal);
        Assert.Contains("RefusedDeliveriesPeriod", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cash_on_delivery_is_cod_unless_configured()
    {
        Assert.True(new StopListOptions().IsCashOnDelivery(" COD "));
        Assert.False(new StopListOptions().IsCashOnDelivery("card"));
        var configured = new StopListOptions { CashOnDeliveryMethods = ["cash", "nachnahme"] };
        Assert.True(configured.IsCashOnDelivery("Nachnahme"));
        Assert.False(configured.IsCashOnDelivery("cod"));
    }
}
