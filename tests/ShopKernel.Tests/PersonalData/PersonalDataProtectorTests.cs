using System.Security.Cryptography;
using System.Text;
using CsCheck;
using ShopKernel.DependencyInjection;
using ShopKernel.PersonalData;

namespace ShopKernel.Tests.PersonalData;

public class PersonalDataProtectorTests
{
    private static readonly string KeyA = Convert.ToBase64String(SHA256.HashData("encryption key a"u8));
    private static readonly string KeyB = Convert.ToBase64String(SHA256.HashData("encryption key b"u8));
    private static readonly string IndexKey = Convert.ToBase64String(SHA256.HashData("index key"u8));
    private static readonly Guid Ada = Guid.Parse("01a23b17-ef0f-72f7-9da3-9b706dc50d2b");
    private static readonly Guid Grace = Guid.Parse("01a23b17-ef0f-72f7-9da3-9b706dc50d2c");

    private static PersonalDataProtector WithIndexKey(string indexKey, params string[] keys) => new(new PersonalDataOptions { EncryptionKeys = keys, IndexKey = indexKey });

    private static PersonalDataProtector Protector(params string[] keys) => WithIndexKey(IndexKey, keys);

    [Fact]
    public void Any_text_seals_and_opens_back_unchanged_and_never_seals_the_same_twice()
    {
        var protector = Protector(KeyA);
        Gen.String.Sample(value =>
        {
            using var key = protector.CreateDataKey(Ada);
            var first = key.Seal("customer.email", value);
            var second = key.Seal("customer.email", value);
            return key.Open("customer.email", first) == value && first != second && !first!.Contains(value.Length > 3 ? value : "\u0001", StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_sealed_value_opens_only_for_its_subject_and_column()
    {
        var protector = Protector(KeyA);
        using var ada = protector.CreateDataKey(Ada);
        var sealedEmail = ada.Seal("customer.email", "ada@example.com");

        // The same key bytes for another subject, as a copied row would be read: the associated data differs.
        using var grace = new DataKey(Grace, ada.Key, ada.KeyId, ada.Wrapped);
        Assert.ThrowsAny<CryptographicException>(() => grace.Open("customer.email", sealedEmail));
        Assert.ThrowsAny<CryptographicException>(() => ada.Open("customer.phone", sealedEmail));
        using var other = protector.CreateDataKey(Ada);
        Assert.ThrowsAny<CryptographicException>(() => other.Open("customer.email", sealedEmail));

        var altered = Convert.FromBase64String(sealedEmail!);
        altered[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => ada.Open("customer.email", Convert.ToBase64String(altered)));
        Assert.Null(ada.Seal("customer.email", null));
        Assert.Null(ada.Open("customer.email", null));
    }

    [Fact]
    public void Sealed_values_are_told_from_plain_text()
    {
        var protector = Protector(KeyA);
        Gen.String.Sample(value =>
        {
            // One key per sample: a data key belongs to one scope, and the samples run in parallel.
            using var key = protector.CreateDataKey(Ada);
            return DataKey.LooksSealed(key.Seal("customer.first_name", value)) && !DataKey.LooksSealed(value);
        });
        Assert.False(DataKey.LooksSealed(Convert.ToBase64String(new byte[45])));
    }

    [Fact]
    public void Sealed_lengths_tell_only_the_block_count()
    {
        using var key = Protector(KeyA).CreateDataKey(Ada);
        var lengths = Enumerable.Range(0, 16).Select(n => key.Seal("customer.first_name", new string('x', n))!.Length).Distinct().ToList();
        Assert.Single(lengths);
        Assert.NotEqual(lengths[0], key.Seal("customer.first_name", new string('x', 16))!.Length);
    }

    [Fact]
    public void A_data_key_wrapped_under_an_old_key_opens_after_rotation_and_rewraps_under_the_new_one()
    {
        var before = Protector(KeyA);
        using var created = before.CreateDataKey(Ada);
        var sealedName = created.Seal("customer.first_name", "Ada");

        var rotated = Protector(KeyB, KeyA);
        using var opened = rotated.OpenDataKey(Ada, created.KeyId, created.Wrapped);
        Assert.Equal("Ada", opened.Open("customer.first_name", sealedName));
        Assert.NotEqual(created.KeyId, rotated.ActiveKeyId);

        var rewrapped = rotated.Rewrap(opened);
        var afterDrop = Protector(KeyB);
        using var moved = afterDrop.OpenDataKey(Ada, afterDrop.ActiveKeyId, rewrapped);
        Assert.Equal("Ada", moved.Open("customer.first_name", sealedName));

        var dropped = Assert.Throws<InvalidOperationException>(() => afterDrop.OpenDataKey(Ada, created.KeyId, created.Wrapped));
        Assert.Contains(created.KeyId, dropped.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<CryptographicException>(() => rotated.OpenDataKey(Grace, created.KeyId, created.Wrapped));
    }

    [Fact]
    public void Blind_indexes_are_keyed_deterministic_and_separate_kinds()
    {
        var protector = Protector(KeyA);
        var index = protector.Index(BlindIndexKind.Email, "ada@example.com");

        Assert.Equal(PersonalDataProtector.IndexLength, index.Length);
        Assert.Equal(index, Protector(KeyB).Index(BlindIndexKind.Email, "ada@example.com"));
        Assert.NotEqual(index, WithIndexKey(Convert.ToBase64String(SHA256.HashData("another index key"u8)), KeyA).Index(BlindIndexKind.Email, "ada@example.com"));
        Assert.NotEqual(index, protector.Index(BlindIndexKind.Phone, "ada@example.com"));
        Assert.DoesNotContain("ada", index, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Birthday_indexes_are_a_keyed_permutation_of_the_days_of_a_leap_year()
    {
        var days = Enumerable.Range(0, 366).Select(d => new DateOnly(2000, 1, 1).AddDays(d)).Select(d => (d.Month * 100) + d.Day).ToList();
        var indexes = days.Select(Protector(KeyA).BirthdayIndex).ToList();
        var otherKey = days.Select(WithIndexKey(Convert.ToBase64String(SHA256.HashData("another index key"u8)), KeyA).BirthdayIndex).ToList();

        Assert.Equal(Enumerable.Range(0, 366), indexes.Order());
        Assert.NotEqual(indexes, otherKey);
        Assert.NotEqual(days.Select((_, i) => i), indexes);
        Assert.Throws<ArgumentOutOfRangeException>(() => Protector(KeyA).BirthdayIndex(230));
    }

    [Theory]
    [InlineData(null, "index", "EncryptionKeys must hold at least one base64 key")]
    [InlineData("short", "index", "EncryptionKeys must hold at least one base64 key")]
    [InlineData("a", null, "IndexKey must be a base64 key")]
    [InlineData("a", "a", "IndexKey must differ from every one of")]
    [InlineData("a,a", "index", "EncryptionKeys holds the same key twice")]
    public void The_options_refuse_missing_short_repeated_or_shared_keys(string? encryption, string? index, string failure)
    {
        string Key(string name) => name switch { "a" => KeyA, "index" => IndexKey, _ => Convert.ToBase64String(Encoding.UTF8.GetBytes(name)) };
        var options = new ShopKernelOptions();
        foreach (var name in encryption?.Split(',') ?? [])
        {
            options.PersonalData.EncryptionKeys.Add(Key(name));
        }

        options.PersonalData.IndexKey = index is null ? string.Empty : Key(index);
        var result = new PersonalDataOptionsRules().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(failure, result.FailureMessage, StringComparison.Ordinal);
        options.PersonalData.EncryptionKeys = [KeyA, KeyB];
        options.PersonalData.IndexKey = IndexKey;
        Assert.True(new PersonalDataOptionsRules().Validate(null, options).Succeeded);
    }
}
