using System.Security.Cryptography;
using ShopKernel.PersonalData;

namespace ShopKernel.Benchmarks;

/// <summary>Personal-data keys for a benchmark run: random, as each run stores into a database of its own.</summary>
internal static class BenchPersonalDataKeys
{
    private static readonly string EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string IndexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The protector a raw baseline seals with, under the same keys as the services.</summary>
    public static PersonalDataProtector Protector { get; } = CreateProtector();

    public static void Apply(PersonalDataOptions options)
    {
        options.EncryptionKeys.Add(EncryptionKey);
        options.IndexKey = IndexKey;
    }

    private static PersonalDataProtector CreateProtector()
    {
        var options = new PersonalDataOptions();
        Apply(options);
        return new PersonalDataProtector(options);
    }
}
