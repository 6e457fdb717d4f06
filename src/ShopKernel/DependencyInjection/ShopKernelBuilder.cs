using Microsoft.Extensions.DependencyInjection;

namespace ShopKernel.DependencyInjection;

/// <summary>
/// Returned by <c>AddShopKernel</c>: configures ShopKernel further and lets a storage package plug its stores in
/// (<c>.AddEntityFrameworkStores&lt;TContext&gt;()</c>).
/// </summary>
public sealed class ShopKernelBuilder
{
    /// <summary>Creates the builder over a service collection.</summary>
    /// <param name="services">The host's services.</param>
    public ShopKernelBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
    }

    /// <summary>The host's services, for storage packages and extensions to register into.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Amends the options.</summary>
    /// <param name="configure">The delegate that changes the options.</param>
    /// <returns>This builder.</returns>
    public ShopKernelBuilder Configure(Action<ShopKernelOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
