using ShopKernel.Subscriptions;

namespace ShopKernel.StopList;

/// <summary>
/// <see cref="IMarketingSuppression"/> over the stop list: a subscriber is blocked from marketing when an active
/// <see cref="StopListScope.BlockMarketing"/> entry matches them. Registered by <c>AddStopList()</c>.
/// </summary>
internal sealed class StopListMarketingSuppression(StopListService stopList) : IMarketingSuppression
{
    public async Task<IReadOnlySet<ConsentSubject>> FindSuppressedAsync(IReadOnlyCollection<ConsentSubject> subjects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var asked = new Dictionary<StopListSubject, ConsentSubject>();
        foreach (var subject in subjects)
        {
            StopListSubject? key = subject.Kind switch
            {
                ConsentSubjectKind.Customer => new StopListSubject(StopListKeyKind.Customer, subject.Key),
                ConsentSubjectKind.Email => StopListSubject.ForEmailKey(subject.Key),
                ConsentSubjectKind.Phone => StopListSubject.ForPhone(subject.Key),
                _ => null,
            };
            if (key is { } k)
            {
                asked[k] = subject;
            }
        }

        var blocked = await stopList.FindMarketingBlockedAsync(asked.Keys, cancellationToken).ConfigureAwait(false);
        return blocked.Select(b => asked[b]).ToHashSet();
    }
}
