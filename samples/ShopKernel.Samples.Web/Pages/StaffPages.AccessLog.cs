using System.Globalization;
using System.Text;
using ShopKernel.Staff;
using static ShopKernel.Samples.Web.Web.Html;

namespace ShopKernel.Samples.Web.Pages;

/// <summary>
/// The access log for staff holding <see cref="StaffPermissions.AccessLogRead"/>: its entries newest first, a page at
/// a time (<see cref="AccessLogService.ListAsync"/>), and a button that verifies its hash chain
/// (<see cref="AccessLogService.VerifyAsync"/>). ShopKernel asks the permission itself and logs reading and verifying
/// as well; without it the page answers 403.
/// </summary>
public static partial class StaffPages
{
    private const int AccessLogPageSize = 50;

    private static void MapAccessLogPages(RouteGroupBuilder staff)
    {
        staff.MapGet("/access-log", ShowAccessLogAsync);
        staff.MapPost("/access-log/verify", VerifyAccessLogAsync);
    }

    private static async Task<IResult> ShowAccessLogAsync(HttpContext http, AccessLogService log, long? before)
    {
        var listed = await log.ListAsync(Actor(http), before: before, pageSize: AccessLogPageSize, cancellationToken: http.RequestAborted);
        if (!listed.TryGetValue(out var page))
        {
            return Refused(http, listed.Error!);
        }

        var body = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""
            <p class="note">Every staff operation on customers' data and orders, allowed or refused, newest first. Entries are chained by a keyed hash: verifying walks the whole log and names the first entry that was altered, removed or inserted.</p>
            <form method="post" action="/staff/access-log/verify">{Antiforgery(http)}<button type="submit" id="verify-access-log">Verify the chain</button></form>
            <table id="access-log"><thead><tr><th>#</th><th>When (UTC)</th><th>Who</th><th>Permission</th><th>Operation</th><th>Customer</th><th>Details</th><th>Rows</th><th>Outcome</th></tr></thead><tbody>
            """);
        foreach (var entry in page.Items)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <tr class="access-entry"><td class="entry-sequence">{entry.Sequence}</td><td>{entry.At:yyyy-MM-dd HH:mm:ss}</td><td class="entry-actor">{E($"{entry.Actor.DisplayName} ({entry.Actor.Id})")}</td><td class="entry-permission">{E(entry.Permission)}</td><td class="entry-operation">{E(entry.Operation)}</td><td class="entry-customer">{E(entry.CustomerId?.ToString())}</td><td class="entry-details">{E(entry.Details)}</td><td class="entry-rows">{entry.RowCount}</td><td class="entry-outcome">{entry.Outcome}</td></tr>
                """);
        }

        body.Append("</tbody></table>");
        if (page.Items.Count == 0)
        {
            body.Append("<p id=\"access-log-empty\">No entries here.</p>");
        }

        if (page.Next is { } next)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p><a id=\"access-log-older\" href=\"/staff/access-log?before={next}\">Older entries</a></p>");
        }

        return StaffPage(http, "Access log", body.ToString());
    }

    /// <summary>Shows the verification's outcome on the page answering the post: a link cannot put a made-up verdict on the page.</summary>
    private static async Task<IResult> VerifyAccessLogAsync(HttpContext http, AccessLogService log)
    {
        var verified = await log.VerifyAsync(Actor(http), http.RequestAborted);
        if (!verified.TryGetValue(out var result))
        {
            return Refused(http, verified.Error!);
        }

        var verdict = result.IsIntact
            ? $"<p class=\"note\" id=\"verify-result\">The access log is intact: {result.Entries} entries, chained from #1 to #{result.HeadSequence}.</p><p class=\"note\">The last entry's hash is <code id=\"verify-head\">{E(result.HeadHash)}</code>. Note its number and hash somewhere outside the shop's database from time to time: a removed tail cannot show inside it.</p>"
            : $"<p class=\"error\" role=\"alert\" id=\"verify-result\">The access log is broken at entry #{result.BrokenAt}: {E(result.Problem)} ({result.Entries} entries read).</p>";
        return StaffPage(http, "Access log verification", $"{verdict}<p><a href=\"/staff/access-log\" id=\"back-to-access-log\">Back to the access log</a></p>");
    }
}
