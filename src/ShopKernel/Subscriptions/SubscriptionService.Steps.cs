using System.Diagnostics.CodeAnalysis;
using ShopKernel.Concurrency;
using ShopKernel.Customers;
using ShopKernel.Diagnostics;
using ShopKernel.Tokens;

namespace ShopKernel.Subscriptions;

/// <summary>The steps the subscription service's operations share.</summary>
public sealed partial class SubscriptionService
{
    private bool TryGetTopic(string? topicId, [NotNullWhen(true)] out SubscriptionTopicOptions? topic)
    {
        topic = null;
        return topicId is not null && _topics.TryGetValue(topicId, out topic);
    }

    /// <summary>The topic (required, or <see langword="null"/> for every topic) and the subject, normalised for the topic's channel.</summary>
    private Result<(SubscriptionTopicOptions? Topic, ConsentSubject Subject)> Target(string? topicId, ConsentSubject? subject, bool topicRequired)
    {
        SubscriptionTopicOptions? topic = null;
        if ((topicRequired || topicId is not null) && !TryGetTopic(topicId, out topic))
        {
            return SubscriptionErrors.TopicUnknown;
        }

        var normalized = Normalize(subject, topic?.Channel);
        return normalized.Succeeded ? (topic, normalized.Value.Subject) : normalized.Error;
    }

    /// <summary>The subject normalised (a guest's stored by the blind index of the contact) and, for a guest, the contact as given; the channel is checked when given.</summary>
    private Result<(ConsentSubject Subject, string? Contact)> Normalize(ConsentSubject? subject, SubscriptionChannel? channel)
    {
        switch (subject?.Kind)
        {
            case ConsentSubjectKind.Customer when subject.CustomerId is { IsEmpty: false }:
                return (subject, null);
            case ConsentSubjectKind.Email when channel is null or SubscriptionChannel.Email:
                var email = _contacts.ParseEmail(subject.Key);
                return email.Succeeded
                    ? (ConsentSubject.Guest(ConsentSubjectKind.Email, _contacts.NormalizeEmail(email.Value), _protector), email.Value.Value)
                    : SubscriptionErrors.ContactInvalid;
            case ConsentSubjectKind.Phone when channel is null or SubscriptionChannel.Sms:
                var phone = _contacts.ParsePhone(subject.Key);
                return phone.Succeeded
                    ? (ConsentSubject.Guest(ConsentSubjectKind.Phone, phone.Value.E164, _protector), phone.Value.E164)
                    : SubscriptionErrors.ContactInvalid;
            case null:
                return SubscriptionErrors.RequestInvalid;
            default:
                return SubscriptionErrors.ContactInvalid;
        }
    }

    /// <summary>The subject normalised, with the contact a confirmation goes to (a customer's profile contact for the channel).</summary>
    private async Task<Result<(ConsentSubject Subject, string SendTo)>> ResolveContactAsync(ConsentSubject subject, SubscriptionChannel channel, CancellationToken cancellationToken)
    {
        var normalized = Normalize(subject, channel);
        if (!normalized.Succeeded)
        {
            return normalized.Error;
        }

        if (normalized.Value.Contact is { } contact)
        {
            return (normalized.Value.Subject, contact);
        }

        var customer = await _customers.FindByIdAsync(subject.CustomerId!.Value, cancellationToken).ConfigureAwait(false);
        if (customer is null)
        {
            return SubscriptionErrors.CustomerNotFound;
        }

        var sendTo = channel == SubscriptionChannel.Email ? customer.Email : customer.Phone;
        return sendTo is null ? SubscriptionErrors.ContactInvalid : (normalized.Value.Subject, sendTo);
    }

    /// <summary>A customer recipient's contact as a subject of its own (normalised), or <see langword="null"/> for a guest.</summary>
    private ConsentSubject? ContactSubject(EligibleSubscription row, SubscriptionChannel channel) =>
        row.Subscription.CustomerId is null ? null : SendToSubject(row, channel);

    /// <summary>
    /// The recipient: a customer by id; a guest by the contact the row sends to, normalised (the ledger keeps only its
    /// blind index), so that suppression and the covering customers are asked about the contact itself.
    /// </summary>
    private ConsentSubject? RecipientSubject(EligibleSubscription row, SubscriptionChannel channel) =>
        row.Subscription.CustomerId is null
            ? SendToSubject(row, channel) is { } guest ? ConsentSubject.Guest(guest.Kind, guest.Key, row.Subscription.Subject) : null
            : ConsentSubject.FromStored(row.Subscription.Subject);

    private ConsentSubject? SendToSubject(EligibleSubscription row, SubscriptionChannel channel)
    {
        if (row.SendTo is null)
        {
            return null;
        }

        var normalized = Normalize(channel == SubscriptionChannel.Email ? ConsentSubject.ForEmail(row.SendTo) : ConsentSubject.ForPhone(row.SendTo), channel);
        return normalized.Succeeded ? normalized.Value.Subject : null;
    }

    private static SubscriptionState State(SubscriptionSnapshot? current, DateTimeOffset now) =>
        current is null ? SubscriptionState.NotSubscribed : ConsentStateMachine.Effective(current.State, current.PendingExpiresAt, now);

    private static ConsentEvent NewEvent(
        ConsentSubject subject, string topic, SubscriptionSnapshot? current, int offset, ConsentEventKind kind, DateTimeOffset at, ConsentEvidence evidence, DateTimeOffset? expiresAt) =>
        new(Guid.CreateVersion7(at), subject, topic, (current?.Version ?? 0) + offset, kind, at, evidence, expiresAt);

    private ValueTask<bool> AppendAsync(
        SubscriptionSnapshot? current,
        ConsentSubject subject,
        string topic,
        SubscriptionState state,
        List<ConsentEvent> events,
        DateTimeOffset? pendingExpiresAt,
        string? guestContact,
        CancellationToken cancellationToken)
    {
        var last = events[^1];
        var next = new SubscriptionSnapshot(
            current?.Id ?? Guid.CreateVersion7(last.At),
            subject.Stored,
            topic,
            state,
            last.Sequence,
            state == SubscriptionState.Pending ? events[0].Id : last.Id,
            last.At,
            pendingExpiresAt,
            subject.CustomerId,
            guestContact);
        return CommitAsync([new ConsentAppend(next, current?.Version ?? 0, events)], cancellationToken);
    }

    /// <summary>
    /// Appends through the store, each append with the form its subject takes on redaction: the store keeps it with the
    /// entries, and the database lets an entry be redacted to that value and no other.
    /// </summary>
    private async ValueTask<bool> CommitAsync(IReadOnlyList<ConsentAppend> appends, CancellationToken cancellationToken) =>
        (await _store.AppendAsync([.. appends.Select(a => a with { RedactedSubject = ConsentRedactor.RedactedForm(_tokenOptions, a.Subscription.Subject) })], cancellationToken).ConfigureAwait(false)).IsStored;

    /// <summary>Withdraws every active subscription <paramref name="load"/> finds, atomically, retrying on a concurrent change.</summary>
    private async Task<Result<int>> WithdrawAsync(Func<CancellationToken, Task<IReadOnlyList<SubscriptionSnapshot>>> load, ConsentEvidence evidence, CancellationToken cancellationToken)
    {
        return await OptimisticRetry.RunAsync(RetryPolicy, async Task<Result<int>?> (_, _) =>
        {
            var now = Clock.UtcNow(_time);
            var active = (await load(cancellationToken).ConfigureAwait(false))
                .Where(s => State(s, now) is SubscriptionState.Subscribed or SubscriptionState.Pending)
                .ToList();
            if (active.Count == 0)
            {
                return 0;
            }

            var appends = active.ConvertAll(s => Withdrawal(s, now, evidence));
            if (await CommitAsync(appends, cancellationToken).ConfigureAwait(false))
            {
                SubscriptionLog.Withdrawn(_logger, appends.Count);
                _metrics.Unsubscribed(appends.Count, evidence.Source.ToString());
                return appends.Count;
            }

            return null;
        }, SubscriptionErrors.ConcurrencyConflict, retrying: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opts the person behind <paramref name="subject"/> (normalised) out of everything: withdraws every active subscription of the
    /// subjects that are theirs and records a withdrawal for each topic of the subject's channel that the subject has
    /// not opted out of yet, atomically, retrying on a concurrent change. An erased person changes nothing.
    /// </summary>
    /// <returns>How many active subscriptions were withdrawn.</returns>
    private async Task<Result<int>> OptOutAsync(ConsentSubject subject, ConsentEvidence evidence, CancellationToken cancellationToken)
    {
        var stored = subject.Stored;
        var scope = await ScopeAsync(subject, cancellationToken).ConfigureAwait(false);
        if (scope is null)
        {
            return 0;
        }

        return await OptimisticRetry.RunAsync(RetryPolicy, async Task<Result<int>?> (attempt, _) =>
        {
            var rows = await _store.ListBySubjectsAsync(scope, cancellationToken).ConfigureAwait(false);
            if (attempt == 0 && rows.Count == 0 && subject.Kind != ConsentSubjectKind.Customer && scope.Count == 1 && await ErasedAsync(stored, cancellationToken).ConfigureAwait(false))
            {
                // Only a redacted history is left: writing the contact again would undo the erasure.
                return 0;
            }

            var now = Clock.UtcNow(_time);
            var withdrawals = rows.Where(s => State(s, now) is SubscriptionState.Subscribed or SubscriptionState.Pending).Select(s => Withdrawal(s, now, evidence)).ToList();
            var optOuts = _topics.Values
                .Where(t => Covers(subject.Kind, t.Channel))
                .Select(t => rows.FirstOrDefault(r => r.Subject == stored && r.Topic == t.Id) is { } own
                    ? State(own, now) == SubscriptionState.NotSubscribed ? Withdrawal(own, now, evidence) : null
                    : FirstOptOut(subject, t.Id, now, evidence))
                .OfType<ConsentAppend>()
                .ToList();
            if (withdrawals.Count + optOuts.Count == 0)
            {
                return 0;
            }

            if (await CommitAsync([.. withdrawals, .. optOuts], cancellationToken).ConfigureAwait(false))
            {
                SubscriptionLog.OptedOut(_logger, withdrawals.Count, optOuts.Count);
                if (withdrawals.Count > 0)
                {
                    _metrics.Unsubscribed(withdrawals.Count, evidence.Source.ToString());
                }

                return withdrawals.Count;
            }

            return null;
        }, SubscriptionErrors.ConcurrencyConflict, retrying: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The stored subjects that are the person's (<paramref name="subject"/> normalised): a customer and the contacts they verified; a contact and the
    /// customer whose profile has it (their mails go to it). With <paramref name="reaching"/>, a customer's are instead
    /// the customer and the guest subject of their profile contact for that channel, verified or not: the subjects whose
    /// messages reach the same mailbox or number. <see langword="null"/> for a customer who no longer exists.
    /// </summary>
    private async Task<List<string>?> ScopeAsync(ConsentSubject subject, CancellationToken cancellationToken, SubscriptionChannel? reaching = null)
    {
        switch (subject.Kind)
        {
            case ConsentSubjectKind.Customer:
                var customer = subject.CustomerId is { } id ? await _customers.FindByIdAsync(id, cancellationToken).ConfigureAwait(false) : null;
                return customer is null ? null : ConsentSubject.StoredSubjectsOf(customer, _protector, reaching);
            case ConsentSubjectKind.Email or ConsentSubjectKind.Phone:
                // The customer the contact stands for, by the rule sign-in follows: a lapsed or contested claim is nobody's.
                var holder = await ContactHolders.FindAsync(
                    _customers,
                    subject.Kind == ConsentSubjectKind.Email ? ContactKind.Email : ContactKind.Phone,
                    subject.Key,
                    Clock.UtcNow(_time) - _claimLifetime,
                    cancellationToken).ConfigureAwait(false);
                return holder is null ? [subject.Stored] : [subject.Stored, ConsentSubject.ForCustomer(holder.Id).Stored];
            default:
                return null;
        }
    }

    /// <summary>Whether the ledger holds a history of the subject only in redacted form: the person was erased.</summary>
    private async Task<bool> ErasedAsync(string stored, CancellationToken cancellationToken) =>
        ConsentRedactor.RedactedForms(_tokenOptions, stored) is { Count: > 0 } redacted
        && (await _store.ReadHistoryAsync(redacted, null, cancellationToken).ConfigureAwait(false)).Count > 0;

    /// <summary>Whether an opt-out by a subject of this kind covers a topic of the channel: a customer's covers every channel.</summary>
    private static bool Covers(ConsentSubjectKind kind, SubscriptionChannel channel) => kind switch
    {
        ConsentSubjectKind.Customer => true,
        ConsentSubjectKind.Email => channel == SubscriptionChannel.Email,
        ConsentSubjectKind.Phone => channel == SubscriptionChannel.Sms,
        _ => false,
    };

    private static ConsentAppend Withdrawal(SubscriptionSnapshot s, DateTimeOffset now, ConsentEvidence evidence)
    {
        var withdrawn = NewEvent(ConsentSubject.FromStored(s.Subject), s.Topic, s, 1, ConsentEventKind.Withdrawn, now, evidence, null);
        var next = s with { State = SubscriptionState.Unsubscribed, Version = withdrawn.Sequence, LastEventId = withdrawn.Id, ChangedAt = now, PendingExpiresAt = null };
        return new ConsentAppend(next, s.Version, [withdrawn]);
    }

    /// <summary>The first ledger entry of a subject and topic that never had one: the person asked for no mail.</summary>
    private static ConsentAppend FirstOptOut(ConsentSubject subject, string topic, DateTimeOffset now, ConsentEvidence evidence)
    {
        var withdrawn = NewEvent(subject, topic, null, 1, ConsentEventKind.Withdrawn, now, evidence, null);
        var row = new SubscriptionSnapshot(Guid.CreateVersion7(now), subject.Stored, topic, SubscriptionState.Unsubscribed, withdrawn.Sequence, withdrawn.Id, now, null, subject.CustomerId, null);
        return new ConsentAppend(row, 0, [withdrawn]);
    }

    /// <summary>Starts a use case's span, tagged with the topic when it is a configured one (never free text from a request).</summary>
    private System.Diagnostics.Activity? StartSpan(string name, string? topicId)
    {
        var activity = ShopKernelActivity.Start(name);
        if (activity is not null && topicId is not null && _topics.ContainsKey(topicId))
        {
            activity.SetTag(ShopKernelTelemetry.Tags.Topic, topicId);
        }

        return activity;
    }

    private static void TagWithdrawn(System.Diagnostics.Activity activity, int count) => activity.SetTag(ShopKernelTelemetry.Tags.Withdrawn, count);

    private UnsubscribeToken IssueUnsubscribe(SubscriptionSnapshot subscription)
    {
        var expiresAt = UnsubscribeExpiry();
        return new UnsubscribeToken(_tokens.Issue(TokenPurpose.Unsubscribe, subscription.Id, expiresAt, Binding(subscription.Subject, subscription.Topic)), expiresAt);
    }

    private DateTimeOffset UnsubscribeExpiry() => DateTimeOffset.FromUnixTimeSeconds((Clock.UtcNow(_time) + _options.UnsubscribeLifetime).ToUnixTimeSeconds());

    /// <summary>What a token is bound to: the subject and the topic (or every topic), so it cannot be moved to another person.</summary>
    private static string Binding(string subject, string? topic) => subject + "\n" + (topic ?? "*");

    /// <summary>The limits of the topic's and the global cap at <paramref name="now"/>; a minimum gap is a limit of one send.</summary>
    private List<SendLimit> Limits(SubscriptionTopicOptions topic, DateTimeOffset now)
    {
        var limits = new List<SendLimit>(4);
        void Add(string? scope, FrequencyCap? cap)
        {
            if (cap is null)
            {
                return;
            }

            // Windows are half-open, (now - length, now]: a send exactly one period (or gap) ago no longer counts.
            if (cap.MaxMessages is { } max)
            {
                limits.Add(new SendLimit(scope, now - cap.Period + TimeSpan.FromMicroseconds(1), max));
            }

            if (cap.MinimumGap > TimeSpan.Zero)
            {
                limits.Add(new SendLimit(scope, now - cap.MinimumGap + TimeSpan.FromMicroseconds(1), 1));
            }
        }

        Add(topic.Id, topic.Cap);
        Add(null, _options.GlobalCap);
        return limits;
    }
}
