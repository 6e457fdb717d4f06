using ShopKernel.Subscriptions;

namespace ShopKernel.Customers;

/// <summary>
/// Stores customers. One customer per verified normalised e-mail, per verified phone and per external subject (unique
/// indexes); unverified contacts are claims several customers may hold.
/// </summary>
public interface ICustomerStore
{
    /// <summary>Finds a customer by id.</summary>
    /// <param name="customerId">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The customer, or <see langword="null"/>.</returns>
    Task<Customer?> FindByIdAsync(CustomerId customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the customers holding a contact: the one who verified it (at most one) first, then those whose unverified
    /// claim on it was made at or after <paramref name="liveClaimsSince"/>, newest claim first.
    /// </summary>
    /// <param name="kind">Which contact.</param>
    /// <param name="key">The normalised e-mail, or the phone number in E.164.</param>
    /// <param name="liveClaimsSince">The oldest unverified claim to include; <see cref="DateTimeOffset.MaxValue"/> for the verified holder only.</param>
    /// <param name="limit">The most customers to return (at least 1).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The holders, verified first; empty when none.</returns>
    Task<IReadOnlyList<Customer>> FindByContactAsync(ContactKind kind, string key, DateTimeOffset liveClaimsSince, int limit, CancellationToken cancellationToken = default);

    /// <summary>Finds a customer by the subject id of the host's identity provider.</summary>
    /// <param name="externalSubject">The subject id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The customer, or <see langword="null"/>.</returns>
    Task<Customer?> FindByExternalSubjectAsync(string externalSubject, CancellationToken cancellationToken = default);

    /// <summary>Stores a new customer.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Stored, or <see cref="StoreWriteStatus.Duplicate"/> when the subject, or a verified e-mail or phone, is taken.</returns>
    ValueTask<StoreWrite> CreateAsync(Customer customer, CancellationToken cancellationToken = default);

    /// <summary>Stores a changed customer if its stored version is still <paramref name="expectedVersion"/>.</summary>
    /// <param name="customer">The customer, already carrying its new version.</param>
    /// <param name="expectedVersion">The version the change was made on.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Stored; <see cref="StoreWriteStatus.Conflict"/> when another writer came first; <see cref="StoreWriteStatus.Duplicate"/>
    /// when the subject, or a verified e-mail or phone, is another customer's.
    /// </returns>
    ValueTask<StoreWrite> UpdateAsync(Customer customer, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a customer whose e-mail or phone was just verified (if its stored version is still
    /// <paramref name="expectedVersion"/>) and, in the same transaction, removes that contact from every other customer
    /// who holds it unverified (their claim is dropped, their version moves on), links the guest orders placed with it
    /// to the customer and adds them to the customer's purchase facts.
    /// </summary>
    /// <param name="customer">The customer, already marked verified and carrying its new version.</param>
    /// <param name="expectedVersion">The version the change was made on.</param>
    /// <param name="emailKey">The verified normalised e-mail whose guest orders to link, or <see langword="null"/>.</param>
    /// <param name="phone">The verified phone in E.164 whose guest orders to link, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Stored with how many orders were linked and claims dropped; <see cref="StoreWriteStatus.Duplicate"/> when another
    /// customer verified the contact first; <see cref="StoreWriteStatus.Conflict"/> when the customer, or a guest order or
    /// the purchase facts the link writes, changed meanwhile (the caller tries again on fresh rows).
    /// </returns>
    ValueTask<StoreWrite<VerifiedContactChanges>> VerifyContactAsync(Customer customer, long expectedVersion, string? emailKey, string? phone, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases a person in one transaction: deletes the customer, their purchase facts and carts, and anonymises their
    /// orders and the guest orders placed with the given verified contacts as <paramref name="orders"/> says, and
    /// redacts the consent ledger of the given subjects (a <see cref="Subscriptions.ConsentEventKind.Redacted"/> entry
    /// per subscription; identifiers replaced, IP addresses and user agents removed; sends forgotten). Idempotent.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="emailKey">A verified normalised e-mail whose guest orders to anonymise too, or <see langword="null"/>.</param>
    /// <param name="phone">A verified phone in E.164 whose guest orders to anonymise too, or <see langword="null"/>.</param>
    /// <param name="orders">What each anonymised order keeps, decided by the caller.</param>
    /// <param name="consentRedactions">The consent ledger subjects to redact, with their replacements.</param>
    /// <param name="access">
    /// The erasure's access-log entry, written in the same transaction, in which the details of the customer's earlier
    /// access-log entries (what staff searched for) are removed too; or <see langword="null"/> to leave the log alone.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Stored with what was erased; or <see cref="StoreWriteStatus.Conflict"/>, with nothing erased, when the customer's
    /// orders changed while they were being anonymised (the caller tries again on fresh rows); or
    /// <see cref="StoreWriteStatus.Duplicate"/> with <see cref="Staff.AccessLogKeys.Sequence"/>, nothing erased, when
    /// the entry's sequence was taken.
    /// </returns>
    ValueTask<StoreWrite<CustomerErasure>> EraseAsync(CustomerId customerId, string? emailKey, string? phone, OrderAnonymisation orders, IReadOnlyList<ConsentRedaction> consentRedactions, Staff.AccessLogEntry? access, CancellationToken cancellationToken = default);
}
