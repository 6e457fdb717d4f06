using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel;
using ShopKernel.EntityFrameworkCore;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.EntityFrameworkCore.Carts;
using ShopKernel.EntityFrameworkCore.Checkout;
using ShopKernel.EntityFrameworkCore.Customers;
using ShopKernel.EntityFrameworkCore.Diagnostics;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.EntityFrameworkCore.Promotions;
using ShopKernel.EntityFrameworkCore.StopList;
using ShopKernel.EntityFrameworkCore.Subscriptions;
using ShopKernel.Orders;
using ShopKernel.PersonalData;
using ShopKernel.Promotions;
using ShopKernel.StopList;
using ShopKernel.Subscriptions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Plugs ShopKernel's Entity Framework Core stores into <c>AddShopKernel</c>.</summary>
public static class ShopKernelEntityFrameworkCoreBuilderExtensions
{
    /// <summary>
    /// Stores ShopKernel's data through the host's <typeparamref name="TContext"/>, which must be registered
    /// (<c>AddDbContext</c> or <c>AddDbContextPool</c>) and call <c>modelBuilder.ApplyShopKernelModel()</c>.
    /// Personal data is stored sealed under per-subject data keys and found by blind indexes, so
    /// <c>PersonalData.EncryptionKeys</c> and <c>PersonalData.IndexKey</c> are required (validated when the host starts);
    /// <see cref="PersonalDataKeyRotation"/> moves the data keys to a new encryption key.
    /// Unless <c>Orders.NodeId</c> is set, order numbers then use a node id leased in the database when the host starts.
    /// The context's logger factory is wrapped so that a race ShopKernel resolves itself (a unique index or version
    /// check refusing the loser) logs EF Core's command error at Debug rather than Error; other failures log unchanged.
    /// </summary>
    /// <typeparam name="TContext">The host's context.</typeparam>
    /// <param name="builder">The ShopKernel builder.</param>
    /// <returns>The builder.</returns>
    public static ShopKernelBuilder AddEntityFrameworkStores<TContext>(this ShopKernelBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShopKernelOptions>, PersonalDataOptionsRules>());
        builder.Services.TryAddScoped<DataKeys>();
        builder.Services.Replace(ServiceDescriptor.Scoped<IDataKeyStore, EfDataKeyStore<TContext>>());
        builder.Services.TryAddScoped(sp => new PersonalDataKeyRotation(sp.GetRequiredService<IDataKeyStore>(), sp.GetRequiredService<PersonalDataProtector>()));
        builder.Services.Replace(ServiceDescriptor.Scoped<IPlainRowStore, EfPlainRowStore<TContext>>());
        builder.Services.TryAddScoped(sp => new PersonalDataSealing(sp.GetRequiredService<IPlainRowStore>()));
        builder.Services.Replace(ServiceDescriptor.Scoped<ICartStore, EfCartStore<TContext>>());
        builder.Services.TryAddScoped<EfOrderStore<TContext>>();
        builder.Services.Replace(ServiceDescriptor.Scoped<IOrderStore>(sp => sp.GetRequiredService<EfOrderStore<TContext>>()));
        builder.Services.Replace(ServiceDescriptor.Scoped<IOrderReversalStore>(sp => sp.GetRequiredService<EfOrderStore<TContext>>()));
        builder.Services.Replace(ServiceDescriptor.Scoped<ICustomerStore, EfCustomerStore<TContext>>());
        builder.Services.Replace(ServiceDescriptor.Scoped<ICustomerQueryStore, EfCustomerQueryStore<TContext>>());
        builder.Services.TryAddScoped<EfCheckoutStore<TContext>>();
        builder.Services.Replace(ServiceDescriptor.Scoped<ICheckoutStore>(sp => sp.GetRequiredService<EfCheckoutStore<TContext>>()));
        builder.Services.Replace(ServiceDescriptor.Scoped<IStockStore>(sp => sp.GetRequiredService<EfCheckoutStore<TContext>>()));
        builder.Services.Replace(ServiceDescriptor.Scoped<INodeLeaseStore, EfNodeLeaseStore<TContext>>());
        builder.Services.Replace(ServiceDescriptor.Scoped<IStopListStore, EfStopListStore<TContext>>());
        builder.Services.Replace(ServiceDescriptor.Scoped<IConsentStore, EfConsentStore<TContext>>());
        builder.Services.Replace(ServiceDescriptor.Scoped<IPromotionStore, EfPromotionStore<TContext>>());
        builder.Services.Replace(ServiceDescriptor.Scoped<IStoreSession, EfStoreSession<TContext>>());
        builder.Services.Replace(ServiceDescriptor.Scoped<ShopKernel.Staff.IAccessLogStore, ShopKernel.EntityFrameworkCore.Staff.EfAccessLogStore<TContext>>());
        builder.Services.ConfigureDbContext<TContext>(HoldExpectedConflicts);
        return builder;
    }

    /// <summary>Puts the conflict-aware wrapper around the logger factory the context would use anyway.</summary>
    private static void HoldExpectedConflicts(IServiceProvider services, DbContextOptionsBuilder options)
    {
        var factory = options.Options.FindExtension<CoreOptionsExtension>()?.LoggerFactory ?? services.GetService<ILoggerFactory>();
        if (factory is not null)
        {
            options.UseLoggerFactory(ConflictAwareLoggerFactory.Wrap(factory));
        }
    }
}
