using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ShopKernel.Customers;

/// <summary>
/// What the access log records of a customer export, in one stable form that <see cref="TryParse"/> reads back:
/// <c>export {id}; canary {domain}[ phone {prefix} {digits}]; {segment}</c>, or <c>export {id}; no canary; {segment}</c>,
/// the id as 32 hexadecimal digits. The canary contacts are recorded (never the canary itself, which only the key
/// recomputes) so that an export stays traceable after the configuration changes. The segment comes last, so that
/// it may hold anything and a details text cut to its limit keeps the rest.
/// </summary>
/// <param name="ExportId">The export's id.</param>
/// <param name="Canary">Where the export's canary is reached, or <see langword="null"/> for an export without one.</param>
/// <param name="Segment">The segment's conditions.</param>
internal sealed record ExportDetails(Guid ExportId, CanaryContacts? Canary, string Segment)
{
    private const string Export = "export ";
    private const string NoCanary = "no canary";
    private const string CanaryWord = "canary ";
    private const string PhoneWord = " phone ";
    private const string Separator = "; ";

    public string Format()
    {
        var canary = Canary?.EmailDomain is not { } domain
            ? NoCanary
            : Canary.PhonePrefix is { } prefix
                ? string.Create(CultureInfo.InvariantCulture, $"{CanaryWord}{domain}{PhoneWord}{prefix} {Canary.PhoneDigits}")
                : CanaryWord + domain;
        return $"{Export}{ExportId:N}{Separator}{canary}{Separator}{Segment}";
    }

    public static bool TryParse(string? details, [NotNullWhen(true)] out ExportDetails? parsed)
    {
        parsed = null;
        if (details is null || !details.StartsWith(Export, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = details.AsSpan(Export.Length);
        if (rest.Length < 32 + Separator.Length || !Guid.TryParseExact(rest[..32], "N", out var id) || !rest[32..].StartsWith(Separator, StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest[(32 + Separator.Length)..];
        var end = rest.IndexOf(Separator, StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var canary = rest[..end];
        var segment = rest[(end + Separator.Length)..].ToString();
        if (canary.SequenceEqual(NoCanary))
        {
            parsed = new ExportDetails(id, null, segment);
            return true;
        }

        if (!canary.StartsWith(CanaryWord, StringComparison.Ordinal))
        {
            return false;
        }

        canary = canary[CanaryWord.Length..];
        var phone = canary.IndexOf(PhoneWord, StringComparison.Ordinal);
        var domain = CanaryContacts.ParseDomain((phone < 0 ? canary : canary[..phone]).ToString());
        if (domain is null)
        {
            return false;
        }

        if (phone < 0)
        {
            parsed = new ExportDetails(id, CanaryContacts.Recorded(domain, null, 0), segment);
            return true;
        }

        var range = canary[(phone + PhoneWord.Length)..];
        var space = range.IndexOf(' ');
        if (space <= 1 || range[0] != '+' || range[1..space].ContainsAnyExceptInRange('0', '9')
            || !int.TryParse(range[(space + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var digits) || digits is < 1 or > ExportOptions.MaxCanaryPhoneDigits)
        {
            return false;
        }

        parsed = new ExportDetails(id, CanaryContacts.Recorded(domain, range[..space].ToString(), digits), segment);
        return true;
    }
}
