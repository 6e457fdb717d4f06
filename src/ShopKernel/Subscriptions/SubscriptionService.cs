using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopKernel.Concurrency;
using ShopKernel.Customers;
using ShopKernel.Staff;
using ShopKernel.DependencyInjection;
using ShopKernel.Diagnostics;
using ShopKernel.PersonalData;
using ShopKernel.Tokens;

namespace ShopKernel.Subscriptions;

/// <summary>
/// Consent-tracked subscriptions: requests with evidence of a positive choice, double opt-in confirmation, one-click
/// unsubscribe, the state and the provable history of each subject's consent, and sending within frequency caps.
/// Every change appends to the append-only consent ledger; expected outcomes come back as results with codes from
/// <see cref="SubscriptionErrorCodes"/>, and nothing is stored on error.
/// </summary>
public sealed partial class SubscriptionService
{
    private readonly StaffAccess _access;
    private readonly ShopErrorDescriber _describer;
    /// <summary>The largest page <see cref="ListEligibleRecipientsAsync"/> returns.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>A consent change retried on a concurrent change: four attempts in all, at once.</summary>
    private static readonly RetryPolicy RetryPolicy = RetryPolicy.Attempts(4);

    private readonly IConsentStore _store;
    private readonly ICustomerStore _customers;
    private readonly ContactNormalizer _contacts;
    private readonly IMarketingSuppression _suppression;
    private readonly SubscriptionOptions _options;
    private readonly TokenOptions _tokenOptions;
    private readonly TokenSigner _tokens;
    private readonly Dictionary<string, SubscriptionTopicOptions> _topics;
    private readonly TimeProvider _time;
    private readonly TimeSpan _claimLifetime;
    private readonly CanaryContacts _canaries;
    private readonly PersonalDataProtector _protector;
    private readonly ILogger _logger;
    private readonly ShopKernelMetrics _metrics;

    /// <summary>Creates the service; <c>AddShopKernel()</c> registers it, with the host's one token signer.</summary>
    internal SubscriptionService(
        IConsentStore store,
        ICustomerStore customers,
        ContactNormalizer contacts,
        IMarketingSuppression suppression,
        TokenSigner tokens,
        IOptions<ShopKernelOptions> options,
        TimeProvider timeProvider,
        StaffAccess access,
        PersonalDataProtector protector,
        ILogger<SubscriptionService>? logger = null,
        ShopKernelMetrics? metrics = null, ShopErrorDescriber? errorDescriber = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _contacts = contacts ?? throw new ArgumentNullException(nameof(contacts));
        _suppression = suppression ?? throw new ArgumentNullException(nameof(suppression));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _access = access ?? throw new ArgumentNullException(nameof(access));
        _protector = protector ?? throw new ArgumentNullException(nameof(protector));
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _metrics = metrics ?? ShopKernelMetrics.Shared;
        _options = options.Value.Subscriptions;
        _tokenOptions = options.Value.Tokens;
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _claimLifetime = options.Value.Customers.UnverifiedClaimLifetime;
        _canaries = CanaryContacts.From(options.Value.Exports);
        _topics = _options.Topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
        _describer = errorDescriber ?? ShopErrorDescriber.Default;
    }

    /// <summary>
    /// Subscribes a subject to a topic on their positive choice. A double opt-in topic leaves the subscription pending
    /// and returns the confirmation token to send; another topic subscribes at once. Asking again while pending
    /// issues a new token (the earlier one stops working); asking while subscribed changes nothing.
    /// </summary>
    /// <param name="topicId">The topic id.</param>
    /// <param name="subject">The subject: a customer, or a guest's contact for the topic's channel.</param>
    /// <param name="evidence">How consent was given; the box must have started unticked and the wording version be given.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The outcome, or <c>subscription.topic_unknown</c>, <c>subscription.consent_pre_ticked</c>,
    /// <c>subscription.contact_invalid</c>, <c>subscription.customer_not_found</c>, <c>subscription.request_invalid</c>,
    /// <c>subscription.concurrency_conflict</c>.
    /// </returns>
    public async Task<Result<SubscriptionRequestOutcome>> RequestAsync(string topicId, ConsentSubject subject, ConsentEvidence evidence, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(() => StartSpan(ShopKernelTelemetry.Spans.SubscriptionRequest, topicId), async Task<Result<SubscriptionRequestOutcome>> (_) =>
        {
            if (!TryGetTopic(topicId, out var topic))
            {
                return SubscriptionErrors.TopicUnknown;
            }

            if (evidence is null || subject is null || !evidence.IsWellFormed())
            {
                return SubscriptionErrors.RequestInvalid;
            }

            if (!evidence.BoxStartedUnticked)
            {
                return SubscriptionErrors.ConsentPreTicked;
            }

            if (evidence.WordingVersion is null)
            {
                return SubscriptionErrors.WordingMissing;
            }

            var resolved = await ResolveContactAsync(subject, topic.Channel, cancellationToken).ConfigureAwait(false);
            if (!resolved.Succeeded)
            {
                return resolved.Error;
            }

            var (normalized, sendTo) = resolved.Value;
            return await OptimisticRetry.RunAsync(RetryPolicy, async Task<Result<SubscriptionRequestOutcome>?> (_, _) =>
            {
                var current = await _store.FindAsync(normalized.Stored, topic.Id, cancellationToken).ConfigureAwait(false);
                var now = Clock.UtcNow(_time);
                if (State(current, now) == SubscriptionState.Subscribed)
                {
                    return new SubscriptionRequestOutcome(SubscriptionState.Subscribed, null);
                }

                var expiresAt = topic.DoubleOptIn ? DateTimeOffset.FromUnixTimeSeconds((now + _options.ConfirmationLifetime).ToUnixTimeSeconds()) : (DateTimeOffset?)null;
                var requested = NewEvent(normalized, topic.Id, current, 1, ConsentEventKind.Requested, now, evidence, expiresAt);
                List<ConsentEvent> events = [requested];
                if (!topic.DoubleOptIn)
                {
                    events.Add(NewEvent(normalized, topic.Id, current, 2, ConsentEventKind.Confirmed, now, evidence, null));
                }

                var state = topic.DoubleOptIn ? SubscriptionState.Pending : SubscriptionState.Subscribed;
                var guestContact = normalized.Kind == ConsentSubjectKind.Customer ? null : sendTo;
                if (await AppendAsync(current, normalized, topic.Id, state, events, expiresAt, guestContact, cancellationToken).ConfigureAwait(false))
                {
                    SubscriptionLog.Requested(_logger, topic.Id, state);
                    var confirmation = expiresAt is { } expiry
                        ? new ConfirmationToken(_tokens.Issue(TokenPurpose.ConfirmSubscription, requested.Id, expiry, Binding(normalized.Stored, topic.Id)), sendTo, expiry)
                        : null;
                    return new SubscriptionRequestOutcome(state, confirmation);
                }

                return null;
            }, SubscriptionErrors.ConcurrencyConflict, retrying: null, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false));
    }

    /// <summary>Confirms a pending double opt-in subscription with the token sent to the subject. The token works once.</summary>
    /// <param name="token">The confirmation token.</param>
    /// <param name="evidence">The click's evidence (IP address, user agent) if the host keeps it; defaults to the confirmation link.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The subscription's status, or <c>subscription.token_invalid</c>, <c>subscription.token_expired</c>,
    /// <c>subscription.token_used</c>, <c>subscription.request_invalid</c>, <c>subscription.concurrency_conflict</c>.
    /// </returns>
    public async Task<Result<SubscriptionStatus>> ConfirmAsync(string token, ConsentEvidence? evidence = null, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.SubscriptionConfirm, async Task<Result<SubscriptionStatus>> (_) =>
        {
            evidence ??= new ConsentEvidence(ConsentSource.ConfirmationLink);
            if (!evidence.IsWellFormed())
            {
                return SubscriptionErrors.RequestInvalid;
            }

            if (!TokenSigner.TryRead(token, TokenPurpose.ConfirmSubscription, out var requestId, out var expiresAt))
            {
                return SubscriptionErrors.TokenInvalid;
            }

            var request = await _store.FindEventAsync(requestId, cancellationToken).ConfigureAwait(false);
            if (request is not { Kind: ConsentEventKind.Requested } || !_tokens.Verify(token, Binding(request.Subject.Stored, request.Topic)))
            {
                return SubscriptionErrors.TokenInvalid;
            }

            if (Clock.UtcNow(_time) >= expiresAt)
            {
                return SubscriptionErrors.TokenExpired;
            }

            return await OptimisticRetry.RunAsync(RetryPolicy, async Task<Result<SubscriptionStatus>?> (_, _) =>
            {
                var current = await _store.FindAsync(request.Subject.Stored, request.Topic, cancellationToken).ConfigureAwait(false);
                if (current is null || current.LastEventId != requestId || current.State != SubscriptionState.Pending)
                {
                    return SubscriptionErrors.TokenUsed;
                }

                var now = Clock.UtcNow(_time);
                var confirmed = NewEvent(request.Subject, request.Topic, current, 1, ConsentEventKind.Confirmed, now, evidence, null);
                if (await AppendAsync(current, request.Subject, request.Topic, SubscriptionState.Subscribed, [confirmed], null, current.GuestContact, cancellationToken).ConfigureAwait(false))
                {
                    SubscriptionLog.Confirmed(_logger, request.Topic);
                    return new SubscriptionStatus(request.Topic, SubscriptionState.Subscribed, now, null);
                }

                return null;
            }, SubscriptionErrors.ConcurrencyConflict, retrying: null, cancellationToken).ConfigureAwait(false);
        }, static (a, status) => a.SetTag(ShopKernelTelemetry.Tags.Topic, status.Topic)).ConfigureAwait(false));
    }

    /// <summary>
    /// Withdraws a person's consent for a topic, or for every topic, at once. For one topic it withdraws the
    /// subscriptions to it of the subjects that are the person's (a customer and the contacts they verified; a contact
    /// and the customer whose profile has it), so that a guest subscription made before registering ends too; someone
    /// not subscribed (or pending) changes nothing. For every topic it is the person's opt-out: see
    /// <see cref="CreateUnsubscribeTokenAsync"/> for what it covers and records. Idempotent.
    /// </summary>
    /// <param name="subject">The subject.</param>
    /// <param name="topicId">The topic id, or <see langword="null"/> for every topic.</param>
    /// <param name="evidence">Where the withdrawal was made (account page, staff, …).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many subscriptions were withdrawn, or <c>subscription.topic_unknown</c>, <c>subscription.contact_invalid</c>, <c>subscription.request_invalid</c>, <c>subscription.concurrency_conflict</c>.</returns>
    public async Task<Result<int>> UnsubscribeAsync(ConsentSubject subject, string? topicId, ConsentEvidence evidence, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(() => StartSpan(ShopKernelTelemetry.Spans.SubscriptionUnsubscribe, topicId), async Task<Result<int>> (_) =>
        {
            if (evidence is null || !evidence.IsWellFormed())
            {
                return SubscriptionErrors.RequestInvalid;
            }

            var target = Target(topicId, subject, topicRequired: false);
            if (!target.Succeeded)
            {
                return target.Error;
            }

            var (topic, normalized) = target.Value;
            if (topic is null)
            {
                return await OptOutAsync(normalized, evidence, cancellationToken).ConfigureAwait(false);
            }

            var scope = await ScopeAsync(normalized, cancellationToken).ConfigureAwait(false) ?? [normalized.Stored];
            return await WithdrawAsync(
                async ct => [.. (await _store.ListBySubjectsAsync(scope, ct).ConfigureAwait(false)).Where(s => s.Topic == topic.Id)],
                evidence,
                cancellationToken).ConfigureAwait(false);
        }, TagWithdrawn).ConfigureAwait(false));
    }

    /// <summary>
    /// Redeems a one-click unsubscribe token (RFC 8058), without sign-in: withdraws the subscription it names, or, for
    /// a token of every topic, opts the person out (see <see cref="CreateUnsubscribeTokenAsync"/>). Idempotent:
    /// redeeming it again succeeds and changes nothing.
    /// </summary>
    /// <param name="token">The token from the message.</param>
    /// <param name="evidence">The request's evidence (IP address, user agent) if the host keeps it; defaults to the unsubscribe link.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many subscriptions were withdrawn, or <c>subscription.token_invalid</c>, <c>subscription.token_expired</c>, <c>subscription.request_invalid</c>, <c>subscription.concurrency_conflict</c>.</returns>
    public async Task<Result<int>> RedeemUnsubscribeTokenAsync(string token, ConsentEvidence? evidence = null, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.SubscriptionUnsubscribe, async Task<Result<int>> (_) =>
        {
            evidence ??= new ConsentEvidence(ConsentSource.UnsubscribeLink);
            if (!evidence.IsWellFormed())
            {
                return SubscriptionErrors.RequestInvalid;
            }

            if (_tokens.TryOpen(token, TokenPurpose.UnsubscribeSubject, out var claim, out var expiresAt))
            {
                // The token carries the subject itself (encrypted), normalised again: the ledger has only its blind index.
                var subject = Normalize(ConsentSubject.FromClaim(claim), null);
                return !subject.Succeeded ? SubscriptionErrors.TokenInvalid
                    : Clock.UtcNow(_time) >= expiresAt ? SubscriptionErrors.TokenExpired
                    : await OptOutAsync(subject.Value.Subject, evidence, cancellationToken).ConfigureAwait(false);
            }

            if (!TokenSigner.TryRead(token, TokenPurpose.Unsubscribe, out var subscriptionId, out expiresAt))
            {
                return SubscriptionErrors.TokenInvalid;
            }

            var named = await _store.FindByIdAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
            if (named is null)
            {
                return SubscriptionErrors.TokenInvalid;
            }

            if (named.State == SubscriptionState.Redacted)
            {
                // The person was erased: there is nothing left to send to them, so the link has done its job.
                return 0;
            }

            if (!_tokens.Verify(token, Binding(named.Subject, named.Topic)))
            {
                return SubscriptionErrors.TokenInvalid;
            }

            if (Clock.UtcNow(_time) >= expiresAt)
            {
                return SubscriptionErrors.TokenExpired;
            }

            return await WithdrawAsync(
                async ct => await _store.FindByIdAsync(subscriptionId, ct).ConfigureAwait(false) is { } one ? [one] : [],
                evidence,
                cancellationToken).ConfigureAwait(false);
        }, TagWithdrawn).ConfigureAwait(false));
    }

    /// <summary>
    /// Issues a one-click unsubscribe token to put in a message: for a subject's subscription to a topic, or for
    /// every topic. A token for every topic needs no subscription and no round trip, so every message can carry one,
    /// an order confirmation to a guest who never subscribed included. Redeemed, it opts the person out: it withdraws
    /// every subscription of the person behind the subject (a customer and the contacts they verified; a contact and
    /// the customer whose profile has it), and records in the ledger, for each topic of the subject's channel not yet
    /// opted out of, that they asked for no mail, with where and when, so the choice is provable even for someone
    /// who never subscribed. Subscribing again later is a new, positive choice and takes effect as usual. The token
    /// carries the subject encrypted (AES-GCM under a key derived from the signing key); it cannot be read or altered
    /// without the key.
    /// </summary>
    /// <param name="subject">The subject.</param>
    /// <param name="topicId">The topic id, or <see langword="null"/> for a token that opts out of every topic.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The token, or <c>subscription.not_subscribed</c> when a topic is named and the ledger has nothing for the
    /// subject and topic, <c>subscription.topic_unknown</c>, <c>subscription.contact_invalid</c>.
    /// </returns>
    /// <exception cref="InvalidOperationException">No signing key is configured.</exception>
    public async Task<Result<UnsubscribeToken>> CreateUnsubscribeTokenAsync(ConsentSubject subject, string? topicId = null, CancellationToken cancellationToken = default)
    {
        var target = Target(topicId, subject, topicRequired: false);
        if (!target.Succeeded)
        {
            return _describer.Apply<UnsubscribeToken>(target.Error);
        }

        var (topic, normalized) = target.Value;
        if (topic is null)
        {
            var expiresAt = UnsubscribeExpiry();
            return _describer.Apply<UnsubscribeToken>(new UnsubscribeToken(_tokens.Seal(TokenPurpose.UnsubscribeSubject, normalized.Claim, expiresAt), expiresAt));
        }

        var subscription = await _store.FindAsync(normalized.Stored, topic.Id, cancellationToken).ConfigureAwait(false);
        return _describer.Apply<UnsubscribeToken>(subscription is null ? SubscriptionErrors.NotSubscribed : IssueUnsubscribe(subscription));
    }

    /// <summary>
    /// Where a person stands with a topic now, over the subjects that are theirs (a customer and the contacts they
    /// verified; a contact and the customer whose profile has it): subscribed when any of them is, else pending when
    /// any is, else unsubscribed when any withdrew. So a customer who subscribed as a guest before registering reads as
    /// subscribed once the address is verified. <see cref="GetProofAsync"/> gives each subject's own history.
    /// </summary>
    /// <param name="subject">The subject.</param>
    /// <param name="topicId">The topic id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The status (<see cref="SubscriptionState.NotSubscribed"/> when the ledger has nothing), or <c>subscription.topic_unknown</c>, <c>subscription.contact_invalid</c>.</returns>
    public async Task<Result<SubscriptionStatus>> GetStatusAsync(ConsentSubject subject, string topicId, CancellationToken cancellationToken = default)
    {
        var target = Target(topicId, subject, topicRequired: true);
        if (!target.Succeeded)
        {
            return _describer.Apply<SubscriptionStatus>(target.Error);
        }

        var (topic, normalized) = (target.Value.Topic!, target.Value.Subject);
        var scope = await ScopeAsync(normalized, cancellationToken).ConfigureAwait(false) ?? [normalized.Stored];
        var now = Clock.UtcNow(_time);
        var current = (await _store.ListBySubjectsAsync(scope, cancellationToken).ConfigureAwait(false))
            .Where(s => s.Topic == topic.Id)
            .OrderBy(s => State(s, now) switch
            {
                SubscriptionState.Subscribed => 0,
                SubscriptionState.Pending => 1,
                SubscriptionState.Unsubscribed => 2,
                _ => 3,
            })
            .ThenByDescending(s => s.ChangedAt)
            .FirstOrDefault();
        var state = State(current, now);
        return _describer.Apply<SubscriptionStatus>(new SubscriptionStatus(topic.Id, state, current?.ChangedAt, state == SubscriptionState.Pending ? current?.PendingExpiresAt : null));
    }

    /// <summary>
    /// The proof of a subject's consent for a topic: every ledger entry, oldest first, with its instant, source and
    /// evidence. For an erased person the history is found by the keyed hash of the identifier given, without it.
    /// </summary>
    /// <param name="actor">The member of staff looking it up; needs <see cref="StaffPermissions.SubscriptionsRead"/>, and the look-up is logged (the customer it concerns, never the contact).</param>
    /// <param name="subject">The subject.</param>
    /// <param name="topicId">The topic id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The proof (empty when the ledger has nothing), or <c>subscription.topic_unknown</c>, <c>subscription.contact_invalid</c>,
    /// <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>.
    /// </returns>
    public async Task<Result<ConsentProof>> GetProofAsync(StaffActor actor, ConsentSubject subject, string topicId, CancellationToken cancellationToken = default) =>
        _describer.Apply(await _access.RunAsync(
            actor,
            StaffPermissions.SubscriptionsRead,
            StaffOperations.SubscriptionProof,
            subject?.CustomerId,
            $"topic {topicId}; subject {subject?.Kind.ToString() ?? "none"}",
            ct => ProofCoreAsync(subject, topicId, ct),
            proof => proof.Events.Count,
            cancellationToken).ConfigureAwait(false));

    private async Task<Result<ConsentProof>> ProofCoreAsync(ConsentSubject? subject, string topicId, CancellationToken cancellationToken)
    {
        var target = Target(topicId, subject, topicRequired: true);
        if (!target.Succeeded)
        {
            return _describer.Apply<ConsentProof>(target.Error);
        }

        var (topic, normalized) = (target.Value.Topic!, target.Value.Subject);
        var stored = normalized.Stored;

        // The ledger names a guest by the blind index of the contact (entries appended before that, by the contact
        // itself): the entries name the subject as it was asked for.
        List<string> forms = normalized.LegacyStored is { } legacy ? [stored, legacy] : [stored];
        var events = (await _store.ReadHistoryAsync(forms, topic.Id, cancellationToken).ConfigureAwait(false))
            .Select(e => forms.Contains(e.Subject.Stored) ? e with { Subject = normalized } : e)
            .OrderBy(e => e.At).ThenBy(e => e.Sequence)
            .ToList();
        if (events.Count == 0 && ConsentRedactor.RedactedForms(_tokenOptions, stored) is { Count: > 0 } redacted)
        {
            // Entries appended before a key rotation were redacted to the older key's form: one history, in time order.
            events = [.. (await _store.ReadHistoryAsync(redacted, topic.Id, cancellationToken).ConfigureAwait(false)).OrderBy(e => e.At).ThenBy(e => e.Sequence)];
        }

        var state = ConsentStateMachine.Replay(events.Select(e => e.Kind));
        var lastRequest = events.LastOrDefault(e => e.Kind == ConsentEventKind.Requested);
        return _describer.Apply<ConsentProof>(new ConsentProof(topic.Id, ConsentStateMachine.Effective(state, lastRequest?.ExpiresAt, Clock.UtcNow(_time)), events));
    }

    /// <summary>
    /// The people a topic's message may be sent to now: subscribed, under the topic's and the global caps, in the
    /// segment when one is given (guests then drop out), and not blocked from marketing
    /// (<see cref="IMarketingSuppression"/>), nor reached at an export canary's contact (the
    /// <see cref="ExportOptions.CanaryEmailDomain"/> and its subdomains, the <see cref="ExportOptions.CanaryPhonePrefix"/>
    /// range); keyset-paged by subject. Each comes with where to send and a one-click
    /// unsubscribe token. Blocked people, customers without a contact for the channel and guests whose contact is on
    /// the profile of a customer subscribed to the topic (who is sent the message instead) are filtered out of each
    /// page, so a page may hold fewer than <paramref name="pageSize"/> while more follow. Eligibility is not a
    /// reservation: record each send with <see cref="RecordSendAsync"/>, which checks the cap atomically.
    /// </summary>
    /// <param name="actor">
    /// Who pulls the list — a member of staff, or the host's mailing job as a staff actor of its own; needs
    /// <see cref="StaffPermissions.SubscriptionsRead"/>, and each page is logged with its row count: a list of
    /// contacts is an export of the base.
    /// </param>
    /// <param name="topicId">The topic id.</param>
    /// <param name="segment">A customer segment to narrow to, or <see langword="null"/> for every subscriber.</param>
    /// <param name="after"><see cref="EligibleRecipientPage.Next"/> of the previous page, or <see langword="null"/>.</param>
    /// <param name="pageSize">The page size, 1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The page, or <c>subscription.topic_unknown</c>, <c>subscription.request_invalid</c>, <c>customer.segment_invalid</c>,
    /// <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>.
    /// </returns>
    public async Task<Result<EligibleRecipientPage>> ListEligibleRecipientsAsync(
        StaffActor actor, string topicId, CustomerSegment? segment = null, string? after = null, int pageSize = 100, CancellationToken cancellationToken = default) =>
        _describer.Apply(await _access.RunAsync(
            actor,
            StaffPermissions.SubscriptionsRead,
            StaffOperations.EligibleRecipients,
            null,
            $"topic {topicId}; {segment?.ToString() ?? "every subscriber"}{(after is null ? string.Empty : "; next page")}",
            ct => EligibleCoreAsync(topicId, segment, after, pageSize, ct),
            page => page.Items.Count,
            cancellationToken).ConfigureAwait(false));

    private async Task<Result<EligibleRecipientPage>> EligibleCoreAsync(string topicId, CustomerSegment? segment, string? after, int pageSize, CancellationToken cancellationToken)
    {
        if (!TryGetTopic(topicId, out var topic))
        {
            return _describer.Apply<EligibleRecipientPage>(SubscriptionErrors.TopicUnknown);
        }

        if (pageSize is < 1 or > MaxPageSize || after is { Length: 0 or > 300 })
        {
            return _describer.Apply<EligibleRecipientPage>(SubscriptionErrors.RequestInvalid);
        }

        if (segment?.Validate() is { Succeeded: false } invalid)
        {
            return _describer.Apply<EligibleRecipientPage>(invalid.Error);
        }

        var now = Clock.UtcNow(_time);
        var rows = await _store.ListEligibleAsync(new EligibleRecipientQuery(topic.Id, topic.Channel, Limits(topic, now), segment, after, pageSize), cancellationToken).ConfigureAwait(false);
        // An export canary is nobody: a message to it would tell the leaker's buyer it is a trap.
        var candidates = new List<(EligibleSubscription Row, ConsentSubject Subject, ConsentSubject? Contact)>(rows.Count);
        foreach (var row in rows.Where(r => r.SendTo is not null && !_canaries.Covers(r.SendTo)))
        {
            if (RecipientSubject(row, topic.Channel) is { } subject)
            {
                candidates.Add((row, subject, ContactSubject(row, topic.Channel)));
            }
        }

        // A guest whose contact a customer subscribed to the topic has on their profile gets the customer's message,
        // at the same mailbox or number: the person is sent it once, as the customer.
        var guests = candidates.Where(c => c.Row.Subscription.CustomerId is null).Select(c => c.Subject.Key).ToList();
        var covered = guests.Count == 0 ? null : await _store.FindSubscribedCustomerContactsAsync(topic.Id, topic.Channel, guests, cancellationToken).ConfigureAwait(false);
        if (covered is { Count: > 0 })
        {
            candidates.RemoveAll(c => c.Row.Subscription.CustomerId is null && covered.Contains(c.Subject.Key));
        }

        // A customer is asked about by id and by the contact they would be sent to, as a stop list may know either.
        var blocked = candidates.Count == 0
            ? null
            : await _suppression.FindSuppressedAsync([.. candidates.Select(c => c.Subject).Concat(candidates.Select(c => c.Contact).OfType<ConsentSubject>()).Distinct()], cancellationToken).ConfigureAwait(false);
        var items = candidates
            .Where(c => blocked is null || !(blocked.Contains(c.Subject) || (c.Contact is not null && blocked.Contains(c.Contact))))
            .Select(c => new EligibleRecipient(c.Subject, c.Row.Subscription.CustomerId, c.Row.SendTo!, IssueUnsubscribe(c.Row.Subscription)))
            .ToList();
        return _describer.Apply<EligibleRecipientPage>(new EligibleRecipientPage(items, rows.Count == pageSize ? rows[^1].Subscription.Subject : null));
    }

    /// <summary>
    /// Records that a topic's message is being sent to a subject, if the subject is subscribed and under the caps:
    /// checked atomically, so that concurrent senders cannot together pass a cap. Record before sending; send only on success.
    /// The caps are a person's: the sends to every subject whose messages reach the same mailbox or number count (a
    /// customer, and a guest subscription of the address or number on their profile).
    /// A guest subscription of an export canary's contact is never sent to: <c>subscription.not_subscribed</c>.
    /// </summary>
    /// <param name="subject">The subject.</param>
    /// <param name="topicId">The topic id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or <c>subscription.cap_reached</c>, <c>subscription.not_subscribed</c>, <c>subscription.topic_unknown</c>, <c>subscription.contact_invalid</c>.</returns>
    public async Task<Result> RecordSendAsync(ConsentSubject subject, string topicId, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(() => StartSpan(ShopKernelTelemetry.Spans.SubscriptionSend, topicId), async Task<Result> (_) =>
        {
            var target = Target(topicId, subject, topicRequired: true);
            if (!target.Succeeded)
            {
                return target.Error;
            }

            var (topic, normalized) = (target.Value.Topic!, target.Value.Subject);
            if (normalized is { Kind: ConsentSubjectKind.Email or ConsentSubjectKind.Phone } && _canaries.Covers(normalized.Key))
            {
                // Export canaries are never mailed, whoever subscribed them.
                return SubscriptionErrors.NotSubscribed;
            }

            // The caps are the person's: sends to every subject whose messages reach the same mailbox or number count.
            var stored = normalized.Stored;
            var person = await ScopeAsync(normalized, cancellationToken, topic.Channel).ConfigureAwait(false) ?? [stored];
            var now = Clock.UtcNow(_time);
            var outcome = await _store.RecordSendAsync(stored, person, topic.Id, now, Limits(topic, now), cancellationToken).ConfigureAwait(false);
            if (!outcome.IsStored)
            {
                SubscriptionLog.SendRefused(_logger, topic.Id, outcome.Status);
            }

            return outcome.Status switch
            {
                StoreWriteStatus.Stored => Result.Success,
                StoreWriteStatus.CapReached => SubscriptionErrors.CapReached,
                _ => SubscriptionErrors.NotSubscribed,
            };
        }).ConfigureAwait(false));
    }
}
