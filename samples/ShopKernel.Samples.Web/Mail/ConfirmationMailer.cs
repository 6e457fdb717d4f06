using ShopKernel.AspNetCore.Endpoints;
using ShopKernel.Samples.Web.Pages;
using ShopKernel.Subscriptions;

namespace ShopKernel.Samples.Web.Mail;

/// <summary>Writes the double opt-in mail of a subscription asked for through the JSON API, linking the shop's confirm page.</summary>
public sealed class ConfirmationMailer(MailOutbox mail, SubscriptionService subscriptions) : IConfirmationSender
{
    /// <inheritdoc />
    public async ValueTask SendAsync(ConsentSubject subject, string topicId, ConfirmationToken confirmation, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        ArgumentNullException.ThrowIfNull(http);
        var baseUri = CartPages.BaseUri(http.Request);
        await mail.WriteAsync(subscriptions, subject, confirmation.SendTo, "Please confirm your subscription", $"""
            You asked for our {topicId}. Confirm here (valid until {confirmation.ExpiresAt:yyyy-MM-dd HH:mm} UTC):
            {new Uri(baseUri, $"subscriptions/confirm?token={Uri.EscapeDataString(confirmation.Token)}")}

            If this was not you, ignore this mail: nothing is sent without your confirmation.
            """, baseUri, cancellationToken: http.RequestAborted);
    }
}
