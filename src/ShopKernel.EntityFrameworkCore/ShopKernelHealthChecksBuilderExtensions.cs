using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ShopKernel.EntityFrameworkCore.Diagnostics;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the health check of ShopKernel's store to the host's health checks.</summary>
public static class ShopKernelHealthChecksBuilderExtensions
{
    /// <summary>The default name of the store's health check.</summary>
    public const string DefaultName = "shopkernel-store";

    /// <summary>
    /// Checks that ShopKernel's store answers: one cheap query against ShopKernel's tables through the host's
    /// <typeparamref name="TContext"/>, in a scope of its own on every run. An unreachable database, wrong credentials
    /// or missing tables report <paramref name="failureStatus"/> with the reason; the check never throws.
    /// </summary>
    /// <typeparam name="TContext">The host's context, registered with <c>AddDbContext</c> or <c>AddDbContextPool</c>.</typeparam>
    /// <param name="builder">The host's health checks (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="name">The check's name; <see cref="DefaultName"/> when omitted.</param>
    /// <param name="failureStatus">The status of a failure; <see cref="HealthStatus.Unhealthy"/> when omitted.</param>
    /// <param name="tags">Tags to filter checks by (e.g. <c>ready</c>).</param>
    /// <param name="timeout">How long the check may take before it fails; the health check service's default when omitted.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddShopKernelStore<TContext>(
        this IHealthChecksBuilder builder,
        string? name = null,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name ?? DefaultName,
            static services => ActivatorUtilities.CreateInstance<ShopKernelStoreHealthCheck<TContext>>(services),
            failureStatus,
            tags,
            timeout));
    }
}
