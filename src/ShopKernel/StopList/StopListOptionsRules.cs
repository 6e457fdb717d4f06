using Microsoft.Extensions.Options;
using ShopKernel.DependencyInjection;
using ShopKernel.Tokens;

namespace ShopKernel.StopList;

/// <summary>Validates <see cref="ShopKernelOptions.StopList"/> when the host starts; registered by <c>AddStopList()</c>.</summary>
internal sealed class StopListOptionsRules : IValidateOptions<ShopKernelOptions>
{
    public ValidateOptionsResult Validate(string? name, ShopKernelOptions options)
    {
        var stopList = options.StopList;
        if (stopList is null)
        {
            return ValidateOptionsResult.Fail("ShopKernel:StopList is required.");
        }

        var failures = new List<string>();
        if (stopList.HashKeys is not { Count: > 0 } keys || keys.Any(k => TokenSigner.TryDecodeKey(k) is null))
        {
            failures.Add(StopListKeyHasher.MissingKeysMessage);
        }

        if (stopList.CashOnDeliveryMethods is null || stopList.CashOnDeliveryMethods.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("ShopKernel:StopList:CashOnDeliveryMethods must not hold blank codes.");
        }

        else if (options.Checkout?.PaymentMethods is { Count: > 0 } accepted
            && stopList.CashOnDeliveryMethods.FirstOrDefault(m => !accepted.Contains(m, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            // A cash-on-delivery block on a method checkout never accepts would silently block nothing.
            failures.Add($"ShopKernel:StopList:CashOnDeliveryMethods holds '{unknown}', which is not one of ShopKernel:Checkout:PaymentMethods.");
        }

        if (stopList.RefusedDeliveriesToFlag is < 0 or > 1_000)
        {
            failures.Add($"ShopKernel:StopList:RefusedDeliveriesToFlag must be between 0 (off) and 1000 (was {stopList.RefusedDeliveriesToFlag}).");
        }

        if (stopList.RefusedDeliveriesPeriod < TimeSpan.FromDays(1) || stopList.RefusedDeliveriesPeriod > TimeSpan.FromDays(3650))
        {
            failures.Add($"ShopKernel:StopList:RefusedDeliveriesPeriod must be between 1 and 3650 days (was {stopList.RefusedDeliveriesPeriod}).");
        }

        if (stopList.AutomaticEntryLifetime is { } lifetime && (lifetime < TimeSpan.FromDays(1) || lifetime > TimeSpan.FromDays(3650)))
        {
            failures.Add($"ShopKernel:StopList:AutomaticEntryLifetime must be empty or between 1 and 3650 days (was {lifetime}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
