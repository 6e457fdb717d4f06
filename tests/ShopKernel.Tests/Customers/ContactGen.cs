using CsCheck;
using PhoneNumbers;
using ShopKernel.Customers;
using LibPhoneNumberFormat = PhoneNumbers.PhoneNumberFormat;

namespace ShopKernel.Tests.Customers;

/// <summary>Generators of e-mail addresses, phone numbers and their many spellings.</summary>
internal static class ContactGen
{
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static readonly string[] Regions = ["DE", "AT", "CH", "FR", "GB", "PL", "NL", "ES", "IT", "SE", "US", "CA", "AU", "BR", "IN", "JP"];

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static readonly Gen<string> Atom = Gen.String[Gen.Char[Alphanumeric], 1, 8];

    public static readonly Gen<string> LocalPart = Gen.Select(
        Atom.Array[1, 3],
        Gen.OneOf<string>(".", "_", "-"),
        (atoms, separator) => string.Join(separator, atoms));

    public static readonly Gen<string> Domain = Gen.OneOf(
        Gen.Select(Atom.Array[1, 2], Gen.OneOf<string>("com", "de", "org", "co.uk", "io", "shop"), (labels, top) => string.Join(".", labels) + "." + top),
        Gen.OneOf<string>("example.com", "münchen.de", "bücher.example", "例え.jp"));

    /// <summary>An address in lower case.</summary>
    public static readonly Gen<string> Email = Gen.Select(LocalPart, Domain, (local, domain) => local + "@" + domain);

    /// <summary>Surrounding white space a buyer's keyboard or a paste adds.</summary>
    public static readonly Gen<string> Padding = Gen.OneOf<string>("", " ", "  ", "\t", "\u00A0", " \n");

    /// <summary>The same text with each letter's case chosen at random.</summary>
    public static Gen<string> AnyCase(string text) =>
        Gen.Bool.Array[text.Length].Select(upper => new string([.. text.Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : c)]));

    /// <summary>A spelling of an address: any case and surrounding white space.</summary>
    public static Gen<string> Spelling(string email) =>
        Gen.Select(AnyCase(email), Padding, Padding, (text, before, after) => before + text + after);

    /// <summary>A Gmail user name (letters and digits) spelt with dots, a +tag, either domain and any case.</summary>
    public static Gen<string> GmailSpelling(string user) =>
        Gen.Select(
                Gen.Bool.Array[Math.Max(0, user.Length - 1)],
                Gen.OneOf(Gen.Const(string.Empty), Atom.Select(tag => "+" + tag)),
                Gen.OneOf<string>("gmail.com", "googlemail.com"),
                (dots, tag, domain) => string.Concat(user.Select((c, i) => i > 0 && dots[i - 1] ? "." + c : c.ToString())) + tag + "@" + domain)
            .SelectMany(Spelling);

    /// <summary>A valid number: a region's example fixed-line or mobile number with its last three digits changed.</summary>
    public static readonly Gen<(string Region, string E164)> Phone = Gen.Select(
            Gen.OneOf<string>(Regions),
            Gen.OneOf<PhoneNumberType>(PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE),
            Gen.Int[0, 999],
            (region, type, tail) =>
            {
                var example = Util.GetExampleNumberForType(region, type);
                var national = Util.GetNationalSignificantNumber(example);
                var changed = national[..^3] + tail.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
                var number = Util.Parse("+" + example.CountryCode + changed, "ZZ");
                return (Region: region, Valid: Util.IsValidNumber(number) && Util.GetRegionCodeForNumber(number) == region, E164: Util.Format(number, LibPhoneNumberFormat.E164));
            })
        .Where(p => p.Valid)
        .Select(p => (p.Region, p.E164));

    /// <summary>
    /// A spelling of a number as a buyer in its region might type it: international with <c>+</c> or <c>00</c>, or
    /// national, its digits cut into groups by spaces, dashes, dots or slashes, one group perhaps in parentheses.
    /// </summary>
    public static Gen<string> PhoneSpelling(string e164)
    {
        var number = Util.Parse(e164, "ZZ");
        var countryCode = number.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var significant = Util.GetNationalSignificantNumber(number);
        var national = new string([.. Util.Format(number, LibPhoneNumberFormat.NATIONAL).Where(char.IsAsciiDigit)]);
        return Gen.Select(
            Gen.Int[0, 2],
            Gen.Int[1, 12].Array[0, 4],
            Gen.OneOf<string>(" ", "-", ".", " - ", "/", "").Array[5],
            Gen.Int[-1, 4],
            Padding,
            (form, cuts, separators, bracketed, padding) =>
            {
                var digits = form == 2 ? national : significant;
                var groups = Cut(digits, cuts);
                if (bracketed >= 0 && bracketed < groups.Count && groups.Count > 1)
                {
                    groups[bracketed] = "(" + groups[bracketed] + ")";
                }

                var body = string.Concat(groups.Select((g, i) => i == 0 ? g : separators[i % separators.Length] + g));
                if (body.Length > 0 && separators[0].Length == 0 && body[0] == '(')
                {
                    body = " " + body;
                }

                return padding + form switch
                {
                    0 => "+" + countryCode + " " + body,
                    1 => "00" + countryCode + " " + body,
                    _ => body,
                };
            });
    }

    private static List<string> Cut(string digits, int[] cuts)
    {
        var groups = new List<string>();
        var start = 0;
        foreach (var length in cuts)
        {
            if (start + length >= digits.Length)
            {
                break;
            }

            groups.Add(digits.Substring(start, length));
            start += length;
        }

        groups.Add(digits[start..]);
        return groups;
    }

    public static ContactNormalizer Normalizer(string? region = null, bool providerRules = false, bool stripPlusTags = false) =>
        new(new ContactNormalizationOptions { DefaultRegion = region, ApplyProviderRules = providerRules, StripPlusTags = stripPlusTags });
}
