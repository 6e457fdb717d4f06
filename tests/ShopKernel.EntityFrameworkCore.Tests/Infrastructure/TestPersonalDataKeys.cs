using System.Security.Cryptography;
using ShopKernel.PersonalData;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>The personal-data keys of the tests: fixed, so that a test can open what another context sealed.</summary>
public static class TestPersonalDataKeys
{
    /// <summary>The key-encryption key new data keys are wrapped by.</summary>
    public static readonly string EncryptionKey = Convert.ToBase64String(SHA256.HashData("ShopKernel test encryption key"u8));

    /// <summary>The key of the blind indexes.</summary>
    public static readonly string IndexKey = Convert.ToBase64String(SHA256.HashData("ShopKernel test index key"u8));

    /// <summary>The protector the stores use under the test keys.</summary>
    internal static PersonalDataProtector Protector { get; } = new(Options());

    /// <summary>The test keys as options.</summary>
    public static PersonalDataOptions Options()
    {
        var options = new PersonalDataOptions();
        Apply(options);
        return options;
    }

    /// <summary>Puts the test keys into <paramref name="options"/> unless a test set its own.</summary>
    public static void Apply(PersonalDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.EncryptionKeys.Count == 0)
        {
            options.EncryptionKeys.Add(EncryptionKey);
        }

        if (string.IsNullOrEmpty(options.IndexKey))
        {
            options.IndexKey = IndexKey;
        }
    }
}
