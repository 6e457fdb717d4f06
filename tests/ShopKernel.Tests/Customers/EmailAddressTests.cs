using CsCheck;
using ShopKernel.Customers;

namespace ShopKernel.Tests.Customers;

public class EmailAddressTests
{
    private static readonly ContactNormalizer Plain = ContactGen.Normalizer();
    private static readonly ContactNormalizer WithProviderRules = ContactGen.Normalizer(providerRules: true);

    private static readonly Gen<string> GenGarbage = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["ab@.+-_ \"()[]<>,;:\\ü0\t"], 0, 40],
        Gen.Select(ContactGen.Email, Gen.String[Gen.Char["@.+ \"()[]<>,;:"], 0, 3], Gen.Int[0, 40], (email, junk, at) => email.Insert(Math.Min(at, email.Length), junk)));

    [Fact]
    public void Every_spelling_of_an_address_is_the_same_address() =>
        ContactGen.Email.SelectMany(email => Gen.Select(Gen.Const(email), ContactGen.Spelling(email))).Sample((email, spelling) =>
        {
            var original = EmailAddress.Parse(email);
            var spelt = EmailAddress.Parse(spelling);
            return spelt == original
                && spelt.GetHashCode() == original.GetHashCode()
                && spelt.Normalized == original.Normalized
                && Plain.NormalizeEmail(spelt) == Plain.NormalizeEmail(original)
                && spelt.Value == spelling.Trim()[..spelling.Trim().LastIndexOf('@')] + "@" + spelt.Domain
                && !spelt.Domain.Any(char.IsUpper)
                && EmailAddress.Parse(spelt.ToString()).Value == spelt.Value;
        }, iter: 2_000);

    [Fact]
    public void Different_addresses_are_different() =>
        Gen.Select(ContactGen.Email, ContactGen.Email).Sample((left, right) =>
            (EmailAddress.Parse(left) == EmailAddress.Parse(right)) == string.Equals(left, right, StringComparison.Ordinal)
            && Plain.SameEmail(EmailAddress.Parse(left), EmailAddress.Parse(right)) == string.Equals(left, right, StringComparison.Ordinal),
            iter: 2_000);

    [Fact]
    public void With_provider_rules_gmail_dots_tags_and_googlemail_match_the_same_mailbox() =>
        ContactGen.Atom.SelectMany(user => Gen.Select(Gen.Const(user), ContactGen.GmailSpelling(user), ContactGen.GmailSpelling(user))).Sample((user, left, right) =>
        {
            var a = EmailAddress.Parse(left);
            var b = EmailAddress.Parse(right);
            return WithProviderRules.SameEmail(a, b)
                && WithProviderRules.NormalizeEmail(a) == user + "@gmail.com"
                && string.Equals(a.Value, left.Trim(), StringComparison.OrdinalIgnoreCase);
        }, iter: 2_000);

    [Fact]
    public void With_provider_rules_different_gmail_users_do_not_match() =>
        Gen.Select(ContactGen.Atom, ContactGen.Atom)
            .SelectMany((x, y) => Gen.Select(Gen.Const(x == y), ContactGen.GmailSpelling(x), ContactGen.GmailSpelling(y)))
            .Sample((same, left, right) => WithProviderRules.SameEmail(EmailAddress.Parse(left), EmailAddress.Parse(right)) == same, iter: 2_000);

    [Fact]
    public void Provider_rules_are_off_by_default_and_touch_only_gmail()
    {
        var dotted = EmailAddress.Parse("Ada.Lovelace+shop@GoogleMail.com");
        var plain = EmailAddress.Parse("adalovelace@gmail.com");
        var other = EmailAddress.Parse("ada.lovelace+shop@example.com");

        Assert.False(Plain.SameEmail(dotted, plain));
        Assert.Equal("ada.lovelace+shop@googlemail.com", Plain.NormalizeEmail(dotted));
        Assert.True(WithProviderRules.SameEmail(dotted, plain));
        Assert.Equal("ada.lovelace+shop@example.com", WithProviderRules.NormalizeEmail(other));
        Assert.Equal("ada.lovelace@example.com", ContactGen.Normalizer(stripPlusTags: true).NormalizeEmail(other));
        Assert.Equal("+shop@example.com", ContactGen.Normalizer(stripPlusTags: true).NormalizeEmail(EmailAddress.Parse("+shop@example.com")));
        Assert.Equal("Ada.Lovelace+shop@googlemail.com", dotted.Value);
    }

    [Fact]
    public void Garbage_never_throws_and_what_parses_round_trips() =>
        Gen.OneOf(GenGarbage, ContactGen.Email).Sample(text =>
        {
            if (!EmailAddress.TryParse(text, out var address))
            {
                return !Plain.ParseEmail(text).Succeeded && Plain.ParseEmail(text).Error!.Code == CustomerErrorCodes.EmailInvalid;
            }

            return address.Value.Length <= EmailAddress.MaxLength
                && address.Normalized.Length <= EmailAddress.MaxLength
                && EmailAddress.Parse(address.ToString()) == address
                && Plain.ParseEmail(text).Value == address;
        }, iter: 5_000);

    [Fact]
    public void The_masked_form_shows_only_the_first_character_and_the_domain()
    {
        ContactGen.Email.Sample(email =>
        {
            var address = EmailAddress.Parse(email);
            return address.ToMaskedString() == address.LocalPart[..1] + "***@" + address.Domain;
        });
        Assert.Equal("j***@example.com", EmailAddress.Parse("john.smith@Example.com").ToMaskedString());
        Assert.Equal(string.Empty, default(EmailAddress).ToMaskedString());
    }

    [Fact]
    public void The_forms_of_an_address_are_as_documented()
    {
        var address = EmailAddress.Parse("  Ada.Lovelace@MÜNCHEN.de ");

        Assert.Equal("Ada.Lovelace@münchen.de", address.Value);
        Assert.Equal("ada.lovelace@xn--mnchen-3ya.de", address.Normalized);
        Assert.Equal(("Ada.Lovelace", "münchen.de"), (address.LocalPart, address.Domain));
        Assert.Equal(address.Value, address.ToString());
        Assert.Equal(address, EmailAddress.Parse("ada.lovelace@xn--mnchen-3ya.de"));
        Assert.True(default(EmailAddress).IsDefault);
        Assert.Equal(string.Empty, default(EmailAddress).Value);
        Assert.True(EmailAddress.TryParse(new string('a', 64) + "@example.com", out _));
        Assert.True(EmailAddress.TryParse("o'brien@example.ie", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ada")]
    [InlineData("@example.com")]
    [InlineData("ada@")]
    [InlineData("ada@example")]
    [InlineData("ada@@example.com")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@example.com, bob@example.com")]
    [InlineData("ada(comment)@example.com")]
    [InlineData("a b@example.com")]
    [InlineData("\"a b\"@example.com")]
    [InlineData("\"ada\"@example.com")]
    [InlineData("ada@[192.0.2.1]")]
    [InlineData("ada@192.0.2.1")]
    [InlineData("ada@exa mple.com")]
    [InlineData("ada@example.com.")]
    [InlineData("ada@-example.com")]
    [InlineData("ada@exa_mple.com")]
    [InlineData("a..b@example.com")]
    [InlineData(".ada@example.com")]
    [InlineData("ada@example..com")]
    [InlineData("ada\u0000@example.com")]
    public void Invalid_addresses_are_customer_email_invalid(string text)
    {
        Assert.False(EmailAddress.TryParse(text, out var address));
        Assert.True(address.IsDefault);
        Assert.Throws<FormatException>(() => EmailAddress.Parse(text));
        Assert.Equal(CustomerErrorCodes.EmailInvalid, Plain.ParseEmail(text).Error?.Code);
    }

    [Fact]
    public void Addresses_over_the_length_limits_are_customer_email_invalid()
    {
        var longLocal = new string('a', 65) + "@example.com";
        var longDomain = "ada@" + string.Join(".", Enumerable.Repeat(new string('d', 60), 5)) + ".com";
        var longUnicodeLocal = new string('ü', 33) + "@example.com";

        foreach (var text in new[] { longLocal, longDomain, longUnicodeLocal, null })
        {
            Assert.False(EmailAddress.TryParse(text, out _));
            Assert.Equal(CustomerErrorCodes.EmailInvalid, Plain.ParseEmail(text).Error?.Code);
        }

        Assert.Throws<ArgumentNullException>(() => EmailAddress.Parse(null!));
        Assert.Throws<ArgumentException>(() => Plain.NormalizeEmail(default));
    }
}
