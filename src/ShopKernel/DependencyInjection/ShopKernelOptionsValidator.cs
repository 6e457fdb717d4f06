using Microsoft.Extensions.Options;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Pricing;
using ShopKernel.Subscriptions;
using ShopKernel.Tokens;

namespace ShopKernel.DependencyInjection;

/// <summary>Validates <see cref="ShopKernelOptions"/> (data annotations, generated at compile time) plus rules annotations cannot say.</summary>
[OptionsValidator]
internal sealed partial class ShopKernelOptionsValidator : IValidateOptions<ShopKernelOptions>
{
}

/// <summary>The rules of <see cref="ShopKernelOptions"/> that data annotations cannot express.</summary>
internal sealed class ShopKernelOptionsRules : IValidateOptions<ShopKernelOptions>
{
    private const int MaxPaymentMethodLength = 64;

    public ValidateOptionsResult Validate(string? name, ShopKernelOptions options)
    {
        var failures = new List<string>();
        var carts = options.Carts;
        if (carts is null)
        {
            return ValidateOptionsResult.Fail("ShopKernel:Carts is required.");
        }

        foreach (var (label, value) in new[]
        {
            (nameof(carts.GuestCartLifetime), carts.GuestCartLifetime),
            (nameof(carts.CustomerCartLifetime), carts.CustomerCartLifetime),
            (nameof(carts.EmptyCartLifetime), carts.EmptyCartLifetime),
        })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(3650))
            {
                failures.Add($"ShopKernel:Carts:{label} must be positive and at most 3650 days (was {value}).");
            }
        }

        if (options.Orders is null)
        {
            failures.Add("ShopKernel:Orders is required.");
        }
        else if (options.Orders.NodeLeaseDuration < TimeSpan.FromSeconds(10) || options.Orders.NodeLeaseDuration > TimeSpan.FromHours(1))
        {
            failures.Add($"ShopKernel:Orders:NodeLeaseDuration must be between 10 seconds and 1 hour (was {options.Orders.NodeLeaseDuration}).");
        }

        if (options.Credentials is { } credentials)
        {
            if (credentials.LockoutDuration <= TimeSpan.Zero || credentials.LockoutDuration > TimeSpan.FromDays(30))
            {
                failures.Add($"ShopKernel:Credentials:LockoutDuration must be positive and at most 30 days (was {credentials.LockoutDuration}).");
            }

            if (credentials.MinimumPasswordLength > credentials.MaximumPasswordLength)
            {
                failures.Add("ShopKernel:Credentials:MinimumPasswordLength must not exceed MaximumPasswordLength.");
            }
        }
        else
        {
            failures.Add("ShopKernel:Credentials is required.");
        }

        if (options.Contacts is null)
        {
            failures.Add("ShopKernel:Contacts is required.");
        }
        else if (options.Contacts.DefaultRegion is { } region && !PhoneNumber.IsKnownRegion(region))
        {
            failures.Add($"ShopKernel:Contacts:DefaultRegion must be an ISO 3166 alpha-2 region with a known phone numbering plan, such as DE or US (was '{region}').");
        }

        if (options.Tokens is null)
        {
            failures.Add("ShopKernel:Tokens is required.");
        }
        else
        {
            if (options.Tokens.SigningKeys is null || options.Tokens.SigningKeys.Any(k => TokenSigner.TryDecodeKey(k) is null))
            {
                failures.Add($"ShopKernel:Tokens:SigningKeys must hold base64 keys of at least {TokenOptions.MinKeyBytes} random bytes each (e.g. `openssl rand -base64 32`).");
            }

            if (options.Tokens.VerificationLifetime < TimeSpan.FromMinutes(1) || options.Tokens.VerificationLifetime > TimeSpan.FromDays(30))
            {
                failures.Add($"ShopKernel:Tokens:VerificationLifetime must be between 1 minute and 30 days (was {options.Tokens.VerificationLifetime}).");
            }
        }

        ValidateCustomers(options.Customers, options.Tokens, failures);
        failures.AddRange(SubscriptionOptionsRules.Validate(options.Subscriptions, options.Tokens));
        ValidatePricing(options.Pricing, failures);
        ValidateCheckout(options.Checkout, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateCustomers(CustomerOptions? customers, TokenOptions? tokens, List<string> failures)
    {
        if (customers is null)
        {
            failures.Add("ShopKernel:Customers is required.");
            return;
        }

        // A claim that ends before its verification token would make the last part of the token's life useless.
        var least = tokens?.VerificationLifetime is { } lifetime && lifetime > TimeSpan.FromHours(1) ? lifetime : TimeSpan.FromHours(1);
        if (customers.UnverifiedClaimLifetime < least || customers.UnverifiedClaimLifetime > TimeSpan.FromDays(365))
        {
            failures.Add($"ShopKernel:Customers:UnverifiedClaimLifetime must be at least ShopKernel:Tokens:VerificationLifetime (and 1 hour) and at most 365 days (was {customers.UnverifiedClaimLifetime}).");
        }
    }

    private static void ValidateCheckout(CheckoutOptions? checkout, List<string> failures)
    {
        if (checkout is null)
        {
            failures.Add("ShopKernel:Checkout is required.");
            return;
        }

        var methods = checkout.PaymentMethods ?? [];
        if (methods.Any(m => string.IsNullOrWhiteSpace(m) || m.Length > MaxPaymentMethodLength || m.Trim().Length != m.Length))
        {
            failures.Add($"ShopKernel:Checkout:PaymentMethods must hold codes of 1 to {MaxPaymentMethodLength} characters without surrounding white space (such as card or cod).");
        }

        // Requests match methods ignoring case, so two spellings of one code would be one method configured twice.
        if (methods.Where(m => m is not null).GroupBy(m => m, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            failures.Add($"ShopKernel:Checkout:PaymentMethods holds '{twice.Key}' twice.");
        }
    }

    private static void ValidatePricing(PricingOptions? pricing, List<string> failures)
    {
        if (pricing is null)
        {
            failures.Add("ShopKernel:Pricing is required.");
            return;
        }

        if (!Enum.IsDefined(pricing.Rounding))
        {
            failures.Add($"ShopKernel:Pricing:Rounding must be one of {string.Join(", ", Enum.GetNames<MidpointRounding>())} (was {pricing.Rounding}).");
        }

        if (string.IsNullOrWhiteSpace(pricing.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(pricing.TimeZone, out _))
        {
            failures.Add($"ShopKernel:Pricing:TimeZone must be a time zone id this system knows, such as Europe/Berlin or UTC (was '{pricing.TimeZone}').");
        }

        if (pricing.PromotionRefreshInterval < TimeSpan.FromSeconds(1) || pricing.PromotionRefreshInterval > TimeSpan.FromHours(24))
        {
            failures.Add($"ShopKernel:Pricing:PromotionRefreshInterval must be between 1 second and 24 hours (was {pricing.PromotionRefreshInterval}).");
        }
    }
}
