using ShopKernel.DependencyInjection;

namespace ShopKernel.Tokens;

/// <summary>The rules of <see cref="TokenOptions"/> annotations cannot state.</summary>
internal sealed class TokenOptionsRules : OptionsRules<TokenOptions>
{
    protected override string Path => "ShopKernel:Tokens";

    protected override TokenOptions? Section(ShopKernelOptions options) => options.Tokens;

    protected override void Check(TokenOptions section, ShopKernelOptions options, List<string> failures)
    {
        if (section.SigningKeys is null || section.SigningKeys.Any(k => TokenSigner.TryDecodeKey(k) is null))
        {
            failures.Add($"{Path}:SigningKeys must hold base64 keys of at least {TokenOptions.MinKeyBytes} random bytes each (e.g. `openssl rand -base64 32`).");
        }

        Between(nameof(section.VerificationLifetime), section.VerificationLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30), "between 1 minute and 30 days", failures);
    }
}
