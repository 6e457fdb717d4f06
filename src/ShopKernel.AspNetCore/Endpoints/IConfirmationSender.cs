using Microsoft.AspNetCore.Http;
using ShopKernel.Subscriptions;

namespace ShopKernel.AspNetCore.Endpoints;

/// <summary>
/// The host's delivery of a double opt-in confirmation: the subscribe endpoint never hands the token to the caller
/// (anyone could confirm anyone's address), it asks the host to send it to the contact being subscribed.
/// </summary>
public interface IConfirmationSender
{
    /// <summary>Sends <paramref name="confirmation"/> to <see cref="ConfirmationToken.SendTo"/>, as a link to the shop's confirm page or endpoint.</summary>
    /// <param name="subject">Who is being subscribed.</param>
    /// <param name="topicId">The topic.</param>
    /// <param name="confirmation">The token, the contact to send it to, and when it expires.</param>
    /// <param name="http">The request (base address for the link, <c>RequestAborted</c>).</param>
    /// <returns>When the message is handed to the mail or text service.</returns>
    ValueTask SendAsync(ConsentSubject subject, string topicId, ConfirmationToken confirmation, HttpContext http);
}
