using System.Globalization;
using System.Web;

namespace ShopKernel.Analytics;

/// <summary>
/// Where a buyer came from: the campaign's <see cref="Source"/>, <see cref="Medium"/> and <see cref="Campaign"/>
/// (as in <c>utm_source</c>, <c>utm_medium</c>, <c>utm_campaign</c>), the <see cref="ReferrerHost"/> of the page that
/// linked to the shop, the <see cref="LandingPath"/> the visit began on, and the buyer's own answer to "how did you
/// hear about us" (<see cref="HeardAbout"/>, one of the shop's codes). Set on a cart
/// (<see cref="Carts.CartService.SetAcquisitionAsync"/>), it travels to the order placed from it (the order's last
/// touch) and is given with a registration (the customer's first touch).
/// </summary>
/// <remarks>
/// Only what is no one's personal data is kept: of the referrer its host alone, of the landing page its path without
/// query or fragment (where e-mail addresses, tokens and click ids travel). Source, medium and campaign are compared
/// in lower case, so <c>Newsletter</c> and <c>newsletter</c> are one source. Instances come from <see cref="Create"/>
/// or <see cref="FromLanding"/>, which refuse malformed text with <see cref="AcquisitionErrorCodes.Invalid"/>.
/// </remarks>
public sealed record Acquisition
{
    /// <summary>The most characters of a source, medium or campaign.</summary>
    public const int MaxCodeLength = 64;

    /// <summary>The most characters of a referrer host (a DNS name's limit).</summary>
    public const int MaxReferrerHostLength = 253;

    /// <summary>The most characters of a landing path.</summary>
    public const int MaxLandingPathLength = 256;

    /// <summary>The most characters of a "how did you hear about us" code.</summary>
    public const int MaxHeardAboutLength = 32;

    private Acquisition(string? source, string? medium, string? campaign, string? referrerHost, string? landingPath, string? heardAbout)
    {
        Source = source;
        Medium = medium;
        Campaign = campaign;
        ReferrerHost = referrerHost;
        LandingPath = landingPath;
        HeardAbout = heardAbout;
    }

    /// <summary>The source, in lower case: who sent the visit (e.g. <c>google</c>, <c>newsletter</c>); <see langword="null"/> when unknown.</summary>
    public string? Source { get; }

    /// <summary>The medium, in lower case (e.g. <c>cpc</c>, <c>email</c>, <c>social</c>); <see langword="null"/> when unknown.</summary>
    public string? Medium { get; }

    /// <summary>The campaign, in lower case (e.g. <c>black-friday-2026</c>); <see langword="null"/> when unknown.</summary>
    public string? Campaign { get; }

    /// <summary>The host of the referring page, in lower case and its ASCII (IDNA) form; <see langword="null"/> when none.</summary>
    public string? ReferrerHost { get; }

    /// <summary>The path of the page the visit landed on, without query or fragment; <see langword="null"/> when unknown.</summary>
    public string? LandingPath { get; }

    /// <summary>The buyer's answer to "how did you hear about us", one of the shop's codes; <see langword="null"/> when not asked or not answered.</summary>
    public string? HeardAbout { get; }

    /// <summary>Whether no field is known.</summary>
    public bool IsEmpty => Source is null && Medium is null && Campaign is null && ReferrerHost is null && LandingPath is null && HeardAbout is null;

    /// <summary>
    /// Validates and normalises an acquisition source. Blank fields are unknown (<see langword="null"/>); source,
    /// medium and campaign are trimmed and lower-cased; the referrer may be a link (its host is kept) or a host; the
    /// landing path may be a path or a link (its path is kept, its query and fragment dropped).
    /// </summary>
    /// <param name="source">The source (<c>utm_source</c>).</param>
    /// <param name="medium">The medium (<c>utm_medium</c>).</param>
    /// <param name="campaign">The campaign (<c>utm_campaign</c>).</param>
    /// <param name="referrer">The referring page's link (e.g. <c>document.referrer</c>) or host.</param>
    /// <param name="landingPath">The path or link of the page the visit landed on.</param>
    /// <param name="heardAbout">The "how did you hear about us" code; checked against the shop's list by the services that store it.</param>
    /// <returns>The source; or <c>acquisition.invalid</c> naming the field.</returns>
    public static Result<Acquisition> Create(string? source = null, string? medium = null, string? campaign = null, string? referrer = null, string? landingPath = null, string? heardAbout = null)
    {
        if (!TryCode(source, out var s))
        {
            return Invalid("source", MaxCodeLength);
        }

        if (!TryCode(medium, out var m))
        {
            return Invalid("medium", MaxCodeLength);
        }

        if (!TryCode(campaign, out var c))
        {
            return Invalid("campaign", MaxCodeLength);
        }

        if (!TryReferrerHost(referrer, out var host))
        {
            return Invalid("referrer", MaxReferrerHostLength);
        }

        if (!TryLandingPath(landingPath, out var path))
        {
            return Invalid("landing_path", MaxLandingPathLength);
        }

        string? answer = null;
        if (!string.IsNullOrWhiteSpace(heardAbout))
        {
            answer = heardAbout.Trim().ToLowerInvariant();
            if (!IsAnswerCode(answer))
            {
                return Invalid("heard_about", MaxHeardAboutLength);
            }
        }

        return new Acquisition(s, m, c, host, path, answer);
    }

    /// <summary>
    /// Reads an acquisition source from the link a visit landed on: <c>utm_source</c>, <c>utm_medium</c> and
    /// <c>utm_campaign</c> from its query, the landing path from its path (the rest of the query and the fragment
    /// are not kept).
    /// </summary>
    /// <param name="landingUrl">The absolute http or https link of the landing page, or its path and query (e.g. <c>/shoes?utm_source=google</c>).</param>
    /// <param name="referrer">The referring page's link or host, if known.</param>
    /// <param name="heardAbout">The "how did you hear about us" code, if asked.</param>
    /// <returns>The source; or <c>acquisition.invalid</c> naming the field (<c>landing_url</c> for a link that is neither).</returns>
    public static Result<Acquisition> FromLanding(string landingUrl, string? referrer = null, string? heardAbout = null)
    {
        if (string.IsNullOrWhiteSpace(landingUrl) || !TextRules.IsIdentifier(landingUrl.Trim(), MaxLandingUrlLength))
        {
            return Invalid("landing_url", MaxLandingUrlLength);
        }

        var text = landingUrl.Trim();
        string path;
        string query;
        if (text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal))
        {
            var end = text.AsSpan().IndexOfAny('?', '#');
            path = end < 0 ? text : text[..end];
            var queryStart = text.IndexOf('?', StringComparison.Ordinal);
            var fragment = text.IndexOf('#', StringComparison.Ordinal);
            query = queryStart < 0 || (fragment >= 0 && fragment < queryStart) ? string.Empty
                : fragment < 0 ? text[(queryStart + 1)..] : text[(queryStart + 1)..fragment];
        }
        else if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            path = uri.AbsolutePath;
            query = uri.Query.TrimStart('?');
        }
        else
        {
            return Invalid("landing_url", MaxLandingUrlLength);
        }

        var parameters = HttpUtility.ParseQueryString(query);
        return Create(parameters["utm_source"], parameters["utm_medium"], parameters["utm_campaign"], referrer, path, heardAbout);
    }

    /// <summary>Rebuilds a source from storage, as it was validated when stored. For store implementations.</summary>
    internal static Acquisition? Restore(string? source, string? medium, string? campaign, string? referrerHost, string? landingPath, string? heardAbout)
    {
        var restored = new Acquisition(source, medium, campaign, referrerHost, landingPath, heardAbout);
        return restored.IsEmpty ? null : restored;
    }

    /// <summary>Whether <paramref name="code"/> is a well-formed "how did you hear about us" code.</summary>
    internal static bool IsAnswerCode(string? code)
    {
        if (code is null || code.Length is 0 or > MaxHeardAboutLength)
        {
            return false;
        }

        foreach (var ch in code)
        {
            if (ch is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The most characters of a landing link <see cref="FromLanding"/> reads.</summary>
    private const int MaxLandingUrlLength = 4096;

    private static bool TryCode(string? text, out string? code)
    {
        code = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (!TextRules.IsIdentifier(trimmed, MaxCodeLength))
        {
            return false;
        }

        code = trimmed.ToLowerInvariant();
        return true;
    }

    private static bool TryReferrerHost(string? text, out string? host)
    {
        host = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (!TextRules.IsIdentifier(trimmed, MaxLandingUrlLength))
        {
            return false;
        }

        Uri? uri;
        if (trimmed.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(trimmed, UriKind.Absolute, out uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return false;
            }
        }
        else if (trimmed.AsSpan().IndexOfAny("/?#@") >= 0 || !Uri.TryCreate("http://" + trimmed, UriKind.Absolute, out uri))
        {
            return false;
        }

        if (uri.HostNameType != UriHostNameType.Dns && uri.HostNameType != UriHostNameType.IPv4 && uri.HostNameType != UriHostNameType.IPv6)
        {
            return false;
        }

        var idn = (uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost).TrimEnd('.').ToLowerInvariant();
        if (idn.Length is 0 or > MaxReferrerHostLength)
        {
            return false;
        }

        host = idn;
        return true;
    }

    private static bool TryLandingPath(string? text, out string? path)
    {
        path = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (!TextRules.IsIdentifier(trimmed, MaxLandingUrlLength))
        {
            return false;
        }

        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            var end = trimmed.AsSpan().IndexOfAny('?', '#');
            trimmed = end < 0 ? trimmed : trimmed[..end];
        }
        else if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            trimmed = uri.AbsolutePath;
        }
        else
        {
            return false;
        }

        if (trimmed.Length > MaxLandingPathLength || trimmed.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        path = trimmed;
        return true;
    }

    /// <summary>The error of a malformed <paramref name="field"/> (as the API spells it) whose limit is <paramref name="limit"/>.</summary>
    internal static ShopError Invalid(string field, int limit) => ShopError.WithData(
        AcquisitionErrorCodes.Invalid,
        field switch
        {
            "source" or "medium" or "campaign" => $"The {field} is at most {limit} characters of visible text.",
            "referrer" => "The referrer must be an http or https link or a host name.",
            "landing_path" => $"The landing path must start with '/' and be at most {limit} characters without spaces.",
            "heard_about" => $"The answer must be one of the shop's codes: 1 to {limit} lower-case letters, digits, '_', '.' or '-'.",
            _ => $"The landing link must be an absolute http or https link or a path starting with '/', of at most {limit} characters.",
        },
        KeyValuePair.Create(ShopErrorData.Field, field),
        KeyValuePair.Create(ShopErrorData.Limit, limit.ToString(CultureInfo.InvariantCulture)));
}
