using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ShopKernel.Samples.Web.Tests;

/// <summary>
/// Drives the shop over HTTP as a browser without cookies would: follows redirects itself, reads links and hidden
/// fields from the HTML, and fails when any response tries to set a cookie.
/// </summary>
public sealed partial class ShopBrowserlessClient(SampleShopFactory factory) : IDisposable
{
    private readonly HttpClient _http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>The path and query of the last page.</summary>
    public string Location { get; private set; } = "/";

    /// <summary>The last page's status.</summary>
    public HttpStatusCode Status { get; private set; }

    /// <summary>The last page's HTML.</summary>
    public string Html { get; private set; } = string.Empty;

    /// <summary>Goes back to a page seen before (the back button), to submit its form again.</summary>
    public void Back(string html) => Html = html;

    public async Task<string> GetAsync(string pathAndQuery)
    {
        await SendAsync(new HttpRequestMessage(HttpMethod.Get, pathAndQuery));
        return Html;
    }

    public async Task<string> PostAsync(string pathAndQuery, params (string Name, string Value)[] fields)
    {
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))) });
        return Html;
    }

    /// <summary>Submits the form of the last page whose action starts with <paramref name="actionPrefix"/>, its hidden fields with <paramref name="fields"/> set.</summary>
    public Task<string> SubmitAsync(string actionPrefix, params (string Name, string Value)[] fields)
    {
        var form = FormRegex().Matches(Html).Select(m => m.Value).FirstOrDefault(f => WebUtility.HtmlDecode(ActionRegex().Match(f).Groups[1].Value).StartsWith(actionPrefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form posting to {actionPrefix} on {Location}:\n{Html}");
        var action = WebUtility.HtmlDecode(ActionRegex().Match(form).Groups[1].Value);
        var hidden = HiddenRegex().Matches(form).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)));
        return PostAsync(action, [.. hidden.Where(h => !fields.Any(f => f.Name == h.Item1)), .. fields]);
    }

    /// <summary>The target of the link with this id on the last page.</summary>
    public string Link(string id) =>
        WebUtility.HtmlDecode(Regex.Match(Html, $"<a id=\"{id}\" href=\"([^\"]*)\"").Groups[1].Value) is { Length: > 0 } href ? href
        : throw new InvalidOperationException($"No link #{id} on {Location}");

    /// <summary>The text of the element with this id on the last page.</summary>
    public string Text(string id) => WebUtility.HtmlDecode(Regex.Match(Html, $"id=\"{id}\"[^>]*>([^<]*)<").Groups[1].Value);

    private async Task SendAsync(HttpRequestMessage request)
    {
        for (var hops = 0; ; hops++)
        {
            using var response = await _http.SendAsync(request);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{request.RequestUri} set a cookie");
            Location = request.RequestUri!.OriginalString;
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && hops < 5)
            {
                request = new HttpRequestMessage(HttpMethod.Get, response.Headers.Location);
                continue;
            }

            Status = response.StatusCode;
            Html = await response.Content.ReadAsStringAsync();
            return;
        }
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormRegex();

    [GeneratedRegex("action=\"([^\"]*)\"")]
    private static partial Regex ActionRegex();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenRegex();
}
