using Microsoft.EntityFrameworkCore;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.EntityFrameworkCore.Customers;
using ShopKernel.EntityFrameworkCore.Diagnostics;
using ShopKernel.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Subscriptions;

/// <summary>
/// <see cref="IConsentStore"/> over the host's <typeparamref name="TContext"/>: ledger entries are only ever inserted;
/// the projection row of a subscription is inserted or moved on (version-checked) in the same transaction.
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class EfConsentStore<TContext>(TContext context, DataKeys keys) : IConsentStore
    where TContext : DbContext
{
    private IQueryable<SubscriptionRecord> Subscriptions => context.Set<SubscriptionRecord>().AsNoTracking();

    private IQueryable<ConsentEventRecord> Events => context.Set<ConsentEventRecord>().AsNoTracking();

    public async Task<SubscriptionSnapshot?> FindAsync(string subject, string topic, CancellationToken cancellationToken = default) =>
        Map(await Subscriptions.FirstOrDefaultAsync(s => s.Subject == subject && s.Topic == topic, cancellationToken).ConfigureAwait(false));

    public async Task<SubscriptionSnapshot?> FindByIdAsync(Guid subscriptionId, CancellationToken cancellationToken = default) =>
        Map(await Subscriptions.FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<SubscriptionSnapshot>> ListBySubjectsAsync(IReadOnlyCollection<string> subjects, CancellationToken cancellationToken = default)
    {
        var rows = await Subscriptions.Where(s => subjects.Contains(s.Subject)).OrderBy(s => s.Subject).ThenBy(s => s.Topic).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(SubscriptionRecordMapper.ToSnapshot);
    }

    public async Task<ConsentEvent?> FindEventAsync(Guid eventId, CancellationToken cancellationToken = default) =>
        await Events.FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken).ConfigureAwait(false) is { } row ? SubscriptionRecordMapper.ToEvent(row) : null;

    public async Task<IReadOnlyList<ConsentEvent>> ReadHistoryAsync(IReadOnlyCollection<string> subjects, string? topic, CancellationToken cancellationToken = default)
    {
        var query = Events.Where(e => subjects.Contains(e.Subject));
        if (topic is not null)
        {
            query = query.Where(e => e.Topic == topic);
        }

        var rows = await query.OrderBy(e => e.Subject).ThenBy(e => e.Topic).ThenBy(e => e.Sequence).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(SubscriptionRecordMapper.ToEvent);
    }

    public async ValueTask<StoreWrite> AppendAsync(IReadOnlyList<ConsentAppend> appends, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appends);
        var added = new List<object>();
        using var conflict = ExpectedConflict.Begin();
        try
        {
            return StoreWrite.Guarded(await Transactions.RunAtomicallyAsync(
                context,
                async ct =>
                {
                    foreach (var append in appends)
                    {
                        var row = SubscriptionRecordMapper.ToRecord(append.Subscription);
                        if (append.ExpectedVersion == 0)
                        {
                            added.Add(context.Add(row).Entity);
                        }
                        else if (await MoveOnAsync(row, append.ExpectedVersion, ct).ConfigureAwait(false) != 1)
                        {
                            return false;
                        }

                        added.AddRange(append.Events.Select(e => context.Add(SubscriptionRecordMapper.ToRecord(e, append.RedactedSubject)).Entity));
                    }

                    await context.SaveChangesAsync(ct).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false));
        }
        catch (DbUpdateException)
        {
            foreach (var entity in added)
            {
                context.Entry(entity).State = EntityState.Detached;
            }

            // A concurrent first request for the same subject and topic inserted the row first: a conflict to retry.
            // Anything else is a failure of the database, not an outcome.
            foreach (var append in appends.Where(a => a.ExpectedVersion == 0))
            {
                var (subject, topic) = (append.Subscription.Subject, append.Subscription.Topic);
                if (await Subscriptions.AnyAsync(s => s.Subject == subject && s.Topic == topic, cancellationToken).ConfigureAwait(false))
                {
                    conflict.Resolved();
                    return StoreWrite.Conflict;
                }
            }

            throw;
        }
        finally
        {
            foreach (var entity in added)
            {
                context.Entry(entity).State = EntityState.Detached;
            }
        }
    }

    public async Task<IReadOnlyList<EligibleSubscription>> ListEligibleAsync(EligibleRecipientQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (topic, after) = (query.Topic, query.After);
        var subscribed = SubscriptionRecordMapper.Subscribed;
        var rows = Subscriptions.Where(s => s.Topic == topic && s.State == subscribed);
        if (after is not null)
        {
            // The database's own string order, the same one OrderBy below pages in (string.Compare is what EF translates).
#pragma warning disable CA1309
            rows = rows.Where(s => string.Compare(s.Subject, after) > 0);
#pragma warning restore CA1309
        }

        if (query.Segment is { } segment)
        {
            // A correlated EXISTS: the page stops at its limit instead of computing the whole segment first.
            var members = EfCustomerQueryStore<TContext>.Filter(context, segment, keys);
            rows = rows.Where(s => s.CustomerId != null && members.Any(c => c.Id == s.CustomerId));
        }

        // SendLimit's rule in the query: fewer than the limit's sends counted in its window and topic.
        var sends = context.Set<SubscriptionSendRecord>();
        foreach (var limit in query.Limits)
        {
            var (scope, since, max) = (limit.Topic, Instants.ToStored(limit.Since), limit.MaxMessages);
            rows = scope is null
                ? rows.Where(s => sends.Count(x => x.Subject == s.Subject && x.SentAt >= since) < max)
                : rows.Where(s => sends.Count(x => x.Subject == s.Subject && x.SentAt >= since && x.Topic == scope) < max);
        }

        // A customer's contact is sealed: it comes with the customer's data key (left joins on both primary keys),
        // opened here; a guest's is the row's own.
        var email = query.Channel == SubscriptionChannel.Email;
        var page = await rows.OrderBy(s => s.Subject).Take(query.Limit)
            .LeftJoin(context.Set<CustomerRecord>(), s => s.CustomerId, c => (Guid?)c.Id, (s, c) => new { Row = s, SealedTo = c == null ? null : email ? c.Email : c.Phone })
            .LeftJoin(context.Set<DataKeyRecord>(), r => r.Row.CustomerId, k => (Guid?)k.Subject, (r, k) => new { r.Row, r.SealedTo, KeyId = k == null ? null : k.KeyId, Wrapped = k == null ? null : k.Wrapped })
            .OrderBy(r => r.Row.Subject)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return page.ConvertAll(r => new EligibleSubscription(SubscriptionRecordMapper.ToSnapshot(r.Row), r.Row.GuestContact ?? CustomerContact(r.Row.CustomerId, r.SealedTo, r.KeyId, r.Wrapped, email)));
    }

    /// <summary>A customer's e-mail address or phone number, opened; <see langword="null"/> when there is none or the key was shredded.</summary>
    private string? CustomerContact(Guid? customerId, string? sealedContact, string? keyId, byte[]? wrapped, bool email)
    {
        if (customerId is not { } id || sealedContact is null || keys.Open(id, keyId, wrapped) is not { } key)
        {
            return null;
        }

        return email ? SealedEmail.Open(key, sealedContact).Email : key.Open(SealedColumns.CustomerPhone, sealedContact);
    }

    public async Task<IReadOnlySet<string>> FindSubscribedCustomerContactsAsync(string topic, SubscriptionChannel channel, IReadOnlyCollection<string> contacts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        if (contacts.Count == 0)
        {
            return new HashSet<string>();
        }

        // Index lookups: customers by contact, then each one's subscription by customer and topic.
        var subscribed = SubscriptionRecordMapper.Subscribed;
        var email = channel == SubscriptionChannel.Email;
        // The contacts are looked up by their blind indexes and answered as given.
        var byIndex = contacts.Distinct(StringComparer.Ordinal).ToDictionary(c => (email ? keys.Email(c) : keys.Phone(c))!, StringComparer.Ordinal);
        var indexes = byIndex.Keys.ToList();
        var holders = email
            ? context.Set<CustomerRecord>().Where(c => indexes.Contains(c.EmailKey!))
            : context.Set<CustomerRecord>().Where(c => indexes.Contains(c.PhoneKey!));
        var found = await holders
            .Where(c => Subscriptions.Any(o => o.CustomerId == c.Id && o.Topic == topic && o.State == subscribed))
            .Select(c => email ? c.EmailKey : c.PhoneKey)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return found.OfType<string>().Select(i => byIndex[i]).ToHashSet(StringComparer.Ordinal);
    }

    public async ValueTask<StoreWrite> RecordSendAsync(string subject, IReadOnlyCollection<string> person, string topic, DateTimeOffset at, IReadOnlyList<SendLimit> limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(person);
        string[] subjects = [.. person.Append(subject).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var outcome = StoreWrite.Stored;
        var stored = Instants.ToStored(at);
        var send = new SubscriptionSendRecord { Id = Guid.CreateVersion7(at), Subject = subject, Topic = topic, SentAt = stored };
        try
        {
            await Transactions.RunAtomicallyAsync(
                context,
                async ct =>
                {
                    // The first statement writes every row of the person's subjects: concurrent senders to this person
                    // queue here (row locks on PostgreSQL, the write lock on SQLite) and count the sends committed before them.
                    await context.Set<SubscriptionRecord>().Where(s => subjects.Contains(s.Subject))
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.SendSerial, r => r.SendSerial + 1), ct)
                        .ConfigureAwait(false);
                    var subscribed = SubscriptionRecordMapper.Subscribed;
                    if (!await Subscriptions.AnyAsync(s => s.Subject == subject && s.Topic == topic && s.State == subscribed, ct).ConfigureAwait(false))
                    {
                        outcome = StoreWrite.NotSubscribed;
                        return false;
                    }

                    if (limits.Count > 0)
                    {
                        var earliest = Instants.ToStored(SendLimit.EarliestSince(limits));
                        var recent = await context.Set<SubscriptionSendRecord>().AsNoTracking()
                            .Where(x => subjects.Contains(x.Subject) && x.SentAt >= earliest)
                            .Select(x => new { x.Topic, x.SentAt })
                            .ToListAsync(ct)
                            .ConfigureAwait(false);
                        if (SendLimit.AnyReached(limits, recent.ConvertAll(x => new RecordedSend(x.Topic, Instants.FromStored(x.SentAt)))))
                        {
                            outcome = StoreWrite.CapReached;
                            return false;
                        }
                    }

                    context.Add(send);
                    await context.SaveChangesAsync(ct).ConfigureAwait(false);
                    outcome = StoreWrite.Stored;
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
            return outcome;
        }
        finally
        {
            context.Entry(send).State = EntityState.Detached;
        }
    }

    private Task<int> MoveOnAsync(SubscriptionRecord row, int expectedVersion, CancellationToken cancellationToken) =>
        context.Set<SubscriptionRecord>()
            .Where(s => s.Id == row.Id && s.Version == expectedVersion)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.State, row.State)
                    .SetProperty(r => r.Version, row.Version)
                    .SetProperty(r => r.LastEventId, row.LastEventId)
                    .SetProperty(r => r.ChangedAt, row.ChangedAt)
                    .SetProperty(r => r.PendingExpiresAt, row.PendingExpiresAt)
                    .SetProperty(r => r.GuestContact, row.GuestContact),
                cancellationToken);

    private static SubscriptionSnapshot? Map(SubscriptionRecord? row) => row is null ? null : SubscriptionRecordMapper.ToSnapshot(row);
}
