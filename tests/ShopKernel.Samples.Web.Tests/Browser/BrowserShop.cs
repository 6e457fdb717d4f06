using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ShopKernel.Samples.Web.Tests.Browser;

/// <summary>
/// The sample shop on a real loopback port and Debian's Chromium driven by Playwright, started once for the browser
/// tests. Playwright never downloads a browser here: a missing <c>/usr/bin/chromium</c> fails the tests, saying so.
/// </summary>
public sealed class BrowserShop : SampleShopFactory, IAsyncLifetime
{
    /// <summary>Debian's <c>chromium</c> package puts the browser here; <c>.ci/run</c> installs it when missing.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    /// <summary>The shop's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath} and it is missing: install Debian's package (apt-get install -y chromium), as .ci/run does. Playwright's own browser downloads are not used.");
        }

        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Chromium's sandbox needs user namespaces that a root user in a container does not get.
            Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
    }
}
