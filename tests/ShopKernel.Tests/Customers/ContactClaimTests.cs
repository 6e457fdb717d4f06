using ShopKernel.Customers;

namespace ShopKernel.Tests.Customers;

/// <summary>Which customer a contact stands for, and what a verification message must say: pure rules, no store.</summary>
public sealed class ContactClaimTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LiveSince = Now - TimeSpan.FromDays(7);

    private static Customer Claimant(int n, DateTimeOffset claimedAt, bool verified = false, string? phone = null)
    {
        var customer = CustomerSamples.Customer(n, email: "ada@example.com", phone: phone, createdAt: claimedAt);
        customer.EmailVerified = verified;
        return customer;
    }

    [Fact]
    public void A_verified_holder_wins_over_any_unverified_claim()
    {
        var squatter = Claimant(1, Now.AddHours(-1));
        var owner = Claimant(2, Now.AddDays(-30), verified: true);

        Assert.Same(owner, ContactHolders.Resolve([owner, squatter], ContactKind.Email, LiveSince));
    }

    [Fact]
    public void One_live_unverified_claim_stands_for_the_contact_and_two_stand_for_nobody()
    {
        var first = Claimant(1, Now.AddDays(-2));
        var second = Claimant(2, Now.AddDays(-1));

        Assert.Same(first, ContactHolders.Resolve([first], ContactKind.Email, LiveSince));
        Assert.Null(ContactHolders.Resolve([second, first], ContactKind.Email, LiveSince));
        Assert.Null(ContactHolders.Resolve([], ContactKind.Email, LiveSince));
    }

    [Fact]
    public void A_lapsed_claim_stands_for_nothing_even_when_a_store_returns_it()
    {
        var lapsed = Claimant(1, LiveSince.AddTicks(-1));
        var justLive = Claimant(2, LiveSince);

        Assert.False(lapsed.HoldsLive(ContactKind.Email, LiveSince));
        Assert.True(justLive.HoldsLive(ContactKind.Email, LiveSince));
        Assert.Null(ContactHolders.Resolve([lapsed], ContactKind.Email, LiveSince));
        Assert.Same(justLive, ContactHolders.Resolve([justLive, lapsed], ContactKind.Email, LiveSince));
    }

    [Fact]
    public void A_verified_contact_never_lapses_and_a_missing_one_is_held_by_nobody()
    {
        var owner = Claimant(1, Now.AddYears(-3), verified: true);

        Assert.True(owner.HoldsLive(ContactKind.Email, LiveSince));
        Assert.False(owner.HoldsLive(ContactKind.Phone, LiveSince));
        Assert.True(Claimant(2, Now, phone: "+49301234567").HoldsLive(ContactKind.Phone, LiveSince));
    }

    [Fact]
    public void The_verification_message_names_the_account_and_says_confirming_ends_its_password()
    {
        var token = new VerificationToken("t", ContactKind.Email, "ada@example.com", Now.AddDays(1), CustomerId.New(), "Eve Mallory", new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.FromHours(-2)), ResetsPassword: true);
        var phone = token with { Kind = ContactKind.Phone, SendTo = "+49301234567", ResetsPassword = false };

        Assert.Equal(
            "Confirm ada@example.com as the e-mail address of the account of Eve Mallory, registered on 2026-11-21. Confirming ends that account's current password: you choose a new one and the account is yours.",
            token.Action);
        Assert.Equal("Confirm +49301234567 as the phone number of the account of Eve Mallory, registered on 2026-11-21.", phone.Action);
        Assert.DoesNotContain("ada@example.com", token.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Eve", token.ToString(), StringComparison.Ordinal);
    }
}
