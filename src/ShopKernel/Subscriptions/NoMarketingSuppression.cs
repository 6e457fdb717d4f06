namespace ShopKernel.Subscriptions;

/// <summary>The default <see cref="IMarketingSuppression"/>: nobody is blocked.</summary>
internal sealed class NoMarketingSuppression : IMarketingSuppression
{
    private static readonly IReadOnlySet<ConsentSubject> None = new HashSet<ConsentSubject>();

    public Task<IReadOnlySet<ConsentSubject>> FindSuppressedAsync(IReadOnlyCollection<ConsentSubject> subjects, CancellationToken cancellationToken = default) =>
        Task.FromResult(None);
}
