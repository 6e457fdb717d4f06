using ShopKernel.DependencyInjection;
using ShopKernel.Tokens;

namespace ShopKernel.PersonalData;

/// <summary>The rules of <see cref="PersonalDataOptions"/>; registered by the stores that persist personal data.</summary>
internal sealed class PersonalDataOptionsRules : OptionsRules<PersonalDataOptions>
{
    protected override string Path => "ShopKernel:PersonalData";

    protected override PersonalDataOptions? Section(ShopKernelOptions options) => options.PersonalData;

    protected override void Check(PersonalDataOptions section, ShopKernelOptions options, List<string> failures)
    {
        if (section.EncryptionKeys is not { Count: > 0 } keys || keys.Any(k => TokenSigner.TryDecodeKey(k) is null))
        {
            failures.Add(PersonalDataProtector.MissingEncryptionKeysMessage);
        }
        else if (keys.Select(k => Convert.ToBase64String(TokenSigner.TryDecodeKey(k)!)).Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            failures.Add($"{Path}:EncryptionKeys holds the same key twice.");
        }

        if (TokenSigner.TryDecodeKey(section.IndexKey) is not { } index)
        {
            failures.Add(PersonalDataProtector.MissingIndexKeyMessage);
        }
        else if (section.EncryptionKeys?.Any(k => TokenSigner.TryDecodeKey(k) is { } key && key.AsSpan().SequenceEqual(index)) == true)
        {
            failures.Add($"{Path}:IndexKey must differ from every one of {Path}:EncryptionKeys.");
        }
    }
}
