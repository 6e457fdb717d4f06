using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.EntityFrameworkCore.Subscriptions;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.PersonalData;
using ShopKernel.Specifications.Customers;
using ShopKernel.Specifications.Infrastructure;
using ShopKernel.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Tests.Subscriptions;

/// <summary>
/// The database's guard of the consent ledger on every provider: a redaction written by hand passes only when it is the
/// one erasure makes, to the keyed hash the entry was appended with; entries from before that hash was kept still redact.
/// </summary>
public abstract class ConsentLedgerGuardSpecification : CustomerSteps
{
    private const string Table = "shopkernel_consent_events";
    private const string Newsletter = "newsletter";
    private static readonly string WellFormedFake = "redacted:" + new string('0', 64);

    private static readonly ConsentEvidence Ticked = new(ConsentSource.CheckoutForm)
    {
        WordingVersion = "newsletter-2026-03", BoxStartedUnticked = true, IpAddress = "203.0.113.7", UserAgent = "Mozilla/5.0 (X11; Linux)",
    };

    private bool IsPostgres => Host.Database.Provider == "PostgreSQL";

    /// <summary>How the ledger stores a guest's address: by its blind index, never in plain text.</summary>
    private string StoredGuest(string email) => ConsentSubject.Guest(ConsentSubjectKind.Email, email, Host.Services.GetRequiredService<PersonalDataProtector>()).Stored;

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_ledger_entry_except_by_redaction()
    {
        await SubscribedGuestAsync("grace@example.com");
        Assert.True(await RefusedAsync($"UPDATE {Table} SET kind = 'Withdrawn'"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET sequence = sequence + 1"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET subject = 'email:someone@example.com'"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET ip_address = '192.0.2.1'"));
        Assert.True(await RefusedAsync($"DELETE FROM {Table}"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET subject = 'redacted:00', ip_address = NULL, user_agent = NULL"));
        Assert.False(await RefusedAsync($"UPDATE {Table} SET subject = redacted_subject, ip_address = NULL, user_agent = NULL"));
        Assert.Equal(2, (await LedgerAsync()).Count);
    }

    [Fact]
    public async Task A_redaction_written_by_hand_is_refused_whatever_hash_it_writes()
    {
        await SubscribedGuestAsync("grace@example.com");
        var before = (await LedgerAsync()).Select(Describe).ToList();

        Assert.True(await RefusedAsync($"UPDATE {Table} SET subject = 'redacted:00', ip_address = NULL, user_agent = NULL"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET subject = '{WellFormedFake}', ip_address = NULL, user_agent = NULL"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET subject = upper(redacted_subject), ip_address = NULL, user_agent = NULL"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET redacted_subject = '{WellFormedFake}'"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET subject = '{WellFormedFake}', redacted_subject = '{WellFormedFake}', ip_address = NULL, user_agent = NULL"));

        Assert.Equal(before, (await LedgerAsync()).Select(Describe));
    }

    [Fact]
    public async Task Only_the_whole_redaction_to_the_hash_the_entry_was_appended_with_passes()
    {
        var grace = await SubscribedGuestAsync("grace@example.com");
        await SubscribedGuestAsync("ada@example.com");
        var (graceStored, adaStored) = (StoredGuest("grace@example.com"), StoredGuest("ada@example.com"));
        var other = (await LedgerAsync()).First(e => e.Subject == adaStored).RedactedSubject;

        Assert.True(await RefusedAsync($"UPDATE {Table} SET subject = redacted_subject WHERE subject = '{graceStored}'"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET subject = redacted_subject, ip_address = NULL, user_agent = NULL, wording_version = NULL WHERE subject = '{graceStored}'"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET subject = '{other}', ip_address = NULL, user_agent = NULL WHERE subject = '{graceStored}'"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET ip_address = NULL, user_agent = NULL WHERE subject = '{graceStored}'"));
        Assert.False(await RefusedAsync($"UPDATE {Table} SET subject = redacted_subject, ip_address = NULL, user_agent = NULL WHERE subject = '{graceStored}'"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET subject = '{WellFormedFake}' WHERE subject LIKE 'redacted:%'"));

        var redacted = (await LedgerAsync()).Where(e => e.Subject != adaStored).ToList();
        Assert.Equal(2, redacted.Count);
        Assert.All(redacted, e => Assert.Equal((e.RedactedSubject, null, null), (e.Subject, e.IpAddress, e.UserAgent)));
        Assert.Equal(2, (await Subs(s => s.GetProofAsync(Clerk, grace, Newsletter))).Value.Events.Count);
    }

    [Fact]
    public async Task Every_entry_is_appended_with_the_hash_erasure_writes_and_none_without_it()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        Assert.True((await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Email))).Succeeded);
        await SubscribedGuestAsync("ada@example.com");
        await Subs(s => s.RequestAsync(Newsletter, ConsentSubject.ForCustomer(ada.Id), Ticked));
        var appended = await LedgerAsync();
        var adaStored = StoredGuest("ada@example.com");

        string Copy(string subject, string redactedSubject) =>
            $"INSERT INTO {Table} (id, subject, topic, sequence, kind, at, source, box_started_unticked, redacted_subject) "
            + $"SELECT {(IsPostgres ? "gen_random_uuid()" : "upper(hex(randomblob(16)))")}, {subject}, topic, sequence + 10, kind, at, source, box_started_unticked, {redactedSubject} "
            + $"FROM {Table} WHERE sequence = 1 AND subject = '{adaStored}'";
        Assert.True(await RefusedAsync(Copy("subject", "NULL")));
        Assert.True(await RefusedAsync(Copy("subject", "'redacted:00'")));
        Assert.True(await RefusedAsync(Copy($"'{WellFormedFake}'", "redacted_subject")));
        Assert.False(await RefusedAsync(Copy("subject", "redacted_subject")));
        await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, ada.Id));

        var tokens = Host.Services.GetRequiredService<IOptions<ShopKernelOptions>>().Value.Tokens;
        Assert.All(appended, e => Assert.Equal(ConsentRedactor.RedactedForm(tokens, e.Subject), e.RedactedSubject));
        var erased = (await LedgerAsync()).ToDictionary(e => e.Id);
        Assert.All(appended, e => Assert.Equal((e.RedactedSubject, e.RedactedSubject), (erased[e.Id].Subject, erased[e.Id].RedactedSubject)));
        Assert.All(erased.Values.Where(e => e.Kind == nameof(ConsentEventKind.Redacted)), e => Assert.Equal(e.Subject, e.RedactedSubject));
        Assert.Contains(erased.Values, e => e.Kind == nameof(ConsentEventKind.Redacted));
    }

    [Fact]
    public async Task Entries_appended_before_the_hash_was_kept_are_still_redacted_on_erasure_and_stay_findable()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        var customer = ConsentSubject.ForCustomer(ada.Id);
        await Subs(s => s.RequestAsync(Newsletter, customer, Ticked));
        await ForgetRedactedSubjectsAsync();
        var before = (await Subs(s => s.GetProofAsync(Clerk, customer, Newsletter))).Value;
        Assert.All(await LedgerAsync(), e => Assert.Null(e.RedactedSubject));

        Assert.True(await RefusedAsync($"UPDATE {Table} SET subject = 'redacted:00', ip_address = NULL, user_agent = NULL"));
        var erased = await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, ada.Id));

        Assert.True(erased.Succeeded);
        var after = (await Subs(s => s.GetProofAsync(Clerk, customer, Newsletter))).Value;
        Assert.Equal(SubscriptionState.Redacted, after.State);
        Assert.Equal(before.Events.Select(e => (e.Id, e.Kind, e.At)), after.Events.Take(before.Events.Count).Select(e => (e.Id, e.Kind, e.At)));
        Assert.All(after.Events, e => Assert.Equal((ConsentSubjectKind.Redacted, null, null), (e.Subject.Kind, e.Evidence.IpAddress, e.Evidence.UserAgent)));
        Assert.DoesNotContain(await LedgerAsync(), e => e.Subject.Contains(ada.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Erasure_after_a_signing_key_rotation_keeps_the_whole_proof_findable()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        var customer = ConsentSubject.ForCustomer(ada.Id);
        await Subs(s => s.RequestAsync(Newsletter, customer, Ticked));
        var before = (await Subs(s => s.GetProofAsync(Clerk, customer, Newsletter))).Value;
        var newKey = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("ShopKernel rotated signing key"u8));
        await using var rotated = new ShopKernelTestHost(Storage, o =>
        {
            Configure(o);
            o.Tokens.SigningKeys.Insert(0, newKey);
        });
        rotated.Time.SetUtcNow(Host.Time.GetUtcNow().AddDays(1));

        var erased = await rotated.InScopeAsync<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, ada.Id));

        Assert.True(erased.Succeeded);
        var after = (await rotated.InScopeAsync<SubscriptionService, Result<ConsentProof>>(s => s.GetProofAsync(Clerk, customer, Newsletter))).Value;
        Assert.Equal(SubscriptionState.Redacted, after.State);
        Assert.Equal(before.Events.Select(e => e.Id).Append(after.Events[^1].Id), after.Events.Select(e => e.Id));
        Assert.Equal(ConsentEventKind.Redacted, after.Events[^1].Kind);
    }

    [Fact]
    public async Task The_guards_migration_goes_down_to_ordinary_tables_and_up_again()
    {
        const string AccessLog = "shopkernel_access_log";
        var grace = await SubscribedGuestAsync("grace@example.com");
        Assert.True((await Subs(s => s.GetProofAsync(Clerk, grace, Newsletter))).Succeeded);
        Assert.True(await RefusedAsync($"DELETE FROM {AccessLog}"));

        await Host.QueryAsync(async db =>
        {
            await HostMigration.Guards(db).DownAsync(db);
            return true;
        });

        Assert.False(await RefusedAsync($"UPDATE {Table} SET kind = 'Withdrawn' WHERE sequence = 1"));
        Assert.False(await RefusedAsync($"DELETE FROM {Table} WHERE sequence = 1"));
        Assert.False(await RefusedAsync($"DELETE FROM {AccessLog}"));

        // Up twice: the operation replaces what is there.
        await Host.QueryAsync(async db =>
        {
            var migration = HostMigration.Guards(db);
            await migration.UpAsync(db);
            await migration.UpAsync(db);
            return true;
        });

        Assert.True((await Subs(s => s.GetProofAsync(Clerk, grace, Newsletter))).Succeeded);
        Assert.True(await RefusedAsync($"DELETE FROM {Table}"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET kind = 'Withdrawn'"));
        Assert.True(await RefusedAsync($"DELETE FROM {AccessLog}"));
        Assert.False(await RefusedAsync($"UPDATE {Table} SET subject = redacted_subject, ip_address = NULL, user_agent = NULL"));
    }

    private Task<T> Subs<T>(Func<SubscriptionService, Task<T>> call) => Use(call);

    private async Task<ConsentSubject> SubscribedGuestAsync(string email)
    {
        var subject = ConsentSubject.ForEmail(email);
        var requested = await Subs(s => s.RequestAsync(Newsletter, subject, Ticked));
        Assert.True(requested.Succeeded, requested.Error?.ToString());
        Assert.True((await Subs(s => s.ConfirmAsync(requested.Value.Confirmation!.Token))).Succeeded);
        return subject;
    }

    private Task<List<ConsentEventRecord>> LedgerAsync() =>
        Host.QueryAsync(db => db.Set<ConsentEventRecord>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    private async Task<bool> RefusedAsync(string sql)
    {
        try
        {
            await Host.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));
            return false;
        }
        catch (System.Data.Common.DbException)
        {
            return true;
        }
    }

    /// <summary>Makes the ledger look as an upgraded database's does: entries stored before <c>redacted_subject</c> existed.</summary>
    private Task ForgetRedactedSubjectsAsync() => Host.QueryAsync(async db =>
    {
        // The test's own connection may switch the guard off (the PostgreSQL superuser, the SQLite file's holder).
        var off = IsPostgres ? $"ALTER TABLE {Table} DISABLE TRIGGER USER" : "DROP TRIGGER trg_shopkernel_consent_events_append_only_update";
        await db.Database.ExecuteSqlRawAsync(off);
        await db.Database.ExecuteSqlRawAsync($"UPDATE {Table} SET redacted_subject = NULL");
        await (IsPostgres ? db.Database.ExecuteSqlRawAsync($"ALTER TABLE {Table} ENABLE TRIGGER USER") : db.Database.ApplyConsentLedgerGuardAsync());
        return true;
    });

    private static string Describe(ConsentEventRecord e) =>
        string.Join("|", e.Id, e.Subject, e.Topic, e.Sequence, e.Kind, e.At.Ticks, e.Source, e.WordingVersion, e.BoxStartedUnticked, e.IpAddress, e.UserAgent, e.Actor, e.ExpiresAt?.Ticks, e.RedactedSubject);
}
