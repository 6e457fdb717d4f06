using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ShopKernel.Subscriptions;

namespace ShopKernel.Docs.Tests;

// docs/subscriptions.md, as shown there (SnippetTests keeps the two equal).
internal static class SubscriptionsDocs
{
    public static void MapOneClickUnsubscribe(WebApplication app)
    {
        // snippet: subscriptions-one-click-unsubscribe
        // In every message: List-Unsubscribe: <https://shop.example/unsubscribe?t={recipient.Unsubscribe.Token}>
        //                   List-Unsubscribe-Post: List-Unsubscribe=One-Click
        app.MapPost("/unsubscribe", async (string t, HttpContext http, SubscriptionService subscriptions) =>
        {
            var evidence = new ConsentEvidence(ConsentSource.UnsubscribeLink)
            {
                IpAddress = http.Connection.RemoteIpAddress?.ToString(),
                UserAgent = http.Request.Headers.UserAgent.ToString() is { Length: > 0 and <= 512 } agent ? agent : null,
            };
            var result = await subscriptions.RedeemUnsubscribeTokenAsync(t, evidence, http.RequestAborted);
            return result.Succeeded ? Results.Ok()
                : result.Error.Code == SubscriptionErrorCodes.TokenExpired ? Results.StatusCode(StatusCodes.Status410Gone)
                : Results.BadRequest();
        }).DisableAntiforgery();   // the one-click POST comes from the mail provider, without a form token
        app.MapGet("/unsubscribe", (string t) => Results.Content(
            $"<form method=post action='/unsubscribe?t={Uri.EscapeDataString(t)}'><button>Unsubscribe</button></form>", "text/html"));
        // end snippet
    }
}
