using ShopKernel.Customers;

namespace ShopKernel.Subscriptions;

/// <summary>
/// Stores the consent ledger, its current-state projection and the record of sends. The ledger is append-only: this
/// port has no way to change or delete an entry (erasure redacts through <see cref="ICustomerStore.EraseAsync"/>).
/// </summary>
public interface IConsentStore
{
    /// <summary>Finds a subject's subscription to a topic.</summary>
    /// <param name="subject">The subject in stored form.</param>
    /// <param name="topic">The topic id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The subscription, or <see langword="null"/> when the ledger has nothing.</returns>
    Task<SubscriptionSnapshot?> FindAsync(string subject, string topic, CancellationToken cancellationToken = default);

    /// <summary>Finds a subscription by id.</summary>
    /// <param name="subscriptionId">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The subscription, or <see langword="null"/>.</returns>
    Task<SubscriptionSnapshot?> FindByIdAsync(Guid subscriptionId, CancellationToken cancellationToken = default);

    /// <summary>Lists the subscriptions of any of the subjects, by subject and topic.</summary>
    /// <param name="subjects">The subjects in stored form.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The subscriptions.</returns>
    Task<IReadOnlyList<SubscriptionSnapshot>> ListBySubjectsAsync(IReadOnlyCollection<string> subjects, CancellationToken cancellationToken = default);

    /// <summary>Finds a ledger entry by id.</summary>
    /// <param name="eventId">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    Task<ConsentEvent?> FindEventAsync(Guid eventId, CancellationToken cancellationToken = default);

    /// <summary>Reads the ledger entries of any of the subjects, by subject, topic and sequence.</summary>
    /// <param name="subjects">The subjects in stored form.</param>
    /// <param name="topic">The topic id, or <see langword="null"/> for every topic.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<ConsentEvent>> ReadHistoryAsync(IReadOnlyCollection<string> subjects, string? topic, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends ledger entries and writes the projections they lead to, all in one transaction, if every
    /// subscription's stored version is still its <see cref="ConsentAppend.ExpectedVersion"/>.
    /// </summary>
    /// <param name="appends">The entries per subscription.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Stored, or <see cref="StoreWriteStatus.Conflict"/> when a subscription changed meanwhile: nothing was stored.</returns>
    ValueTask<StoreWrite> AppendAsync(IReadOnlyList<ConsentAppend> appends, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the topic's subscribed subjects that are under every limit (and in the segment, when given), by stored
    /// subject, with the contact to send to (a customer's profile contact for the channel).
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The subscriptions, each with the contact to send to.</returns>
    Task<IReadOnlyList<EligibleSubscription>> ListEligibleAsync(EligibleRecipientQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Which of the given contacts are the profile contact (normalised e-mail key, or E.164 phone number, by the
    /// channel) of a customer whose own subscription to the topic is active.
    /// </summary>
    /// <param name="topic">The topic id.</param>
    /// <param name="channel">The topic's channel: which profile contact the contacts are compared with.</param>
    /// <param name="contacts">The contacts, normalised as a guest subject stores them.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The contacts that are such a customer's.</returns>
    Task<IReadOnlySet<string>> FindSubscribedCustomerContactsAsync(string topic, SubscriptionChannel channel, IReadOnlyCollection<string> contacts, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a send atomically: only if the subject is subscribed to the topic and the sends to the
    /// <paramref name="person"/>'s subjects are under every limit, checked so that concurrent sends to any of those
    /// subjects cannot together pass a limit.
    /// </summary>
    /// <param name="subject">The subject in stored form.</param>
    /// <param name="person">The stored subjects whose sends count against the limits: <paramref name="subject"/> and those whose messages reach the same person.</param>
    /// <param name="topic">The topic id.</param>
    /// <param name="at">The instant of the send.</param>
    /// <param name="limits">The cap's limits.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Stored; <see cref="StoreWriteStatus.NotSubscribed"/>; or <see cref="StoreWriteStatus.CapReached"/> when
    /// <see cref="SendLimit.AnyReached"/> says so of the person's sends.
    /// </returns>
    ValueTask<StoreWrite> RecordSendAsync(string subject, IReadOnlyCollection<string> person, string topic, DateTimeOffset at, IReadOnlyList<SendLimit> limits, CancellationToken cancellationToken = default);
}
