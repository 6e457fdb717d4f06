using Microsoft.EntityFrameworkCore;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Subscriptions;

/// <summary>
/// Redacts an erased person's consent ledger, inside the erasure's transaction. This is the one change the ledger
/// allows (and the database guard lets through): in every entry the subject is replaced by the keyed hash the entry
/// was stored with (<see cref="ConsentEventRecord.RedactedSubject"/>; the erasure's own for an entry from before it was
/// kept) and the IP address and user agent are removed; instants, topics, kinds, sources, wording versions and the unticked-box
/// flags stay. Each subscription then gets a <c>Redacted</c> entry, its projection turns redacted, its sends are forgotten,
/// and its data key is deleted: a copy of its rows from before (a guest's contact, the IP addresses and user agents,
/// all sealed under that key) no longer opens.
/// </summary>
internal static class ConsentRedactions
{
    /// <returns>The subscriptions redacted, whose data keys were deleted.</returns>
    public static async Task<List<Guid>> RedactAsync(DbContext context, IReadOnlyList<ConsentRedaction> redactions, CancellationToken cancellationToken)
    {
        var redactedState = SubscriptionRecordMapper.Redacted;
        var shredded = new List<Guid>();
        foreach (var redaction in redactions)
        {
            var (subject, replacement) = (redaction.Subject, redaction.Replacement);
            // Entries are redacted even where no projection row has the subject any more: a guest's entries from
            // before the ledger named guests by blind index keep the contact itself as their subject.
            await context.Set<ConsentEventRecord>().Where(e => e.Subject == subject)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(e => e.Subject, e => e.RedactedSubject ?? replacement)
                        .SetProperty(e => e.IpAddress, (string?)null)
                        .SetProperty(e => e.UserAgent, (string?)null),
                    cancellationToken)
                .ConfigureAwait(false);
            var subscriptions = await context.Set<SubscriptionRecord>().AsNoTracking()
                .Where(s => s.Subject == subject)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            if (subscriptions.Count == 0)
            {
                continue;
            }

            // A history redacted before under the same hash (the person came back and was erased again) keeps its
            // entries; its projection row makes way, as the new one carries the state.
            await context.Set<SubscriptionRecord>().Where(s => s.Subject == replacement).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await context.Set<SubscriptionSendRecord>().Where(s => s.Subject == subject).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            var ids = subscriptions.ConvertAll(s => s.Id);
            shredded.AddRange(ids);
            await context.Set<DataKeyRecord>().Where(k => ids.Contains(k.Subject)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            var at = Instants.ToStored(redaction.At);
            var added = new List<ConsentEventRecord>();
            foreach (var subscription in subscriptions)
            {
                var entry = new ConsentEventRecord
                {
                    Id = Guid.CreateVersion7(redaction.At),
                    Subject = replacement,
                    Topic = subscription.Topic,
                    Sequence = subscription.Version + 1,
                    Kind = nameof(ConsentEventKind.Redacted),
                    At = at,
                    Source = nameof(ConsentSource.System),
                    RedactedSubject = replacement,
                };
                added.Add(context.Add(entry).Entity);
                var id = subscription.Id;
                await context.Set<SubscriptionRecord>().Where(s => s.Id == id)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(r => r.Subject, replacement)
                            .SetProperty(r => r.State, redactedState)
                            .SetProperty(r => r.Version, entry.Sequence)
                            .SetProperty(r => r.LastEventId, entry.Id)
                            .SetProperty(r => r.ChangedAt, at)
                            .SetProperty(r => r.PendingExpiresAt, (DateTime?)null)
                            .SetProperty(r => r.CustomerId, (Guid?)null)
                            .SetProperty(r => r.GuestContact, (string?)null),
                        cancellationToken)
                    .ConfigureAwait(false);
            }

            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                added.ForEach(e => context.Entry(e).State = EntityState.Detached);
            }
        }

        return shredded;
    }
}
