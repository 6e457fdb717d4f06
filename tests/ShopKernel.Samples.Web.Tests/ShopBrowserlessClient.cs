using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ShopKernel.Samples.Web.Tests;

/// <summary>
/// Drives the shop over HTTP as a browser would: follows redirects itself and reads links and hidden fields from the
/// HTML. The buyers' pages must work without cookies: a response outside <c>/staff</c> that tries to set one fails the
/// test. The staff pages sign in with a cookie scoped to <c>/staff</c>: every cookie they set is checked to be
/// HttpOnly, SameSite=Strict and for <c>/staff</c> only, and kept (and sent back) when the client keeps cookies.
/// </summary>
public sealed partial class ShopBrowserlessClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly CookieContainer? _cookies;
    private readonly List<string> _seen = [];

    /// <param name="factory">The shop.</param>
    /// <param name="keepsCookies">Whether the staff cookies are kept and sent back, as for a member of staff signing in.</param>
    public ShopBrowserlessClient(SampleShopFactory factory, bool keepsCookies = false)
    {
        _http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        _cookies = keepsCookies ? new CookieContainer() : null;
    }

    /// <summary>The path and query of the last page.</summary>
    public string Location { get; private set; } = "/";

    /// <summary>The last page's status.</summary>
    public HttpStatusCode Status { get; private set; }

    /// <summary>The last page's HTML.</summary>
    public string Html { get; private set; } = string.Empty;

    /// <summary>The last page's content type.</summary>
    public string? ContentType { get; private set; }

    /// <summary>Every response's headers and body so far, for checks that something never appears.</summary>
    public IReadOnlyList<string> Seen => _seen;

    /// <summary>The <c>Cookie</c> header the client sends to the staff pages now.</summary>
    public string StaffCookies => _cookies?.GetCookieHeader(new Uri(_http.BaseAddress!, "/staff/")) ?? string.Empty;

    /// <summary>Sends <paramref name="cookieHeader"/> (another client's <see cref="StaffCookies"/>) to the staff pages from now on: a copied cookie.</summary>
    public void UseStaffCookies(string cookieHeader)
    {
        var jar = _cookies ?? throw new InvalidOperationException("This client keeps no cookies.");
        foreach (var cookie in cookieHeader.Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (cookie[..cookie.IndexOf('=', StringComparison.Ordinal)], cookie[(cookie.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            jar.Add(new Uri(_http.BaseAddress!, "/staff/"), new Cookie(name, value, "/staff"));
        }
    }

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

    /// <summary>Signs in to the staff pages through the sign-in form, from <paramref name="path"/> (a staff page, which leads to the form first).</summary>
    public async Task SignInAsStaffAsync(SampleShopFactory.Login login, string path = "/staff/signin") => await SignInAsStaffAsync(login.UserName, login.Password, path);

    /// <summary>Fills in and submits the staff sign-in form reached from <paramref name="path"/>.</summary>
    public async Task SignInAsStaffAsync(string userName, string password, string path = "/staff/signin")
    {
        await GetAsync(path);
        await SubmitAsync("/staff/signin", ("userName", userName), ("password", password));
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
            var uri = new Uri(_http.BaseAddress!, request.RequestUri!);
            var target = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.PathAndQuery : request.RequestUri.OriginalString;
            if (_cookies?.GetCookieHeader(uri) is { Length: > 0 } cookies)
            {
                request.Headers.Add("Cookie", cookies);
            }

            using var response = await _http.SendAsync(request);
            CheckCookies(uri, response);
            Location = target;
            _seen.Add($"{response.Headers}\n{response.Content.Headers}\n{await response.Content.ReadAsStringAsync()}");
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && hops < 5)
            {
                request = new HttpRequestMessage(HttpMethod.Get, response.Headers.Location);
                continue;
            }

            Status = response.StatusCode;
            ContentType = response.Content.Headers.ContentType?.ToString();
            Html = await response.Content.ReadAsStringAsync();
            return;
        }
    }

    private void CheckCookies(Uri uri, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            return;
        }

        Assert.True(uri.AbsolutePath.StartsWith("/staff/", StringComparison.Ordinal) || uri.AbsolutePath == "/staff", $"{uri.PathAndQuery} set a cookie: the buyers' pages work without cookies");
        foreach (var setCookie in setCookies)
        {
            var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
            Assert.Contains("path=/staff", attributes);
            Assert.Contains("httponly", attributes);
            Assert.Contains("samesite=strict", attributes);
            _cookies?.SetCookies(uri, setCookie);
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
