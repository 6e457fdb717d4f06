using System.Globalization;
using System.Text;
using ShopKernel.Samples.Web.Shop;
using ShopKernel.Subscriptions;

namespace ShopKernel.Samples.Web.Mail;

/// <summary>
/// Writes the shop's mails as <c>.eml</c> files to a folder instead of sending them. Every mail carries a one-click
/// unsubscribe link (RFC 8058): the <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> headers and the same
/// link in the text. A newsletter's link withdraws that subscription; any other mail's opts the person out of every
/// topic, whether or not they ever subscribed, and the consent ledger records it.
/// </summary>
public sealed class MailOutbox(SampleSettings settings, TimeProvider time)
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes one mail.</summary>
    /// <param name="subscriptions">Issues the unsubscribe token of <paramref name="subject"/>.</param>
    /// <param name="subject">Who the mail is about, for the unsubscribe link.</param>
    /// <param name="to">The address it goes to.</param>
    /// <param name="title">The subject line.</param>
    /// <param name="body">The plain-text body.</param>
    /// <param name="baseUri">The shop's address, for links.</param>
    /// <param name="unsubscribeToken">A token already issued (a newsletter recipient's); otherwise one is made for all topics.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The path of the written file.</returns>
    public async Task<string> WriteAsync(SubscriptionService subscriptions, ConsentSubject subject, string to, string title, string body, Uri baseUri, string? unsubscribeToken = null, CancellationToken cancellationToken = default)
    {
        if (unsubscribeToken is null)
        {
            var issued = await subscriptions.CreateUnsubscribeTokenAsync(subject, cancellationToken: cancellationToken);
            unsubscribeToken = issued.TryGetValue(out var token) ? token.Token : throw new InvalidOperationException($"No unsubscribe link for the mail: {issued.Error}.");
        }

        var unsubscribeUrl = new Uri(baseUri, $"unsubscribe?t={Uri.EscapeDataString(unsubscribeToken)}").ToString();

        var now = time.GetUtcNow();
        var text = new StringBuilder()
            .Append("From: ShopKernel sample shop <shop@example.com>\r\n")
            .Append(CultureInfo.InvariantCulture, $"To: {to}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Subject: {title}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {now.ToString("r", CultureInfo.InvariantCulture)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Message-ID: <{Guid.NewGuid():N}@shop.example.com>\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: 8bit\r\n")
            .Append(CultureInfo.InvariantCulture, $"List-Unsubscribe: <{unsubscribeUrl}>\r\n")
            .Append("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n")
            .Append("\r\n").Append(body.ReplaceLineEndings("\r\n")).Append("\r\n")
            .Append(CultureInfo.InvariantCulture, $"\r\nUnsubscribe from our mailings with one click: {unsubscribeUrl}\r\n");

        Directory.CreateDirectory(settings.MailDirectory);
        var path = Path.Combine(settings.MailDirectory, $"{now:yyyyMMdd-HHmmss-fffffff}-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(path, text.ToString(), Utf8, cancellationToken);
        return path;
    }
}
