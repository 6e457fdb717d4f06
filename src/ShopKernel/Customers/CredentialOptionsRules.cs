using ShopKernel.DependencyInjection;

namespace ShopKernel.Customers;

/// <summary>The rules of <see cref="CredentialOptions"/> annotations cannot state.</summary>
internal sealed class CredentialOptionsRules : OptionsRules<CredentialOptions>
{
    protected override string Path => "ShopKernel:Credentials";

    protected override CredentialOptions? Section(ShopKernelOptions options) => options.Credentials;

    protected override void Check(CredentialOptions section, ShopKernelOptions options, List<string> failures)
    {
        Between(nameof(section.LockoutDuration), section.LockoutDuration, TimeSpan.FromTicks(1), TimeSpan.FromDays(30), "positive and at most 30 days", failures);
        if (section.MinimumPasswordLength > section.MaximumPasswordLength)
        {
            failures.Add($"{Path}:MinimumPasswordLength must not exceed MaximumPasswordLength.");
        }
    }
}
