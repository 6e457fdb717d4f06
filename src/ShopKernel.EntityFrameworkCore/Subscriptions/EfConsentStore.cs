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
        MapOrNull(await WithKeys(Subscriptions.Where(s => s.Subject == subject && s.Topic == topic)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false));

    public async Task<SubscriptionSnapshot?> FindByIdAsync(Guid subscriptionId, CancellationToken cancellationToken = default) =>
        MapOrNull(await WithKeys(Subscriptions.Where(s => s.Id == subscriptionId)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<SubscriptionSnapshot>> ListBySubjectsAsync(IReadOnlyCollection<string> subjects, CancellationToken cancellationToken = default)
    {
        var rows = await WithKeys(Subscriptions.Where(s => subjects.Contains(s.Subject)).OrderBy(s => s.Subject).ThenBy(s => s.Topic))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return rows.ConvertAll(Map);
    }

    public async Task<ConsentEvent?> FindEventAsync(Guid eventId, CancellationToken cancellationToken = default) =>
        await WithKeys(Events.Where(e => e.Id == eventId)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } row ? ToEvent(row) : null;

    public async Task<IReadOnlyList<ConsentEvent>> ReadHistoryAsync(IReadOnlyCollection<string> subjects, string? topic, CancellationToken cancellationToken = default)
    {
        var query = Events.Where(e => subjects.Contains(e.Subject));
        if (topic is not null)
        {
            query = query.Where(e => e.Topic == topic);
        }

        var rows = await WithKeys(query.OrderBy(e => e.Subject).ThenBy(e => e.Topic).ThenBy(e => e.Sequence)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(ToEvent);
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
                        // A subscription's personal data (a guest's contact, the entries' IP address and user agent)
                        // sits under a data key of its own, made with it; an existing one's came with its row.
                        var id = append.Subscription.Id;
                        var key = append.ExpectedVersion == 0 ? null : await keys.FindAsync(context, id, ct).ConfigureAwait(false);
                        if (key is null)
                        {
                            (key, var keyRecord) = keys.Create(id, Instants.ToStored(append.Subscription.ChangedAt));
                            added.Add(context.Add(keyRecord).Entity);
                        }

                        var row = SubscriptionRecordMapper.ToRecord(append.Subscription, key);
                        if (append.ExpectedVersion == 0)
                        {
                            added.Add(context.Add(row).Entity);
                        }
                        else if (await MoveOnAsync(row, append.ExpectedVersion, ct).ConfigureAwait(false) != 1)
                        {
                            return false;
                        }

                        added.AddRange(append.Events.Select(e => context.Add(SubscriptionRecordMapper.ToRecord(e, append.RedactedSubject, key)).Entity));
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

        // Contacts are sealed: a customer's comes with the customer's data key, a guest's with the subscription's
        // (left joins on the primary keys), opened here.
        var email = query.Channel == SubscriptionChannel.Email;
        var page = await WithKeys(rows.OrderBy(s => s.Subject).Take(query.Limit))
            .LeftJoin(context.Set<CustomerRecord>(), s => s.Row.CustomerId, c => (Guid?)c.Id, (s, c) => new { Subscription = s, SealedTo = c == null ? null : email ? c.Email : c.Phone })
            .LeftJoin(
                context.Set<DataKeyRecord>(),
                r => r.Subscription.Row.CustomerId,
                k => (Guid?)k.Subject,
                (r, k) => new { r.Subscription, r.SealedTo, CustomerKeyId = k == null ? null : k.KeyId, CustomerWrapped = k == null ? null : k.Wrapped })
            .OrderBy(r => r.Subscription.Row.Subject)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return page.ConvertAll(r =>
        {
            var subscription = Map(r.Subscription);
            return new EligibleSubscription(subscription, subscription.GuestContact ?? CustomerContact(subscription.CustomerId?.Value, r.SealedTo, r.CustomerKeyId, r.CustomerWrapped, email));
        });
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

    /// <summary>Each subscription with its data key, in the same query (a left join on the key table's primary key).</summary>
    private IQueryable<Keyed<SubscriptionRecord>> WithKeys(IQueryable<SubscriptionRecord> rows) => DataKeys.WithDataKeys(rows, context, s => s.Id);

    /// <summary>
    /// Each ledger entry with the data key of its subscription (the projection row of the same subject and topic), in
    /// the same query: two left joins on unique keys.
    /// </summary>
    private IQueryable<KeyedEvent> WithKeys(IQueryable<ConsentEventRecord> events) =>
        events
            .LeftJoin(Subscriptions, e => new { e.Subject, e.Topic }, s => new { s.Subject, s.Topic }, (e, s) => new { Event = e, Subscription = s == null ? (Guid?)null : s.Id })
            .LeftJoin(
                context.Set<DataKeyRecord>().AsNoTracking(),
                r => r.Subscription,
                k => (Guid?)k.Subject,
                (r, k) => new KeyedEvent { Event = r.Event, Subscription = r.Subscription, KeyId = k == null ? null : k.KeyId, Wrapped = k == null ? null : k.Wrapped });

    private SubscriptionSnapshot Map(Keyed<SubscriptionRecord> row) => SubscriptionRecordMapper.ToSnapshot(row.Row, keys.Open(row.Row.Id, row));

    private SubscriptionSnapshot? MapOrNull(Keyed<SubscriptionRecord>? row) => row is null ? null : Map(row);

    private ConsentEvent ToEvent(KeyedEvent row) =>
        SubscriptionRecordMapper.ToEvent(row.Event, row.Subscription is { } id ? keys.Open(id, row.KeyId, row.Wrapped) : null);

    /// <summary>A ledger entry with its subscription's id and wrapped data key, read in the same query.</summary>
    private sealed class KeyedEvent
    {
        public ConsentEventRecord Event { get; init; } = null!;

        public Guid? Subscription { get; init; }

        public string? KeyId { get; init; }

        public byte[]? Wrapped { get; init; }
    }
}
