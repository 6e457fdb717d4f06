using System.ComponentModel.DataAnnotations;

namespace ShopKernel.Customers;

/// <summary>
/// How customer exports are made traceable. Bound from <c>ShopKernel:Exports</c>. Each export (CSV or XLSX) carries
/// one made-up customer, a <em>canary</em>, whose contacts the shop owns: a copy of the file that turns up elsewhere
/// mails or calls the shop, and <see cref="Staff.AccessLogService.TraceExportAsync"/> names the export it came from.
/// Without <see cref="CanaryEmailDomain"/> exports carry no canary (they still get an export id in the access log).
/// </summary>
public sealed class ExportOptions
{
    /// <summary>The most digits <see cref="CanaryPhoneDigits"/> allows.</summary>
    public const int MaxCanaryPhoneDigits = 8;

    /// <summary>
    /// A domain the shop owns and receives all mail of (a catch-all mailbox), such as <c>mail-lindenhof.de</c>: each
    /// export's canary gets an address in it. Pick one that does not look like the shop's own or like a trap, since a
    /// leaker who recognises the canary can strip it. ASCII (punycode) labels; requires <c>ShopKernel:Tokens:SigningKeys</c>,
    /// which key the canaries. Default <see langword="null"/>: no canaries. ShopKernel never lists an address in this
    /// domain (or below it) as a mailing recipient.
    /// </summary>
    public string? CanaryEmailDomain { get; set; }

    /// <summary>
    /// The start of a range of phone numbers the shop owns, in international form (<c>+49 30 1234 56</c>): each
    /// canary then gets a number of this range, the prefix followed by <see cref="CanaryPhoneDigits"/> digits, and
    /// every such number must be a valid number. Needs <see cref="CanaryEmailDomain"/>. Default <see langword="null"/>:
    /// canaries have no phone number (ShopKernel never makes up a number that someone else may own). ShopKernel never
    /// lists a number of this range as a mailing recipient.
    /// </summary>
    public string? CanaryPhonePrefix { get; set; }

    /// <summary>How many digits follow <see cref="CanaryPhonePrefix"/>: 1 to 8. Default 3 (a range of 1,000 numbers).</summary>
    [Range(1, MaxCanaryPhoneDigits)]
    public int CanaryPhoneDigits { get; set; } = 3;
}
