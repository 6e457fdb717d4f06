using ShopKernel.Samples.Web.Mail;
using ShopKernel.Samples.Web.Web;
using ShopKernel.Subscriptions;
using static ShopKernel.Samples.Web.Web.Html;

namespace ShopKernel.Samples.Web.Pages;

/// <summary>
/// Newsletter confirmation and the RFC 8058 one-click unsubscribe endpoint. A <c>GET</c> only shows a button (link
/// scanners fetch links in mail); a <c>POST</c> acts, without sign-in.
/// </summary>
public static class SubscriptionPages
{
    /// <summary>Maps the pages.</summary>
    public static void MapSubscriptionPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/subscriptions/confirm", (HttpContext http, string? token) => Page("Confirm your subscription", ShopState.From(http), $"""
            <form method="post" action="/subscriptions/confirm?token={Uri.EscapeDataString(token ?? string.Empty)}"><button type="submit" id="confirm">Yes, send me the newsletter</button></form>
            """));
        app.MapPost("/subscriptions/confirm", ConfirmAsync);
        app.MapGet("/unsubscribe", (HttpContext http, string? t) => Page("Unsubscribe", ShopState.From(http), $"""
            <p>Stop receiving our mailings?</p>
            <form method="post" action="/unsubscribe?t={Uri.EscapeDataString(t ?? string.Empty)}"><button type="submit" id="unsubscribe">Unsubscribe</button></form>
            """));
        app.MapPost("/unsubscribe", UnsubscribeAsync);
    }

    /// <summary>Asks for the newsletter (double opt-in) and writes the confirmation mail.</summary>
    public static async Task RequestNewsletterAsync(SubscriptionService subscriptions, MailOutbox mail, ConsentSubject subject, ConsentSource source, HttpContext http, Uri baseUri)
    {
        var requested = await subscriptions.RequestAsync(CheckoutPages.Newsletter, subject, Evidence(source, http) with { WordingVersion = CheckoutPages.NewsletterWording, BoxStartedUnticked = true }, http.RequestAborted);
        if (requested.TryGetValue(out var outcome) && outcome.Confirmation is { } confirmation)
        {
            await mail.WriteAsync(subscriptions, subject, confirmation.SendTo, "Please confirm your newsletter subscription", $"""
                You asked for our newsletter. Confirm here (valid until {confirmation.ExpiresAt:yyyy-MM-dd HH:mm} UTC):
                {new Uri(baseUri, $"subscriptions/confirm?token={Uri.EscapeDataString(confirmation.Token)}")}

                If this was not you, ignore this mail: nothing is sent without your confirmation.
                """, baseUri, cancellationToken: http.RequestAborted);
        }
    }

    /// <summary>Evidence of a consent step taken on this request.</summary>
    public static ConsentEvidence Evidence(ConsentSource source, HttpContext http) => new(source)
    {
        IpAddress = http.Connection.RemoteIpAddress?.ToString(),
        UserAgent = http.Request.Headers.UserAgent.ToString() is { Length: > 0 and <= ConsentEvidence.MaxUserAgent } agent ? agent : null,
    };

    private static async Task<IResult> ConfirmAsync(HttpContext http, string? token, SubscriptionService subscriptions)
    {
        var state = ShopState.From(http);
        var confirmed = await subscriptions.ConfirmAsync(token ?? string.Empty, Evidence(ConsentSource.ConfirmationLink, http), http.RequestAborted);
        return confirmed.Succeeded
            ? Page("Subscribed", state, "<p id=\"subscribed\">Thank you: you will get our newsletter. Every issue has a one-click unsubscribe link.</p>")
            : Page("Not confirmed", state, Error(confirmed.Error!.Code == SubscriptionErrorCodes.TokenExpired
                ? "This link has expired; tick the box again to get a new one."
                : "This link is not valid or has been used already."), StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> UnsubscribeAsync(HttpContext http, string? t, SubscriptionService subscriptions)
    {
        var oneClick = http.Request.HasFormContentType
            && (await http.Request.ReadFormAsync(http.RequestAborted))["List-Unsubscribe"] == "One-Click";
        var result = await subscriptions.RedeemUnsubscribeTokenAsync(t ?? string.Empty, Evidence(ConsentSource.UnsubscribeLink, http), http.RequestAborted);
        if (oneClick)
        {
            // The mail provider's POST: a status is all it reads.
            return result.Succeeded ? Results.Ok()
                : result.Error!.Code == SubscriptionErrorCodes.TokenExpired ? Results.StatusCode(StatusCodes.Status410Gone)
                : Results.BadRequest();
        }

        var state = ShopState.From(http);
        return result.Succeeded
            ? Page("Unsubscribed", state, "<p id=\"unsubscribed\">You are unsubscribed and will get no more mailings from us.</p>")
            : Page("Not unsubscribed", state, Error("This unsubscribe link is not valid or has expired. Sign in to change your subscriptions, or reply to any of our mails."), StatusCodes.Status400BadRequest);
    }
}
