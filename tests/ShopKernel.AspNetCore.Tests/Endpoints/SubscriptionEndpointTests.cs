using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Subscriptions;
using static ShopKernel.AspNetCore.Tests.Endpoints.CartEndpointTests;

namespace ShopKernel.AspNetCore.Tests.Endpoints;

/// <summary>Subscriptions over HTTP: consent with its evidence, double opt-in through the host's mailer, RFC 8058 one-click unsubscribe.</summary>
public sealed class SubscriptionEndpointTests
{
    [Fact]
    public async Task A_guest_subscribes_confirms_through_the_mail_and_unsubscribes_in_one_click()
    {
        await using var host = await EndpointHost.StartAsync();
        var client = host.Client;
        client.DefaultRequestHeaders.UserAgent.ParseAdd("TestBrowser/1.0");

        using var requested = await client.PostAsJsonAsync("/subscriptions", new { topic = "newsletter", email = "ada@example.com", wordingVersion = "v3", boxStartedUnticked = true });
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var pending = await Json(requested);
        Assert.Equal("pending", pending.GetProperty("state").GetString());

        // The token went to the host's mailer for the address being subscribed, never into the answer.
        var sent = Assert.Single(host.Sent.All);
        Assert.Equal("ada@example.com", sent.Confirmation.SendTo);
        Assert.DoesNotContain(sent.Confirmation.Token, pending.GetRawText(), StringComparison.Ordinal);

        using var confirmed = await client.PostAsJsonAsync("/subscriptions/confirm", new { token = sent.Confirmation.Token });
        Assert.Equal("subscribed", (await Json(confirmed)).GetProperty("state").GetString());
        await AssertProblem(await client.PostAsJsonAsync("/subscriptions/confirm", new { token = "forged" }), HttpStatusCode.BadRequest, SubscriptionErrorCodes.TokenInvalid);

        // The shop's mail carries the one-click link, made by the endpoint's name.
        string link;
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var token = (await scope.ServiceProvider.GetRequiredService<SubscriptionService>().CreateUnsubscribeTokenAsync(ConsentSubject.ForEmail("ada@example.com"), "newsletter")).Value;
            link = scope.ServiceProvider.GetRequiredService<LinkGenerator>().GetPathByName(ShopKernelSubscriptionEndpoints.UnsubscribeEndpointName, new { t = token.Token })!;
        }

        // A link scanner's GET changes nothing; it gets a page with one button.
        using var page = await client.GetAsync(link);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("List-Unsubscribe", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var status = await scope.ServiceProvider.GetRequiredService<SubscriptionService>().GetStatusAsync(ConsentSubject.ForEmail("ada@example.com"), "newsletter");
            Assert.Equal(SubscriptionState.Subscribed, status.Value.State);
        }

        // The mail provider's POST, with no cookie, no antiforgery token and no sign-in.
        using var oneClick = await client.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(1, (await Json(oneClick)).GetProperty("withdrawn").GetInt32());
        using var again = await client.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(0, (await Json(again)).GetProperty("withdrawn").GetInt32());
        await AssertProblem(await client.PostAsync("/subscriptions/unsubscribe?t=forged", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])), HttpStatusCode.BadRequest, SubscriptionErrorCodes.TokenInvalid);

        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var status = await scope.ServiceProvider.GetRequiredService<SubscriptionService>().GetStatusAsync(ConsentSubject.ForEmail("ada@example.com"), "newsletter");
            Assert.Equal(SubscriptionState.Unsubscribed, status.Value.State);
        }
    }

    [Fact]
    public async Task Consent_must_be_a_positive_choice_and_a_guest_names_one_contact()
    {
        await using var host = await EndpointHost.StartAsync();
        var client = host.Client;

        await AssertProblem(await client.PostAsJsonAsync("/subscriptions", new { topic = "newsletter", email = "ada@example.com", wordingVersion = "v3", boxStartedUnticked = false }), HttpStatusCode.UnprocessableEntity, SubscriptionErrorCodes.ConsentPreTicked);
        await AssertProblem(await client.PostAsJsonAsync("/subscriptions", new { topic = "newsletter", email = "ada@example.com", phone = "+44 20 7946 0000", boxStartedUnticked = true }), HttpStatusCode.BadRequest, SubscriptionErrorCodes.RequestInvalid);
        await AssertProblem(await client.PostAsJsonAsync("/subscriptions", new { topic = "weather", email = "ada@example.com", wordingVersion = "v3", boxStartedUnticked = true }), HttpStatusCode.NotFound, SubscriptionErrorCodes.TopicUnknown);
        await AssertProblem(await client.PostAsJsonAsync("/subscriptions", new { topic = "newsletter", email = "not-an-address", wordingVersion = "v3", boxStartedUnticked = true }), HttpStatusCode.BadRequest, SubscriptionErrorCodes.ContactInvalid);
        Assert.Empty(host.Sent.All);

        // A topic without double opt-in subscribes at once.
        using var offers = await client.PostAsJsonAsync("/subscriptions", new { topic = "offers", email = "ada@example.com", wordingVersion = "v1", boxStartedUnticked = true });
        Assert.Equal(HttpStatusCode.OK, offers.StatusCode);
        Assert.Equal("subscribed", (await Json(offers)).GetProperty("state").GetString());

        // A guest asking about "their" subscription is asked to sign in.
        using var status = await client.GetAsync("/subscriptions/offers");
        Assert.NotEqual(HttpStatusCode.OK, status.StatusCode);
    }
}
