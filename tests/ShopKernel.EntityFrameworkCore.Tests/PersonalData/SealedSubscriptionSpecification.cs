using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.EntityFrameworkCore.Subscriptions;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.PersonalData;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Customers;
using ShopKernel.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Tests.PersonalData;

/// <summary>
/// What the subscription tables hold: a guest by the blind index of the contact, the contact to send to and the
/// evidence's IP address and user agent sealed under the subscription's own data key, and nothing an erased person's
/// old copy of their ledger opens with.
/// </summary>
public abstract class SealedSubscriptionSpecification : CustomerSteps
{
    private const string Newsletter = "newsletter";
    private const string Texts = "texts";

    private static readonly ConsentEvidence Ticked = new(ConsentSource.CheckoutForm)
    {
        WordingVersion = "newsletter-2026-03", BoxStartedUnticked = true, IpAddress = "198.51.100.23", UserAgent = "Mozilla/5.0 (Quist; Ångström)",
    };

    /// <summary>Every personal value below, as typed, normalised and as a JSON writer escapes it.</summary>
    private static readonly string[] PlainValues =
        ["zoe.quist@example.org", "+48585551234", "585551234", "198.51.100.23", "Mozilla/5.0 (Quist", "Ångström", "\\u00C5ngstr\\u00F6m"];

    private EfStorage Ef => (EfStorage)Storage;

    protected override void Configure(ShopKernelOptions options)
    {
        base.Configure(options);
        options.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = Texts, Channel = SubscriptionChannel.Sms, DoubleOptIn = false });
    }

    private Task<T> Subs<T>(Func<SubscriptionService, Task<T>> call) => Use(call);

    private async Task SubscribeAsync(string topic, ConsentSubject subject)
    {
        var requested = await Subs(s => s.RequestAsync(topic, subject, Ticked));
        Assert.True(requested.Succeeded, requested.Error?.ToString());
        if (requested.Value.Confirmation is { } confirmation)
        {
            Assert.True((await Subs(s => s.ConfirmAsync(confirmation.Token, Ticked with { Source = ConsentSource.ConfirmationLink }))).Succeeded);
        }
    }

    private async Task AssertNothingInPlainTextAsync()
    {
        Assert.Empty(await Ef.FindAnyTextAsync(PlainValues));
    }

    [Fact]
    public async Task No_guest_contact_ip_address_or_user_agent_is_stored_in_plain_text_and_every_use_reads_them()
    {
        var email = ConsentSubject.ForEmail("Zoe.Quist@example.org");
        var phone = ConsentSubject.ForPhone("+48 58 555 12 34");
        await SubscribeAsync(Newsletter, email);
        await SubscribeAsync(Texts, phone);

        await AssertNothingInPlainTextAsync();
        await using (var db = Ef.CreateContext())
        {
            var rows = await db.Set<SubscriptionRecord>().AsNoTracking().ToListAsync();
            Assert.Equal(2, rows.Count);
            // A guest is their contact's blind index (what the eligible list pages by) and a sealed contact under a key of the subscription's own.
            Assert.All(rows, r => Assert.Matches("^(email|phone):[A-Za-z0-9_-]{22}$", r.Subject));
            Assert.All(rows, r => Assert.True(DataKey.LooksSealed(r.GuestContact)));
            var ids = rows.ConvertAll(r => r.Id);
            Assert.Equal(2, await db.Set<DataKeyRecord>().CountAsync(k => ids.Contains(k.Subject)));
        }

        // The proof names the subject as asked for and shows the evidence as given.
        var proof = (await Subs(s => s.GetProofAsync(Clerk, ConsentSubject.ForEmail("ZOE.QUIST@example.org"), Newsletter))).Value;
        Assert.Equal([ConsentEventKind.Requested, ConsentEventKind.Confirmed], proof.Events.Select(e => e.Kind));
        Assert.All(proof.Events, e => Assert.Equal(("zoe.quist@example.org", Ticked.IpAddress, Ticked.UserAgent), (e.Subject.Key, e.Evidence.IpAddress, e.Evidence.UserAgent)));

        // The eligible list opens each contact and pages by an opaque cursor.
        var page = (await Subs(s => s.ListEligibleRecipientsAsync(Clerk, Newsletter, pageSize: 1))).Value;
        var recipient = Assert.Single(page.Items);
        Assert.Equal(("Zoe.Quist@example.org", "zoe.quist@example.org"), (recipient.SendTo, recipient.Subject.Key));
        Assert.DoesNotContain("example", page.Next, StringComparison.Ordinal);
        Assert.Equal("+48585551234", Assert.Single((await Subs(s => s.ListEligibleRecipientsAsync(Clerk, Texts))).Value.Items).SendTo);
        Assert.True((await Subs(s => s.RecordSendAsync(email, Newsletter))).Succeeded);

        // An opt-out link finds the person by the contact it carries (encrypted) and withdraws.
        var optOut = (await Subs(s => s.CreateUnsubscribeTokenAsync(email))).Value;
        Assert.Equal(1, (await Subs(s => s.RedeemUnsubscribeTokenAsync(optOut.Token))).Value);
        Assert.Equal(SubscriptionState.Unsubscribed, (await Subs(s => s.GetStatusAsync(email, Newsletter))).Value.State);
        await AssertNothingInPlainTextAsync();
    }

    [Fact]
    public async Task Erasure_deletes_the_subscriptions_keys_so_an_earlier_copy_of_the_ledger_opens_to_no_one()
    {
        var zoe = (await RegisterAsync(new CustomerRegistration("Zoe", "Quist") { Email = "zoe.quist@example.org" })).Value;
        Assert.True((await VerifyAsync(await TokenAsync(zoe.Id, ContactKind.Email))).Succeeded);
        await SubscribeAsync(Newsletter, ConsentSubject.ForEmail("zoe.quist@example.org")); // as a guest, with the address she verified
        await SubscribeAsync(Newsletter, ConsentSubject.ForCustomer(zoe.Id));
        await using var db = Ef.CreateContext();
        var subscriptions = await db.Set<SubscriptionRecord>().AsNoTracking().ToListAsync();
        var entries = await db.Set<ConsentEventRecord>().AsNoTracking().ToListAsync();
        var ids = subscriptions.ConvertAll(s => s.Id);
        Assert.Equal(2, await db.Set<DataKeyRecord>().CountAsync(k => ids.Contains(k.Subject)));

        Assert.True((await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, zoe.Id))).Succeeded);

        Assert.False(await db.Set<DataKeyRecord>().AnyAsync(k => ids.Contains(k.Subject)));

        // A backup from before the erasure brings the rows back as they were; their keys went with the erasure.
        await db.Set<SubscriptionRecord>().ExecuteDeleteAsync();
        db.Set<SubscriptionRecord>().AddRange(subscriptions);
        await db.SaveChangesAsync();
        var restored = (await Subs(s => s.ListEligibleRecipientsAsync(Clerk, Newsletter))).Value;
        Assert.Empty(restored.Items);
        var protector = Host.Services.GetRequiredService<PersonalDataProtector>();
        var guest = ConsentSubject.Guest(ConsentSubjectKind.Email, "zoe.quist@example.org", protector).Stored;
        Assert.Contains(entries, e => e.Subject == guest && DataKey.LooksSealed(e.IpAddress));
        await AssertNothingInPlainTextAsync();
    }

    [Fact]
    public async Task A_guest_contact_stored_in_plain_text_fails_loudly_instead_of_going_unsent()
    {
        await SubscribeAsync(Newsletter, ConsentSubject.ForEmail("zoe.quist@example.org"));
        await using (var db = Ef.CreateContext())
        {
            await db.Set<SubscriptionRecord>().ExecuteUpdateAsync(u => u.SetProperty(s => s.GuestContact, "olga@example.org"));
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Subs(s => s.ListEligibleRecipientsAsync(Clerk, Newsletter)));
        Assert.Contains("plain text", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("olga", failure.Message, StringComparison.Ordinal);
    }
}

[Trait("Provider", "SQLite")]
public sealed class SqliteSealedSubscriptionTests : SealedSubscriptionSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresSealedSubscriptionTests : SealedSubscriptionSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("sealed_subscriptions");
}
