using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopKernel;
using ShopKernel.Analytics;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Diagnostics;
using ShopKernel.Orders;
using ShopKernel.PersonalData;
using ShopKernel.Pricing;
using ShopKernel.Promotions;
using ShopKernel.Staff;
using ShopKernel.Subscriptions;
using ShopKernel.Tokens;

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
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IValidateOptions<ShopKernelOptions>, CartOptionsRules>(),
            ServiceDescriptor.Singleton<IValidateOptions<ShopKernelOptions>, OrderNumberOptionsRules>(),
            ServiceDescriptor.Singleton<IValidateOptions<ShopKernelOptions>, OrderLifecycleOptionsRules>(),
            ServiceDescriptor.Singleton<IValidateOptions<ShopKernelOptions>, CredentialOptionsRules>(),
            ServiceDescriptor.Singleton<IValidateOptions<ShopKernelOptions>, ContactNormalizationOptionsRules>(),
            ServiceDescriptor.Singleton<IValidateOptions<ShopKernelOptions>, TokenOptionsRules>(),
            ServiceDescriptor.Singleton<IValidateOptions<ShopKernelOptions>, CustomerOptionsRules>(),
            ServiceDescriptor.Singleton<IValidateOptions<ShopKernelOptions>, ExportOptionsRules>(),
            ServiceDescriptor.Singleton<IValidateOptions<ShopKernelOptions>, SubscriptionOptionsRules>(),
            ServiceDescriptor.Singleton<IValidateOptions<ShopKernelOptions>, PricingOptionsRules>(),
            ServiceDescriptor.Singleton<IValidateOptions<ShopKernelOptions>, CheckoutOptionsRules>(),
            ServiceDescriptor.Singleton<IValidateOptions<ShopKernelOptions>, AcquisitionOptionsRules>(),
        ]);
        services.TryAddSingleton(TimeProvider.System);

        // On the host's meter factory when it has one (ASP.NET Core, services.AddMetrics()), else process-wide.
        services.TryAddSingleton(sp => sp.GetService<IMeterFactory>() is { } meters ? new ShopKernelMetrics(meters) : ShopKernelMetrics.Shared);
        services.TryAddSingleton(sp => new ContactNormalizer(ConfiguredOptions(sp).Contacts));
        services.TryAddSingleton<ShopErrorDescriber>();
        services.TryAddScoped<CartService>();
        services.TryAddScoped<CheckoutService>();
        services.TryAddScoped<OrderService>();
        services.TryAddSingleton(sp => new TokenSigner(ConfiguredOptions(sp).Tokens));
        services.TryAddSingleton(sp => new PersonalDataProtector(ConfiguredOptions(sp).PersonalData));
        services.TryAddScoped(sp => new CustomerService(
            sp.GetRequiredService<ICustomerStore>(),
            sp.GetRequiredService<ContactNormalizer>(),
            sp.GetRequiredService<PasswordCredentials>(),
            sp.GetRequiredService<TokenSigner>(),
            sp.GetRequiredService<IOptions<ShopKernelOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ShopErrorDescriber>()));
        services.TryAddScoped(sp => new PersonalDataService(
            sp.GetRequiredService<ICustomerStore>(),
            sp.GetRequiredService<IOrderStore>(),
            sp.GetRequiredService<ICartStore>(),
            sp.GetRequiredService<ICheckoutStore>(),
            sp.GetRequiredService<IConsentStore>(),
            sp.GetRequiredService<OrderNumberFormat>(),
            sp.GetRequiredService<IOptions<ShopKernelOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<StaffAccess>(),
            sp.GetRequiredService<PersonalDataProtector>(),
            sp.GetRequiredService<ShopErrorDescriber>()));
        services.TryAddScoped<CustomerSegmentService>();
        // Secure by default: until the host registers its own authorizer, every staff operation is refused.
        services.TryAddSingleton<IStaffAuthorizer, DenyingStaffAuthorizer>();
        // The access log's chain keys are derived once, as the token signer's are.
        services.TryAddSingleton(sp => new AccessLogChain(ConfiguredOptions(sp).Tokens));
        services.TryAddScoped(sp => new StaffAccess(
            sp.GetRequiredService<IStaffAuthorizer>(),
            sp.GetRequiredService<IAccessLogStore>(),
            sp.GetRequiredService<AccessLogChain>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddScoped<AccessLogService>();
        services.TryAddScoped(sp => new SubscriptionService(
            sp.GetRequiredService<IConsentStore>(),
            sp.GetRequiredService<ICustomerStore>(),
            sp.GetRequiredService<ContactNormalizer>(),
            sp.GetRequiredService<IMarketingSuppression>(),
            sp.GetRequiredService<TokenSigner>(),
            sp.GetRequiredService<IOptions<ShopKernelOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<StaffAccess>(),
            sp.GetRequiredService<PersonalDataProtector>(),
            sp.GetService<ILogger<SubscriptionService>>(),
            sp.GetRequiredService<ShopKernelMetrics>(),
            sp.GetRequiredService<ShopErrorDescriber>()));
        services.TryAddSingleton<IMarketingSuppression, NoMarketingSuppression>();
        services.TryAddSingleton<ICartPricer, PromotionPricer>();
        services.TryAddSingleton<PromotionCatalog>();
        services.TryAddScoped<PromotionService>();
        services.TryAddScoped<PricingService>();
        services.TryAddSingleton<PasswordCredentials>();

        // Decided when first resolved, so that a lease store registered before or after this call counts.
        services.TryAddSingleton<LeasedOrderNumberGenerator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NodeLeaseService>());
        services.TryAddSingleton<IOrderNumberGenerator>(CreateOrderNumberGenerator);
        services.TryAddSingleton(sp => OrderNumberFormat.FromOptions(ConfiguredOptions(sp).Orders));
        return new ShopKernelBuilder(services);
    }

    /// <summary>
    /// The configured node id when set; otherwise the leased one when a lease store is registered; otherwise node 0,
    /// which is right for a single instance only.
    /// </summary>
    private static IOrderNumberGenerator CreateOrderNumberGenerator(IServiceProvider services)
    {
        var options = ConfiguredOptions(services).Orders;
        if (NodeLeaseService.IsEnabled(services, options))
        {
            return services.GetRequiredService<LeasedOrderNumberGenerator>();
        }

        return new OrderNumberGenerator(options.NodeId ?? 0, services.GetRequiredService<TimeProvider>());
    }

    /// <summary>ShopKernel's options as the host started with them (validated then).</summary>
    internal static ShopKernelOptions ConfiguredOptions(IServiceProvider services) => services.GetRequiredService<IOptions<ShopKernelOptions>>().Value;
}
