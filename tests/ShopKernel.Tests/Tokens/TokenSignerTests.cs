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

    [Fact]
    public void A_sealed_token_gives_back_any_claim_and_its_expiry_only_to_a_key_holder() =>
        Gen.String[Gen.Char, 1, 120].Where(c => System.Text.Encoding.UTF8.GetByteCount(c) <= TokenSigner.MaxSealedClaimBytes && !c.Any(char.IsSurrogate)).Sample(claim =>
        {
            var token = Signer(KeyA).Seal(TokenPurpose.UnsubscribeSubject, claim, Expiry);

            Assert.All(token, c => Assert.Contains(c, Alphabet));
            Assert.True(Signer(KeyB, KeyA).TryOpen(token, TokenPurpose.UnsubscribeSubject, out var opened, out var expiry));
            Assert.Equal((claim, Expiry), (opened, expiry));
            Assert.False(Signer(KeyB).TryOpen(token, TokenPurpose.UnsubscribeSubject, out _, out _));
            Assert.False(Signer(KeyA).TryOpen(token, TokenPurpose.ConfirmSubscription, out _, out _));
            Assert.False(TokenSigner.TryRead(token, TokenPurpose.UnsubscribeSubject, out _, out _));
        });

    [Fact]
    public void A_sealed_token_does_not_show_its_claim_and_differs_each_time()
    {
        var signer = Signer(KeyA);
        var first = signer.Seal(TokenPurpose.UnsubscribeSubject, "email:ada@example.com", Expiry);
        var second = signer.Seal(TokenPurpose.UnsubscribeSubject, "email:ada@example.com", Expiry);

        Assert.NotEqual(first, second);
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(first);
        Assert.Equal(-1, bytes.AsSpan().IndexOf("ada@example.com"u8));
        Assert.DoesNotContain(System.Buffers.Text.Base64Url.EncodeToString("email:ada@example.com"u8), first, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_change_to_a_sealed_token_is_refused() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int[1, 63]).Sample((at, shift) =>
        {
            var signer = Signer(KeyA);
            var token = signer.Seal(TokenPurpose.UnsubscribeSubject, "email:grace@example.com", Expiry);
            var position = at % token.Length;
            var changed = Alphabet[(Alphabet.IndexOf(token[position], StringComparison.Ordinal) + shift) % Alphabet.Length];
            var tampered = string.Concat(token.AsSpan(0, position), changed.ToString(), token.AsSpan(position + 1));

            // The last character may carry unused bits: a change there can leave the bytes as they were (or make the text no base64url).
            var buffer = new byte[token.Length];
            var sameBytes = System.Buffers.Text.Base64Url.DecodeFromChars(tampered, buffer, out _, out var written) == System.Buffers.OperationStatus.Done
                && buffer.AsSpan(0, written).SequenceEqual(System.Buffers.Text.Base64Url.DecodeFromChars(token));
            return sameBytes || !signer.TryOpen(tampered, TokenPurpose.UnsubscribeSubject, out _, out _);
        });

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AgYAAAAAaSPlYAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Garbage_is_not_a_sealed_token(string? text) =>
        Assert.False(Signer(KeyA).TryOpen(text, TokenPurpose.UnsubscribeSubject, out _, out _));

    [Fact]
    public void Sealing_refuses_an_oversized_claim_and_opening_refuses_a_token_longer_than_any_seal()
    {
        var signer = Signer(KeyA);
        Assert.Throws<ArgumentException>(() => signer.Seal(TokenPurpose.UnsubscribeSubject, new string('x', TokenSigner.MaxSealedClaimBytes + 1), Expiry));

        var longest = signer.Seal(TokenPurpose.UnsubscribeSubject, new string('x', TokenSigner.MaxSealedClaimBytes), Expiry);
        Assert.True(signer.TryOpen(longest, TokenPurpose.UnsubscribeSubject, out _, out _));
        Assert.False(signer.TryOpen(longest + "AAAA", TokenPurpose.UnsubscribeSubject, out _, out _));
    }

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
