using ShopKernel.DependencyInjection;

namespace ShopKernel.Customers;

/// <summary>The rules of <see cref="CustomerOptions"/> annotations cannot state.</summary>
internal sealed class CustomerOptionsRules : OptionsRules<CustomerOptions>
{
    protected override string Path => "ShopKernel:Customers";

    protected override CustomerOptions? Section(ShopKernelOptions options) => options.Customers;

    protected override void Check(CustomerOptions section, ShopKernelOptions options, List<string> failures)
    {
        // A claim that ends before its verification token would make the last part of the token's life useless.
        var least = options.Tokens?.VerificationLifetime is { } lifetime && lifetime > TimeSpan.FromHours(1) ? lifetime : TimeSpan.FromHours(1);
        Between(nameof(section.UnverifiedClaimLifetime), section.UnverifiedClaimLifetime, least, TimeSpan.FromDays(365), "at least ShopKernel:Tokens:VerificationLifetime (and 1 hour) and at most 365 days", failures);
    }
}
