using Microsoft.Extensions.Options;

namespace ShopKernel.DependencyInjection;

/// <summary>Validates the data annotations of <see cref="ShopKernelOptions"/> (generated at compile time); the rules annotations cannot state are each section's <see cref="OptionsRules{TSection}"/>.</summary>
[OptionsValidator]
internal sealed partial class ShopKernelOptionsValidator : IValidateOptions<ShopKernelOptions>
{
}
