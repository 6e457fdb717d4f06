using System.Buffers.Binary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;

namespace ShopKernel.Tests.Customers;

public class PasswordCredentialsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    // Few iterations keep the tests fast; one test checks the real default.
    private static PasswordCredentials Credentials(int iterations = 1_000) => new(new CredentialOptions { Pbkdf2Iterations = iterations });

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("          ")]
    public void Weak_or_blank_passwords_are_refused(string? password) =>
        Assert.Equal(CustomerErrorCodes.PasswordInvalid, Credentials().Create(password).Error?.Code);

    [Fact]
    public void Overlong_passwords_are_refused_so_hashing_cost_stays_bounded() =>
        Assert.Equal(CustomerErrorCodes.PasswordInvalid, Credentials().Create(new string('x', 257)).Error?.Code);

    [Fact]
    public void A_hash_is_salted_and_never_contains_the_password()
    {
        var credentials = Credentials();
        var first = credentials.Create("correct horse battery").Value;
        var second = credentials.Create("correct horse battery").Value;

        Assert.NotEqual(first.Hash, second.Hash);
        Assert.DoesNotContain("correct", first.Hash, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Hash, first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_right_password_succeeds_and_a_wrong_one_counts()
    {
        var credentials = Credentials();
        var stored = credentials.Create("correct horse battery").Value;

        var right = credentials.Check(stored, "correct horse battery", Now);
        var wrong = credentials.Check(stored, "Correct horse battery", Now);

        Assert.Equal((PasswordCheckOutcome.Succeeded, false), (right.Outcome, right.Changed));
        Assert.Equal((PasswordCheckOutcome.Failed, 1), (wrong.Outcome, wrong.Credential.FailedAttempts));
    }

    [Fact]
    public void Repeated_failures_lock_the_account_for_a_while()
    {
        var credentials = Credentials();
        var stored = credentials.Create("correct horse battery").Value;
        for (var i = 0; i < 5; i++)
        {
            stored = credentials.Check(stored, "guess " + i, Now).Credential;
        }

        Assert.Equal(Now.AddMinutes(15), stored.LockedUntil);
        Assert.Equal(PasswordCheckOutcome.LockedOut, credentials.Check(stored, "correct horse battery", Now.AddMinutes(14)).Outcome);

        var afterLockout = credentials.Check(stored, "correct horse battery", Now.AddMinutes(15));
        Assert.Equal(PasswordCheckOutcome.Succeeded, afterLockout.Outcome);
        Assert.Equal((0, (DateTimeOffset?)null), (afterLockout.Credential.FailedAttempts, afterLockout.Credential.LockedUntil));
    }

    [Fact]
    public void A_success_resets_the_failure_count()
    {
        var credentials = Credentials();
        var stored = credentials.Create("correct horse battery").Value;
        stored = credentials.Check(stored, "guess", Now).Credential;

        var check = credentials.Check(stored, "correct horse battery", Now);

        Assert.True(check.Changed);
        Assert.Equal(0, check.Credential.FailedAttempts);
    }

    [Fact]
    public void Hashes_are_upgraded_when_the_iterations_grow()
    {
        var stored = Credentials(1_000).Create("correct horse battery").Value;
        var stronger = Credentials(2_000);

        var check = stronger.Check(stored, "correct horse battery", Now);

        Assert.Equal((PasswordCheckOutcome.Succeeded, true), (check.Outcome, check.Changed));
        Assert.Equal(2_000, Iterations(check.Credential.Hash));
        Assert.False(stronger.Check(check.Credential, "correct horse battery", Now).Changed);
    }

    [Fact]
    public void The_default_is_pbkdf2_sha512_with_210000_iterations()
    {
        using var provider = new ServiceCollection().AddShopKernel().Services.BuildServiceProvider();
        var hash = provider.GetRequiredService<PasswordCredentials>().Create("correct horse battery").Value.Hash;

        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]); // Identity V3 format
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1))); // HMAC-SHA512
        Assert.Equal(210_000, Iterations(hash));
    }

    [Fact]
    public void Weak_settings_fail_validation()
    {
        using var provider = new ServiceCollection().AddShopKernel(o => o.Credentials.Pbkdf2Iterations = 1_000).Services.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ShopKernelOptions>>().Value);
    }

    private static int Iterations(string hash) => (int)BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5));
}
