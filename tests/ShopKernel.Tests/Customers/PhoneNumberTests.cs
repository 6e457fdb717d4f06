using System.Text.RegularExpressions;
using CsCheck;
using ShopKernel.Customers;

namespace ShopKernel.Tests.Customers;

public partial class PhoneNumberTests
{
    private static readonly ContactNormalizer NoRegion = ContactGen.Normalizer();

    private static readonly Gen<string?> GenRegion = Gen.OneOf<string?>(null, "DE", "US", "GB", "de");

    private static readonly Gen<string> GenGarbage = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["0123456789+()-. /x#*"], 0, 30],
        Gen.String[Gen.Char["0123456789"], 0, 20],
        ContactGen.Phone.Select(p => p.E164).SelectMany(e164 => Gen.Int[0, e164.Length].Select(n => e164[..n])));

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$")]
    private static partial Regex E164Pattern();

    [Fact]
    public void Every_spelling_of_a_number_parses_to_the_same_E164() =>
        ContactGen.Phone.SelectMany(p => Gen.Select(Gen.Const(p), ContactGen.PhoneSpelling(p.E164))).Sample((phone, spelling) =>
        {
            var parsed = PhoneNumber.Parse(spelling, phone.Region);
            return parsed.E164 == phone.E164
                && parsed.ToString() == phone.E164
                && parsed == PhoneNumber.Parse(phone.E164)
                && ContactGen.Normalizer(phone.Region).ParsePhone(spelling).Value == parsed;
        }, iter: 3_000, print: t => $"{t.Item1} '{t.Item2}'");

    [Fact]
    public void The_international_form_needs_no_region() =>
        ContactGen.Phone.Select(p => p.E164).SelectMany(e164 => Gen.Select(Gen.Const(e164), ContactGen.PhoneSpelling(e164), GenRegion)).Sample((e164, spelling, region) =>
        {
            var international = spelling.TrimStart().StartsWith('+') || spelling.TrimStart().StartsWith("00", StringComparison.Ordinal);
            return !international || PhoneNumber.Parse(spelling, region).E164 == e164;
        }, iter: 1_000);

    [Fact]
    public void Different_numbers_stay_different() =>
        Gen.Select(ContactGen.Phone, ContactGen.Phone)
            .SelectMany((a, b) => Gen.Select(Gen.Const((a, b)), ContactGen.PhoneSpelling(a.E164), ContactGen.PhoneSpelling(b.E164)))
            .Sample((pair, left, right) =>
                (PhoneNumber.Parse(left, pair.a.Region) == PhoneNumber.Parse(right, pair.b.Region)) == (pair.a.E164 == pair.b.E164),
                iter: 1_000);

    [Fact]
    public void Garbage_never_throws_and_what_parses_is_E164() =>
        Gen.Select(GenGarbage, GenRegion).Sample((text, region) =>
        {
            if (!PhoneNumber.TryParse(text, region, out var number))
            {
                return ContactGen.Normalizer(region).ParsePhone(text).Error?.Code == CustomerErrorCodes.PhoneInvalid;
            }

            return E164Pattern().IsMatch(number.E164) && PhoneNumber.Parse(number.ToString()) == number;
        }, iter: 5_000);

    [Fact]
    public void The_masked_form_keeps_only_the_country_code_and_the_last_digits()
    {
        ContactGen.Phone.Select(p => PhoneNumber.Parse(p.E164)).Sample(number =>
        {
            var masked = number.ToMaskedString();
            var international = number.Format(PhoneNumberStyle.International);
            var countryCode = international[1..international.IndexOf(' ', StringComparison.Ordinal)];
            var digits = new string([.. masked.Where(char.IsAsciiDigit)]);
            return masked.Length == international.Length
                && masked.StartsWith("+" + countryCode + " ", StringComparison.Ordinal)
                && digits == countryCode + number.E164[^3..]
                && masked.Count(c => c == '*') == number.E164.Length - 1 - countryCode.Length - 3;
        }, iter: 1_000);

        Assert.Equal("+48 *** *** 123", PhoneNumber.Parse("+48 512 345 123").ToMaskedString());
        Assert.Equal("+49 ** ****567", PhoneNumber.Parse("+49 30 1234567").ToMaskedString());
        Assert.Equal(string.Empty, default(PhoneNumber).ToMaskedString());
    }

    [Fact]
    public void The_forms_of_a_number_are_as_documented()
    {
        var number = PhoneNumber.Parse("030 123-4567", "DE");

        Assert.Equal("+49301234567", number.E164);
        Assert.Equal("+49301234567", number.ToString());
        Assert.Equal("+49 30 1234567", number.Format(PhoneNumberStyle.International));
        Assert.Equal("030 1234567", number.Format(PhoneNumberStyle.National));
        Assert.Equal(number, PhoneNumber.Parse("0049 (30) 123.4567", "de"));
        Assert.Equal(number, PhoneNumber.Parse("0049 30 1234567"));
        Assert.Equal(number, PhoneNumber.Parse("0049 30 1234567", "US"));
        Assert.Equal(number, PhoneNumber.Parse("+49 30 / 123 45 67", "GB"));
        Assert.Equal("+12015550123", PhoneNumber.Parse("(201) 555-0123", "US").E164);
        Assert.True(default(PhoneNumber).IsDefault);
        Assert.Equal(string.Empty, default(PhoneNumber).Format(PhoneNumberStyle.National));
        Assert.True(PhoneNumber.IsKnownRegion("de"));
        Assert.False(PhoneNumber.IsKnownRegion("XX"));
        Assert.False(PhoneNumber.IsKnownRegion("DEU"));
    }

    [Theory]
    [InlineData("", "DE")]
    [InlineData("   ", "DE")]
    [InlineData("call me", "DE")]
    [InlineData("+49 30 1234567 ext 5", "DE")]
    [InlineData("+49 30 1234567 #5", "DE")]
    [InlineData("1-800-FLOWERS", "US")]
    [InlineData("12", "DE")]
    [InlineData("+49 30", "DE")]
    [InlineData("+999 1234567", null)]
    [InlineData("++49 30 1234567", "DE")]
    [InlineData("49 + 30 1234567", "DE")]
    [InlineData("+1 201 555 01234", "US")]
    [InlineData("030 1234567", null)]
    [InlineData("０３０ １２３４５６７", "DE")]
    public void Invalid_numbers_are_customer_phone_invalid(string text, string? region)
    {
        Assert.False(PhoneNumber.TryParse(text, region, out var number));
        Assert.True(number.IsDefault);
        Assert.Throws<FormatException>(() => PhoneNumber.Parse(text, region));
        Assert.Equal(CustomerErrorCodes.PhoneInvalid, ContactGen.Normalizer(region).ParsePhone(text).Error?.Code);
    }

    [Fact]
    public void A_national_number_without_a_region_asks_for_the_country_code()
    {
        var error = NoRegion.ParsePhone("030 1234567").Error!;

        Assert.Equal(CustomerErrorCodes.PhoneInvalid, error.Code);
        Assert.Contains("country code", error.Description, StringComparison.Ordinal);
        Assert.Equal("+49301234567", NoRegion.ParsePhone("030 1234567", "DE").Value.E164);
        Assert.Throws<ArgumentException>(() => NoRegion.ParsePhone("030 1234567", "XX"));
        Assert.Throws<ArgumentException>(() => PhoneNumber.TryParse("030 1234567", "Germany", out _));
        Assert.Throws<ArgumentNullException>(() => PhoneNumber.Parse(null!));
        Assert.False(PhoneNumber.TryParse(null, out _));
    }
}
