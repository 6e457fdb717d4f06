using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ShopKernel.Carts;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ShopKernel's services.</summary>
public static class ShopKernelServiceCollectionExtensions
{
    /// <summary>
    /// Adds ShopKernel's core services and options (validated when the host starts). Add a storage next, e.g.
    /// <c>.AddEntityFrameworkStores&lt;TContext&gt;()</c>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Changes the options; optional.</param>
    /// <returns>A builder to configure ShopKernel further.</returns>
    public static ShopKernelBuilder AddShopKernel(this IServiceCollection services, Action<ShopKernelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<ShopKernelOptions>().ValidateOnStart();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShopKernelOptions>, ShopKernelOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShopKernelOptions>, ShopKernelOptionsRules>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<CartService>();

        // With no NodeId configured, a storage package may replace this registration with one on a leased node id.
        services.TryAddSingleton<IOrderNumberGenerator>(sp => new OrderNumberGenerator(
            sp.GetRequiredService<IOptions<ShopKernelOptions>>().Value.Orders.NodeId ?? 0, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => OrderNumberFormat.FromOptions(sp.GetRequiredService<IOptions<ShopKernelOptions>>().Value.Orders));
        return new ShopKernelBuilder(services);
    }
}
