using ShopKernel.AspNetCore.Endpoints;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what ShopKernel's endpoint groups read: the <see cref="ShopKernelEndpointOptions"/> and the host's catalogue.</summary>
public static class ShopKernelEndpointServiceCollectionExtensions
{
    /// <summary>
    /// Configures ShopKernel's endpoint groups (where the cart token travels, who the signed-in customer is) and
    /// registers the host's catalogue, which prices what buyers add.
    /// </summary>
    /// <typeparam name="TCatalogue">The host's <see cref="ICartCatalogue"/>, registered scoped.</typeparam>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Changes to the defaults (route-carried tokens, the customer id claim).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddShopKernelEndpoints<TCatalogue>(this IServiceCollection services, Action<ShopKernelEndpointOptions>? configure = null)
        where TCatalogue : class, ICartCatalogue
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ShopKernelEndpointOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => !string.IsNullOrWhiteSpace(o.CartTokenHeader) && !string.IsNullOrWhiteSpace(o.CartTokenCookie) && o.CustomerOf is not null && Enum.IsDefined(o.CartToken),
            "ShopKernel endpoints: CartTokenHeader and CartTokenCookie need names, CustomerOf a function and CartToken a defined transport.").ValidateOnStart();
        services.AddScoped<ICartCatalogue, TCatalogue>();
        return services;
    }
}
