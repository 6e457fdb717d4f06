using ShopKernel.DependencyInjection;

namespace ShopKernel.Customers;

/// <summary>The rules of <see cref="ContactNormalizationOptions"/> annotations cannot state.</summary>
internal sealed class ContactNormalizationOptionsRules : OptionsRules<ContactNormalizationOptions>
{
    protected override string Path => "ShopKernel:Contacts";

    protected override ContactNormalizationOptions? Section(ShopKernelOptions options) => options.Contacts;

    protected override void Check(ContactNormalizationOptions section, ShopKernelOptions options, List<string> failures)
    {
        if (section.DefaultRegion is { } region && !PhoneNumber.IsKnownRegion(region))
        {
            failures.Add($"{Path}:DefaultRegion must be an ISO 3166 alpha-2 region with a known phone numbering plan, such as DE or US (was '{region}').");
        }
    }
}
