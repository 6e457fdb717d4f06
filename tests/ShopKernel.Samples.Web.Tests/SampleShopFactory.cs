using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ShopKernel.Samples.Web.Tests;

/// <summary>
/// The sample shop on a fresh SQLite file in a temporary data folder, started once per test class. With
/// <c>UseKestrel</c> it listens on a real loopback port, for the browser.
/// </summary>
public class SampleShopFactory : WebApplicationFactory<Program>
{
    /// <summary>The staff key the tests open the staff page with.</summary>
    public const string StaffKey = "staff-key-for-tests";

    /// <summary>The shop's data folder (database, mails, keys).</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "shopkernel-web-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Where the shop writes its mails.</summary>
    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Sample:DataDirectory", DataDirectory);
        builder.UseSetting("Sample:StaffKey", StaffKey);
    }

    /// <summary>Runs <paramref name="work"/> with a service of the shop, in a scope of its own.</summary>
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>The mails written so far, oldest first.</summary>
    public IReadOnlyList<string> Mails() =>
        Directory.Exists(MailDirectory) ? [.. Directory.GetFiles(MailDirectory, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText)] : [];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a late finaliser: the temporary folder is left for the system to clean.
        }
    }
}
