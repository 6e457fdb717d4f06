using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopKernel;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;
using ShopKernel.Staff;
using ShopKernel.StopList;
using ShopKernel.Subscriptions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Turns the stop list on.</summary>
public static class ShopKernelStopListBuilderExtensions
{
    /// <summary>
    /// Adds the stop list: <see cref="StopListService"/> and a checkout guard that refuses blocked buyers, refuses cash
    /// on delivery to buyers blocked from it and places review entries' orders on hold; subscribers it blocks from
    /// marketing are left out of eligible recipients (<see cref="IMarketingSuppression"/>). Requires
    /// <c>StopList.HashKeys</c> (validated when the host starts) and a store for <c>IStopListStore</c>, which
    /// <c>AddEntityFrameworkStores</c> provides.
    /// </summary>
    /// <param name="builder">The ShopKernel builder.</param>
    /// <param name="configure">Changes the stop-list options; optional.</param>
    /// <returns>The builder.</returns>
    public static ShopKernelBuilder AddStopList(this ShopKernelBuilder builder, Action<StopListOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.Configure(o => configure(o.StopList));
        }

        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShopKernelOptions>, StopListOptionsRules>());
        services.TryAddSingleton(sp => new StopListKeyHasher(ShopKernelServiceCollectionExtensions.ConfiguredOptions(sp).StopList));
        services.TryAddScoped(sp => new StopListService(
            sp.GetRequiredService<IStopListStore>(),
            sp.GetRequiredService<IOrderStore>(),
            sp.GetRequiredService<ContactNormalizer>(),
            sp.GetRequiredService<StopListKeyHasher>(),
            sp.GetRequiredService<IOptions<ShopKernelOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<StaffAccess>(),
            sp.GetService<ILogger<StopListService>>(),
            sp.GetRequiredService<ShopErrorDescriber>()));
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ICheckoutGuard, StopListCheckoutGuard>());
        services.Replace(ServiceDescriptor.Scoped<IMarketingSuppression, StopListMarketingSuppression>());
        return builder;
    }
}
