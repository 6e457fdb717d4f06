using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShopKernel.Carts;
using ShopKernel.Checkout;

namespace ShopKernel.Docs.Tests;

// docs/carts.md, as shown there (SnippetTests keeps the two equal).

// snippet: carts-error-describer
public sealed class GermanShopErrors : ShopErrorDescriber
{
    public override string Describe(ShopError error) => error.Code switch
    {
        CheckoutErrorCodes.OutOfStock =>
            $"Von {error.Data[ShopErrorData.Sku]} sind nur noch {error.Data[ShopErrorData.Available]} Stück da.",
        CartErrorCodes.QuantityInvalid => $"Bitte 1 bis {error.Data[ShopErrorData.Limit]} Stück.",
        _ => base.Describe(error), // ShopKernel's English wording
    };
}
// end snippet

internal static class CartsDocs
{
    public static void RegisterDescriber(HostApplicationBuilder builder)
    {
        // snippet: carts-error-describer-registration
        builder.Services.AddSingleton<ShopErrorDescriber, GermanShopErrors>();
        builder.Services.AddShopKernel();
        // end snippet
    }
}
