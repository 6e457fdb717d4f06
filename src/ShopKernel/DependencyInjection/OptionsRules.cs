using Microsoft.Extensions.Options;

namespace ShopKernel.DependencyInjection;

/// <summary>
/// The one form of an options rule that data annotations cannot state (a bound that depends on another setting, a
/// format, a key that must decode): one class per section of <see cref="ShopKernelOptions"/>, in the section's
/// capability folder, registered by the call that adds the capability and run when the host starts. Single-value
/// bounds stay annotations on the options class, checked by <see cref="ShopKernelOptionsValidator"/>.
/// </summary>
/// <typeparam name="TSection">The options section the rules check.</typeparam>
internal abstract class OptionsRules<TSection> : IValidateOptions<ShopKernelOptions>
    where TSection : class
{
    /// <summary>The section's configuration path, e.g. <c>ShopKernel:Carts</c>, which every failure starts with.</summary>
    protected abstract string Path { get; }

    public ValidateOptionsResult Validate(string? name, ShopKernelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (Section(options) is { } section)
        {
            Check(section, options, failures);
        }
        else
        {
            failures.Add($"{Path} is required.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The section of <paramref name="options"/> these rules check.</summary>
    protected abstract TSection? Section(ShopKernelOptions options);

    /// <summary>Adds a failure for every rule <paramref name="section"/> breaks; <paramref name="options"/> for rules across sections.</summary>
    protected abstract void Check(TSection section, ShopKernelOptions options, List<string> failures);

    /// <summary>Adds a failure when <paramref name="value"/> lies outside [<paramref name="least"/>, <paramref name="most"/>].</summary>
    protected void Between(string setting, TimeSpan value, TimeSpan least, TimeSpan most, string bounds, List<string> failures)
    {
        if (value < least || value > most)
        {
            failures.Add($"{Path}:{setting} must be {bounds} (was {value}).");
        }
    }
}
