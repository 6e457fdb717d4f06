namespace ShopKernel.Concurrency;

/// <summary>
/// The one optimistic-concurrency retry loop: runs an attempt on fresh data until it has an answer or the policy
/// says stop. An attempt returns its answer, or <see langword="null"/> when it lost a race and may be tried again.
/// </summary>
internal static class OptimisticRetry
{
    /// <summary>Runs <paramref name="attempt"/> (given its number, from zero) until it answers or <paramref name="policy"/> is spent.</summary>
    /// <param name="policy">How many attempts, and the wait between them.</param>
    /// <param name="attempt">One try on fresh data: the answer, or <see langword="null"/> after a lost race.</param>
    /// <param name="exhausted">The answer when every attempt lost its race (the capability's conflict error).</param>
    /// <param name="retrying">Called before each retry with the number of the attempt that lost (metrics, logs).</param>
    /// <param name="cancellationToken">Cancels the waits.</param>
    internal static async Task<T> RunAsync<T>(
        RetryPolicy policy,
        Func<int, CancellationToken, Task<T?>> attempt,
        T exhausted,
        Action<int>? retrying,
        CancellationToken cancellationToken)
        where T : struct
    {
        for (var number = 0; ; number++)
        {
            if (await attempt(number, cancellationToken).ConfigureAwait(false) is { } answer)
            {
                return answer;
            }

            if (policy.IsLast(number))
            {
                return exhausted;
            }

            retrying?.Invoke(number);
            await policy.DelayAsync(number, cancellationToken).ConfigureAwait(false);
        }
    }
}
