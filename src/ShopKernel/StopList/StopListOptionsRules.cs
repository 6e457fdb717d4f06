using ShopKernel.DependencyInjection;
using ShopKernel.Tokens;

namespace ShopKernel.StopList;

/// <summary>The rules of <see cref="StopListOptions"/> annotations cannot state; registered by <c>AddStopList()</c>.</summary>
internal sealed class StopListOptionsRules : OptionsRules<StopListOptions>
{
    protected override string Path => "ShopKernel:StopList";

    protected override StopListOptions? Section(ShopKernelOptions options) => options.StopList;

    protected override void Check(StopListOptions stopList, ShopKernelOptions options, List<string> failures)
    {
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

        Between(nameof(stopList.RefusedDeliveriesPeriod), stopList.RefusedDeliveriesPeriod, TimeSpan.FromDays(1), TimeSpan.FromDays(3650), "between 1 and 3650 days", failures);

        if (stopList.AutomaticEntryLifetime is { } lifetime && (lifetime < TimeSpan.FromDays(1) || lifetime > TimeSpan.FromDays(3650)))
        {
            failures.Add($"ShopKernel:StopList:AutomaticEntryLifetime must be empty or between 1 and 3650 days (was {lifetime}).");
        }
    }
}
