using Microsoft.Playwright;

namespace ShopKernel.Samples.Web.Tests.Browser;

/// <summary>
/// A browser context that cannot use cookies on the buyers' pages: every request is sent by the test without a
/// <c>Cookie</c> header and every response is handed to the page without <c>Set-Cookie</c>, so a shop that needed a
/// cookie would break. It also counts the <c>Set-Cookie</c> headers the shop tried to send there, and the checkout
/// submissions that reached the shop. A context for staff lets the browser handle the requests to <c>/staff</c>
/// itself, with the staff sign-in's cookies.
/// </summary>
public sealed class CookielessContext : IAsyncDisposable
{
    private int _setCookies;
    private int _checkoutPosts;

    private readonly bool _staffCookies;

    private CookielessContext(IBrowserContext context, IPage page, bool staffCookies)
    {
        Context = context;
        Page = page;
        _staffCookies = staffCookies;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>How many responses tried to set a cookie.</summary>
    public int SetCookieAttempts => Volatile.Read(ref _setCookies);

    /// <summary>How many checkout submissions reached the shop.</summary>
    public int CheckoutPosts => Volatile.Read(ref _checkoutPosts);

    /// <param name="shop">The shop.</param>
    /// <param name="staffCookies">Whether the staff pages (<c>/staff</c>) may use their cookies, for a member of staff signing in.</param>
    public static async Task<CookielessContext> CreateAsync(BrowserShop shop, bool staffCookies = false)
    {
        var context = await shop.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = shop.BaseUri.ToString() });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var cookieless = new CookielessContext(context, page, staffCookies);
        await context.RouteAsync("**/*", cookieless.ForwardAsync);
        return cookieless;
    }

    private async Task ForwardAsync(IRoute route)
    {
        var request = route.Request;
        var path = new Uri(request.Url).AbsolutePath;
        if (request.Method == "POST" && path == "/checkout")
        {
            Interlocked.Increment(ref _checkoutPosts);
        }

        if (_staffCookies && (path == "/staff" || path.StartsWith("/staff/", StringComparison.Ordinal)))
        {
            await route.ContinueAsync();
            return;
        }

        var headers = request.Headers.Where(h => !h.Key.Equals("cookie", StringComparison.OrdinalIgnoreCase)).ToDictionary();
        IAPIResponse response;
        try
        {
            // Sent by the test, so it reaches the shop even when the page has moved on (a double click's first submit).
            response = await route.FetchAsync(new RouteFetchOptions { Headers = headers, MaxRedirects = 0 });
        }
        catch (PlaywrightException)
        {
            return;   // the context is closing
        }

        var responseHeaders = response.HeadersArray.Where(h => !h.Name.Equals("set-cookie", StringComparison.OrdinalIgnoreCase))
            .GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(h => h.Value)));
        if (response.HeadersArray.Any(h => h.Name.Equals("set-cookie", StringComparison.OrdinalIgnoreCase)))
        {
            Interlocked.Increment(ref _setCookies);
        }

        try
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = response.Status, Headers = responseHeaders, BodyBytes = await response.BodyAsync() });
        }
        catch (PlaywrightException)
        {
            // The page no longer waits for this response (the first of a double click): the shop has answered anyway.
        }
    }

    /// <summary>Saves a screenshot of the page as a test artifact, under <c>TestResults/screenshots</c>.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Runs a test's steps; when one fails, saves a screenshot and names it in the failure.</summary>
    public async Task StepsAsync(string name, Func<IPage, Task> steps)
    {
        try
        {
            await steps(Page);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var screenshot = await ScreenshotAsync(name);
            throw new InvalidOperationException($"{ex.Message}\nPage: {Page.Url}\nScreenshot: {screenshot}", ex);
        }
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
