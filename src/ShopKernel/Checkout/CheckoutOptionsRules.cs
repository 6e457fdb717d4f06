using ShopKernel.DependencyInjection;

namespace ShopKernel.Checkout;

/// <summary>The rules of <see cref="CheckoutOptions"/> annotations cannot state.</summary>
internal sealed class CheckoutOptionsRules : OptionsRules<CheckoutOptions>
{
    private const int MaxPaymentMethodLength = 64;

    protected override string Path => "ShopKernel:Checkout";

    protected override CheckoutOptions? Section(ShopKernelOptions options) => options.Checkout;

    protected override void Check(CheckoutOptions section, ShopKernelOptions options, List<string> failures)
    {
        var methods = section.PaymentMethods ?? [];
        if (methods.Any(m => string.IsNullOrWhiteSpace(m) || m.Length > MaxPaymentMethodLength || m.Trim().Length != m.Length))
        {
            failures.Add($"{Path}:PaymentMethods must hold codes of 1 to {MaxPaymentMethodLength} characters without surrounding white space (such as card or cod).");
        }

        // Requests match methods ignoring case, so two spellings of one code would be one method configured twice.
        if (methods.Where(m => m is not null).GroupBy(m => m, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            failures.Add($"{Path}:PaymentMethods holds '{twice.Key}' twice.");
        }
    }
}
