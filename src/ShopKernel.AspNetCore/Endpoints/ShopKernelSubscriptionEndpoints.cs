using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ShopKernel;
using ShopKernel.AspNetCore.Endpoints;
using ShopKernel.Subscriptions;

namespace Microsoft.AspNetCore.Routing;

/// <summary>
/// <c>app.MapShopKernelSubscriptions()</c>: consent-tracked subscriptions over HTTP — subscribe (the request's IP
/// address and user agent recorded as evidence), confirm a double opt-in, read and withdraw the signed-in customer's
/// subscription, and the RFC 8058 one-click unsubscribe that mail providers call without sign-in.
/// </summary>
public static class ShopKernelSubscriptionEndpoints
{
    /// <summary>The one-click unsubscribe endpoint's name: <c>LinkGenerator.GetUriByName(http, UnsubscribeEndpointName, new { t = token.Token })</c> is the link for a message's <c>List-Unsubscribe</c> header.</summary>
    public const string UnsubscribeEndpointName = "ShopKernelUnsubscribe";

    /// <summary>
    /// Maps the subscription endpoints under <paramref name="prefix"/>: <c>POST {prefix}</c> subscribes,
    /// <c>POST {prefix}/confirm</c> confirms, <c>GET</c>/<c>DELETE {prefix}/{topic}</c> read and withdraw the signed-in
    /// customer's subscription, <c>GET {prefix}/unsubscribe?t=</c> shows a button (link scanners fetch links in mail, so
    /// a GET never acts) and <c>POST {prefix}/unsubscribe?t=</c> unsubscribes — the RFC 8058 one-click POST
    /// (<c>List-Unsubscribe=One-Click</c>) or that button. The unsubscribe POST is authorised by its token alone and
    /// takes no antiforgery token (a mail provider has none).
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">The group's route prefix.</param>
    /// <returns>The group, to add rate limiting or a version to.</returns>
    /// <exception cref="InvalidOperationException">ShopKernel or an <see cref="IConfirmationSender"/> is not registered.</exception>
    public static RouteGroupBuilder MapShopKernelSubscriptions(this IEndpointRouteBuilder endpoints, string prefix = "/subscriptions")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ShopKernelCartEndpoints.Registered(endpoints.ServiceProvider);
        EndpointPlumbing.Require<IConfirmationSender>(
            endpoints.ServiceProvider,
            "MapShopKernelSubscriptions needs the shop's delivery of double opt-in confirmations: register an IConfirmationSender "
            + "(services.AddScoped<IConfirmationSender, MyMailer>()). The token is never answered to the caller.");

        var group = endpoints.MapGroup(prefix).WithTags("Subscriptions");
        group.MapPost("/", SubscribeAsync)
            .WithName("ShopKernelSubscribe")
            .WithSummary("Subscribes the signed-in customer, or a guest's e-mail or phone, on their positive choice; a double opt-in topic stays pending until confirmed.")
            .Accepts<SubscribeRequest>("application/json")
            .Produces<SubscriptionResponse>()
            .Produces<SubscriptionResponse>(StatusCodes.Status202Accepted)
            .ProducesShopErrors(
                "202 with state `pending` when a confirmation was sent; 200 with `subscribed` otherwise. The request's IP address and user agent are recorded with the consent.",
                SubscriptionErrorCodes.RequestInvalid, SubscriptionErrorCodes.TopicUnknown, SubscriptionErrorCodes.ConsentPreTicked, SubscriptionErrorCodes.ContactInvalid,
                SubscriptionErrorCodes.CustomerNotFound, SubscriptionErrorCodes.ConcurrencyConflict);

        group.MapPost("/confirm", ConfirmAsync)
            .WithName("ShopKernelConfirmSubscription")
            .WithSummary("Confirms a double opt-in with the token the confirmation message carried.")
            .Accepts<ConfirmSubscriptionRequest>("application/json")
            .Produces<SubscriptionResponse>()
            .ProducesShopErrors("The subscription, now subscribed.", SubscriptionErrorCodes.RequestInvalid, SubscriptionErrorCodes.TokenInvalid, SubscriptionErrorCodes.TokenExpired,
                SubscriptionErrorCodes.TokenUsed, SubscriptionErrorCodes.ConcurrencyConflict);

        group.MapGet("/unsubscribe", ShowUnsubscribe)
            .WithName("ShopKernelUnsubscribePage")
            .WithSummary("The page a one-click unsubscribe link opens in a browser: one button, no action.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ExcludeFromDescription();

        group.MapPost("/unsubscribe", UnsubscribeAsync)
            .WithName(UnsubscribeEndpointName)
            .WithSummary("RFC 8058 one-click unsubscribe: withdraws what the token names, without sign-in; again changes nothing.")
            .Produces<UnsubscribeResponse>()
            .ProducesShopErrors("The token as `?t=`; a mail provider posts `List-Unsubscribe=One-Click`.", SubscriptionErrorCodes.TokenInvalid, SubscriptionErrorCodes.TokenExpired,
                SubscriptionErrorCodes.RequestInvalid, SubscriptionErrorCodes.ConcurrencyConflict)
            .DisableAntiforgery();

        group.MapGet("/{topic}", StatusAsync)
            .WithName("ShopKernelGetSubscription")
            .WithSummary("The signed-in customer's subscription to a topic (a guest is challenged to sign in).")
            .Produces<SubscriptionResponse>()
            .ProducesShopErrors("The subscription's state.", SubscriptionErrorCodes.TopicUnknown, SubscriptionErrorCodes.RequestInvalid, SubscriptionErrorCodes.CustomerNotFound);

        group.MapDelete("/{topic}", WithdrawAsync)
            .WithName("ShopKernelWithdrawSubscription")
            .WithSummary("Withdraws the signed-in customer's subscription to a topic (a guest is challenged to sign in).")
            .Produces<UnsubscribeResponse>()
            .ProducesShopErrors("How many subscriptions were withdrawn.", SubscriptionErrorCodes.TopicUnknown, SubscriptionErrorCodes.RequestInvalid, SubscriptionErrorCodes.ConcurrencyConflict);
        return group;
    }

    private static async Task<IResult> SubscribeAsync(HttpContext http, SubscriptionService subscriptions, IConfirmationSender sender, IOptions<ShopKernelEndpointOptions> options)
    {
        var (body, invalid) = await EndpointPlumbing.ReadBodyAsync<SubscribeRequest>(http, SubscriptionErrorCodes.RequestInvalid).ConfigureAwait(false);
        if (invalid is not null)
        {
            return EndpointPlumbing.Problem(http, invalid);
        }

        ConsentSubject subject;
        if (options.Value.CustomerOf(http) is { } customer)
        {
            subject = ConsentSubject.ForCustomer(customer);
        }
        else if (!string.IsNullOrWhiteSpace(body!.Email) ^ !string.IsNullOrWhiteSpace(body.Phone))
        {
            subject = string.IsNullOrWhiteSpace(body.Email) ? ConsentSubject.ForPhone(body.Phone!) : ConsentSubject.ForEmail(body.Email);
        }
        else
        {
            return EndpointPlumbing.Problem(http, new ShopError(SubscriptionErrorCodes.RequestInvalid, "A guest subscribes with one contact: an e-mail or a phone."));
        }

        var topic = body!.Topic ?? string.Empty;
        var evidence = Evidence(http, ConsentSource.SignUpForm) with { WordingVersion = body.WordingVersion, BoxStartedUnticked = body.BoxStartedUnticked };
        var requested = await subscriptions.RequestAsync(topic, subject, evidence, http.RequestAborted).ConfigureAwait(false);
        if (!requested.TryGetValue(out var outcome))
        {
            return EndpointPlumbing.Problem(http, requested.Error!);
        }

        var response = new SubscriptionResponse(topic, Names.Of(outcome.State), null, outcome.Confirmation?.ExpiresAt);
        if (outcome.Confirmation is { } confirmation)
        {
            await sender.SendAsync(subject, topic, confirmation, http).ConfigureAwait(false);
            return TypedResults.Accepted((string?)null, response);
        }

        return TypedResults.Ok(response);
    }

    private static async Task<IResult> ConfirmAsync(HttpContext http, SubscriptionService subscriptions)
    {
        var (body, invalid) = await EndpointPlumbing.ReadBodyAsync<ConfirmSubscriptionRequest>(http, SubscriptionErrorCodes.RequestInvalid).ConfigureAwait(false);
        if (invalid is not null)
        {
            return EndpointPlumbing.Problem(http, invalid);
        }

        var confirmed = await subscriptions.ConfirmAsync(body!.Token ?? string.Empty, Evidence(http, ConsentSource.ConfirmationLink), http.RequestAborted).ConfigureAwait(false);
        return confirmed.TryGetValue(out var status) ? TypedResults.Ok(SubscriptionResponse.From(status)) : EndpointPlumbing.Problem(http, confirmed.Error!);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult ShowUnsubscribe(HttpContext http, string? t)
    {
        // A GET never acts: mail scanners and link previews fetch every link in a message.
        var action = WebUtility.HtmlEncode(http.Request.PathBase + http.Request.Path + "?t=" + Uri.EscapeDataString(t ?? string.Empty));
        return TypedResults.Content($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="referrer" content="no-referrer"><title>Unsubscribe</title></head>
            <body><form method="post" action="{action}"><p>Stop receiving these messages?</p><button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe</button></form></body></html>
            """, "text/html; charset=utf-8");
    }

    private static async Task<IResult> UnsubscribeAsync(HttpContext http, string? t, SubscriptionService subscriptions)
    {
        var redeemed = await subscriptions.RedeemUnsubscribeTokenAsync(t ?? string.Empty, Evidence(http, ConsentSource.UnsubscribeLink), http.RequestAborted).ConfigureAwait(false);
        return redeemed.TryGetValue(out var withdrawn) ? TypedResults.Ok(new UnsubscribeResponse(withdrawn)) : EndpointPlumbing.Problem(http, redeemed.Error!);
    }

    private static async Task<IResult> StatusAsync(HttpContext http, string topic, SubscriptionService subscriptions, IOptions<ShopKernelEndpointOptions> options)
    {
        if (options.Value.CustomerOf(http) is not { } customer)
        {
            return await EndpointPlumbing.SignInRequiredAsync(http).ConfigureAwait(false);
        }

        var status = await subscriptions.GetStatusAsync(ConsentSubject.ForCustomer(customer), topic, http.RequestAborted).ConfigureAwait(false);
        return status.TryGetValue(out var found) ? TypedResults.Ok(SubscriptionResponse.From(found)) : EndpointPlumbing.Problem(http, status.Error!);
    }

    private static async Task<IResult> WithdrawAsync(HttpContext http, string topic, SubscriptionService subscriptions, IOptions<ShopKernelEndpointOptions> options)
    {
        if (options.Value.CustomerOf(http) is not { } customer)
        {
            return await EndpointPlumbing.SignInRequiredAsync(http).ConfigureAwait(false);
        }

        var withdrawn = await subscriptions.UnsubscribeAsync(ConsentSubject.ForCustomer(customer), topic, Evidence(http, ConsentSource.AccountPage), http.RequestAborted).ConfigureAwait(false);
        return withdrawn.TryGetValue(out var count) ? TypedResults.Ok(new UnsubscribeResponse(count)) : EndpointPlumbing.Problem(http, withdrawn.Error!);
    }

    /// <summary>The consent evidence of a step taken on this request: its IP address and user agent.</summary>
    private static ConsentEvidence Evidence(HttpContext http, ConsentSource source) => new(source)
    {
        IpAddress = http.Connection.RemoteIpAddress?.ToString(),
        UserAgent = http.Request.Headers.UserAgent.ToString() is { Length: > 0 and <= ConsentEvidence.MaxUserAgent } agent ? agent : null,
    };
}
