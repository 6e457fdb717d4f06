using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Diagnostics;

/// <summary>The health check of ShopKernel's store, registered as a host registers it, on every provider.</summary>
public abstract class StoreHealthSpecification : StoreSpecification
{
    protected const string Secret = "not-the-password-7731";

    /// <summary>Points a context at a database of this provider that cannot be reached (with <see cref="Secret"/> as its password where there is one).</summary>
    protected abstract void ConfigureUnreachable(DbContextOptionsBuilder builder);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddLogging().AddHealthChecks().AddShopKernelStore<TestShopContext>(tags: ["ready"]);

    [Fact]
    public async Task A_live_store_is_healthy()
    {
        var report = await Host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = Assert.Single(report.Entries);
        Assert.Equal("shopkernel-store", entry.Key);
        Assert.Equal(HealthStatus.Healthy, entry.Value.Status);
        Assert.Equal(["ready"], entry.Value.Tags);
    }

    [Fact]
    public async Task An_unreachable_store_is_reported_unhealthy_with_the_reason_without_throwing_or_leaking_the_password()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<TestShopContext>(ConfigureUnreachable);
        services.AddHealthChecks().AddShopKernelStore<TestShopContext>("store", HealthStatus.Degraded);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = Assert.Single(report.Entries).Value;
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.StartsWith("ShopKernel's store did not answer", entry.Description, StringComparison.Ordinal);
        Assert.NotNull(entry.Exception);
        Assert.DoesNotContain(Secret, entry.Description, StringComparison.Ordinal);
    }
}
