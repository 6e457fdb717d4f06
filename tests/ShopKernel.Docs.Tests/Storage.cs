using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ShopKernel.Docs.Tests;

// docs/storage.md, as shown there (SnippetTests keeps the two equal).
internal static class Storage
{
    public static void WireWithRetries(HostApplicationBuilder builder, string connectionString)
    {
        // snippet: storage-retries
        builder.Services.AddDbContextPool<ShopContext>(o => o.UseNpgsql(connectionString,
            npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 12, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null)));
        // end snippet
    }
}
