using System.Diagnostics.CodeAnalysis;
using ShopKernel.Diagnostics;
using ShopKernel.Storage;
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

    /// <summary>The topic (required, or <see langword="null"/> for every topic) and the subject's stored form, normalised for the topic's channel.</summary>
    private Result<(SubscriptionTopicOptions? Topic, string Subject)> Target(string? topicId, ConsentSubject? subject, bool topicRequired)
    {
        SubscriptionTopicOptions? topic = null;
        if ((topicRequired || topicId is not null) && !TryGetTopic(topicId, out topic))
        {
            return SubscriptionErrors.TopicUnknown;
        }

        var normalized = Normalize(subject, topic?.Channel);
        return normalized.Succeeded ? (topic, normalized.Value.Subject.Stored) : normalized.Error;
    }

    /// <summary>The subject's stored form and, for a guest, the contact as given; the channel is checked when given.</summary>
    private Result<(ConsentSubject Subject, string? Contact)> Normalize(ConsentSubject? subject, SubscriptionChannel? channel)
    {
        switch (subject?.Kind)
        {
            case ConsentSubjectKind.Customer when subject.CustomerId is { IsEmpty: false }:
                return (subject, null);
            case ConsentSubjectKind.Email when channel is null or SubscriptionChannel.Email:
                var email = _contacts.ParseEmail(subject.Key);
                return email.Succeeded
                    ? (ConsentSubject.Normalized(ConsentSubjectKind.Email, _contacts.NormalizeEmail(email.Value)), email.Value.Value)
                    : SubscriptionErrors.ContactInvalid;
            case ConsentSubjectKind.Phone when channel is null or SubscriptionChannel.Sms:
                var phone = _contacts.ParsePhone(subject.Key);
                return phone.Succeeded
                    ? (ConsentSubject.Normalized(ConsentSubjectKind.Phone, phone.Value.E164), phone.Value.E164)
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
    private ConsentSubject? ContactSubject(EligibleSubscription row, SubscriptionChannel channel)
    {
        if (row.Subscription.CustomerId is null || row.SendTo is null)
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

    private Task<bool> AppendAsync(
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
        return _store.AppendAsync([new ConsentAppend(next, current?.Version ?? 0, events)], cancellationToken);
    }

    /// <summary>Withdraws every active subscription <paramref name="load"/> finds, atomically, retrying on a concurrent change.</summary>
    private async Task<Result<int>> WithdrawAsync(Func<CancellationToken, Task<IReadOnlyList<SubscriptionSnapshot>>> load, ConsentEvidence evidence, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = Clock.UtcNow(_time);
            var active = (await load(cancellationToken).ConfigureAwait(false))
                .Where(s => State(s, now) is SubscriptionState.Subscribed or SubscriptionState.Pending)
                .ToList();
            if (active.Count == 0)
            {
                return 0;
            }

            var appends = active.ConvertAll(s =>
            {
                var withdrawn = NewEvent(ConsentSubject.FromStored(s.Subject), s.Topic, s, 1, ConsentEventKind.Withdrawn, now, evidence, null);
                var next = s with { State = SubscriptionState.Unsubscribed, Version = withdrawn.Sequence, LastEventId = withdrawn.Id, ChangedAt = now, PendingExpiresAt = null };
                return new ConsentAppend(next, s.Version, [withdrawn]);
            });
            if (await _store.AppendAsync(appends, cancellationToken).ConfigureAwait(false))
            {
                SubscriptionLog.Withdrawn(_logger, appends.Count);
                _metrics.Unsubscribed(appends.Count, evidence.Source.ToString());
                return appends.Count;
            }
        }

        return SubscriptionErrors.ConcurrencyConflict;
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

    private UnsubscribeToken IssueUnsubscribe(SubscriptionSnapshot subscription, bool all)
    {
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((Clock.UtcNow(_time) + _options.UnsubscribeLifetime).ToUnixTimeSeconds());
        var purpose = all ? TokenPurpose.UnsubscribeAll : TokenPurpose.Unsubscribe;
        return new UnsubscribeToken(_tokens.Issue(purpose, subscription.Id, expiresAt, Binding(subscription.Subject, all ? null : subscription.Topic)), expiresAt);
    }

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
