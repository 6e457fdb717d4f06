using System.Security.Cryptography;
using ShopKernel.DependencyInjection;
using ShopKernel.Tokens;

namespace ShopKernel.Customers;

/// <summary>
/// The canaries of the shop's exports: keys derived from the token signing keys (the first draws new canaries, all
/// of them recompute older ones, so that a signing key rotation keeps earlier exports traceable while the older key
/// is configured) and the canary contacts of <see cref="ExportOptions"/>.
/// </summary>
internal sealed class ExportCanaries
{
    private static readonly byte[] Info = "ShopKernel export canary"u8.ToArray();

    private readonly List<byte[]> _keys;

    public ExportCanaries(ShopKernelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = [.. (options.Tokens?.SigningKeys ?? [])
            .Select(TokenSigner.TryDecodeKey)
            .OfType<byte[]>()
            .Select(signing => HKDF.DeriveKey(HashAlgorithmName.SHA256, signing, 32, salt: [], Info))];
        Contacts = _keys.Count == 0 ? CanaryContacts.None : CanaryContacts.From(options.Exports);
    }

    /// <summary>Where canaries are reached today; <see cref="CanaryContacts.None"/> when exports carry none.</summary>
    public CanaryContacts Contacts { get; }

    /// <summary>The canary of a new export, or <see langword="null"/> when exports carry none.</summary>
    public ExportCanary? Draw(Guid exportId) => Contacts.EmailDomain is null ? null : new ExportCanary(_keys[0], exportId, Contacts);

    /// <summary>The canary an export had under each configured key, with the contacts its log entry recorded.</summary>
    public IEnumerable<ExportCanary> Recompute(Guid exportId, CanaryContacts recorded) => _keys.Select(key => new ExportCanary(key, exportId, recorded));
}
