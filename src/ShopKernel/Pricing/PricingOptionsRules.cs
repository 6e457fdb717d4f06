using ShopKernel.DependencyInjection;

namespace ShopKernel.Pricing;

/// <summary>The rules of <see cref="PricingOptions"/> annotations cannot state.</summary>
internal sealed class PricingOptionsRules : OptionsRules<PricingOptions>
{
    protected override string Path => "ShopKernel:Pricing";

    protected override PricingOptions? Section(ShopKernelOptions options) => options.Pricing;

    protected override void Check(PricingOptions section, ShopKernelOptions options, List<string> failures)
    {
        if (!Enum.IsDefined(section.Rounding))
        {
            failures.Add($"{Path}:Rounding must be one of {string.Join(", ", Enum.GetNames<MidpointRounding>())} (was {section.Rounding}).");
        }

        if (string.IsNullOrWhiteSpace(section.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(section.TimeZone, out _))
        {
            failures.Add($"{Path}:TimeZone must be a time zone id this system knows, such as Europe/Berlin or UTC (was '{section.TimeZone}').");
        }

        Between(nameof(section.PromotionRefreshInterval), section.PromotionRefreshInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24), "between 1 second and 24 hours", failures);
    }
}
