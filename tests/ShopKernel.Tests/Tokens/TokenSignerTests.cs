using System.Security.Cryptography;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopKernel.DependencyInjection;
using ShopKernel.Tokens;

namespace ShopKernel.Tests.Tokens;

public class TokenSignerTests
{
    private static readonly string KeyA = Convert.ToBase64String(SHA256.HashData("key a"u8));
    private static readonly string KeyB = Convert.ToBase64String(SHA256.HashData("key b"u8));
    private static readonly DateTimeOffset Expiry = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static TokenSigner Signer(params string[] keys) => new(new TokenOptions { SigningKeys = keys });

    [Fact]
    public void A_token_carries_its_claims_and_verifies_against_its_binding()
    {
        var subject = Guid.CreateVersion7();
        var token = Signer(KeyA).Issue(TokenPurpose.VerifyEmail, subject, Expiry, "stamp\nada@example.com");

        Assert.Equal(56, token.Length);
        Assert.All(token, c => Assert.Contains(c, Alphabet));
        Assert.True(TokenSigner.TryRead(token, TokenPurpose.VerifyEmail, out var readSubject, out var readExpiry));
        Assert.Equal(subject, readSubject);
        Assert.Equal(Expiry, readExpiry);
        Assert.True(Signer(KeyA).Verify(token, "stamp\nada@example.com"));
        Assert.False(Signer(KeyA).Verify(token, "stamp\neve@example.com"));
        Assert.False(Signer(KeyA).Verify(token, "new stamp\nada@example.com"));
        Assert.False(TokenSigner.TryRead(token, TokenPurpose.VerifyPhone, out _, out _));
    }

    [Fact]
    public void Keys_rotate_the_first_signs_and_all_verify()
    {
        var old = Signer(KeyA).Issue(TokenPurpose.VerifyPhone, Guid.NewGuid(), Expiry, "b");
        var rotated = Signer(KeyB, KeyA);

        Assert.True(rotated.Verify(old, "b"));
        Assert.False(Signer(KeyB).Verify(old, "b"));
        Assert.True(Signer(KeyB).Verify(rotated.Issue(TokenPurpose.VerifyPhone, Guid.NewGuid(), Expiry, "b"), "b"));
    }

    [Fact]
    public void Every_single_character_change_is_refused() =>
        Gen.Select(Gen.Guid, Gen.Int[0, 55], Gen.Int[1, 63]).Sample((subject, position, shift) =>
        {
            var signer = Signer(KeyA);
            var token = signer.Issue(TokenPurpose.VerifyEmail, subject, Expiry, "binding");
            var changed = Alphabet[(Alphabet.IndexOf(token[position], StringComparison.Ordinal) + shift) % Alphabet.Length];
            var tampered = string.Concat(token.AsSpan(0, position), changed.ToString(), token.AsSpan(position + 1));

            // 42 bytes fill 56 characters exactly, so every character change changes the bytes.
            return !TokenSigner.TryRead(tampered, TokenPurpose.VerifyEmail, out _, out _) || !signer.Verify(tampered, "binding");
        });

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("!!!!AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Garbage_is_not_a_token(string? text) =>
        Assert.False(TokenSigner.TryRead(text, TokenPurpose.VerifyEmail, out _, out _));

    [Fact]
    public void Issuing_without_a_key_names_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Signer().Issue(TokenPurpose.VerifyEmail, Guid.NewGuid(), Expiry, "b"));
        Assert.Contains("ShopKernel:Tokens:SigningKeys", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    [InlineData("   ")]
    public void Keys_shorter_than_32_bytes_or_not_base64_are_refused(string key) =>
        Assert.Null(TokenSigner.TryDecodeKey(key));

    [Theory]
    [InlineData("c2hvcnQ=", "SigningKeys")]
    [InlineData(null, "VerificationLifetime")]
    public void Bad_token_settings_fail_at_start_naming_the_setting(string? key, string setting)
    {
        using var services = new ServiceCollection()
            .AddShopKernel(o =>
            {
                if (key is null)
                {
                    o.Tokens.VerificationLifetime = TimeSpan.FromDays(31);
                }
                else
                {
                    o.Tokens.SigningKeys.Add(key);
                }
            })
            .Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ShopKernelOptions>>().Value);
        Assert.Contains("ShopKernel:Tokens:" + setting, error.Message, StringComparison.Ordinal);
    }
}
