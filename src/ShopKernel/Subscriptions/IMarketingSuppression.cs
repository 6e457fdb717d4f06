namespace ShopKernel.Subscriptions;

/// <summary>
/// Says which people are blocked from marketing (e.g. by the shop's stop list), so that eligible recipients leave
/// them out. The default suppresses nobody; a stop list registers its own.
/// </summary>
public interface IMarketingSuppression
{
    /// <summary>
    /// Which of <paramref name="subjects"/> — customers, normalised e-mail addresses, E.164 phone numbers — are
    /// blocked from marketing; in one round trip for the whole batch.
    /// </summary>
    /// <param name="subjects">The subjects of one page of recipients.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The blocked ones among them.</returns>
    Task<IReadOnlySet<ConsentSubject>> FindSuppressedAsync(IReadOnlyCollection<ConsentSubject> subjects, CancellationToken cancellationToken = default);
}
