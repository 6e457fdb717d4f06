using ShopKernel.DependencyInjection;

namespace ShopKernel.Customers;

/// <summary>The rules of <see cref="ExportOptions"/> annotations cannot state.</summary>
internal sealed class ExportOptionsRules : OptionsRules<ExportOptions>
{
    protected override string Path => "ShopKernel:Exports";

    protected override ExportOptions? Section(ShopKernelOptions options) => options.Exports;

    protected override void Check(ExportOptions section, ShopKernelOptions options, List<string> failures)
    {
        if (section.CanaryEmailDomain is { } domain && CanaryContacts.ParseDomain(domain) is null)
        {
            failures.Add($"{Path}:CanaryEmailDomain must be a domain name the shop owns, such as mail-lindenhof.de: ASCII letters, digits and hyphens in dot-separated labels (was '{domain}').");
        }

        if (section.CanaryEmailDomain is not null && (options.Tokens?.SigningKeys is not { Count: > 0 } keys || keys.All(k => Tokens.TokenSigner.TryDecodeKey(k) is null)))
        {
            failures.Add($"{Path}:CanaryEmailDomain needs ShopKernel:Tokens:SigningKeys: canaries are keyed so that nobody can predict or forge them.");
        }

        if (section.CanaryPhonePrefix is { } prefix)
        {
            if (section.CanaryEmailDomain is null)
            {
                failures.Add($"{Path}:CanaryPhonePrefix needs {Path}:CanaryEmailDomain: without it exports carry no canary.");
            }
            else if (section.CanaryPhoneDigits is >= 1 and <= ExportOptions.MaxCanaryPhoneDigits && CanaryContacts.ParsePhonePrefix(prefix, section.CanaryPhoneDigits) is null)
            {
                failures.Add($"{Path}:CanaryPhonePrefix must be '+', a country code and the start of a range the shop owns, such that it and any {section.CanaryPhoneDigits} more digits are a valid phone number (was '{prefix}').");
            }
        }
    }
}
