namespace ShopKernel.Concurrency;

/// <summary>
/// How many times a use case tries after losing an optimistic-concurrency race, and whether it waits a randomised,
/// growing moment between tries (which spreads many writers racing for one aggregate).
/// </summary>
/// <param name="MaxAttempts">How many attempts in all, the first included; at least one.</param>
/// <param name="BackOff">Whether to wait a jittered, growing delay (1 to 32 ms) before each retry.</param>
internal readonly record struct RetryPolicy(int MaxAttempts, bool BackOff)
{
    /// <summary>A policy of <paramref name="maxAttempts"/> attempts in all, retried at once.</summary>
    internal static RetryPolicy Attempts(int maxAttempts) => new(Math.Max(1, maxAttempts), BackOff: false);

    /// <summary>A policy of a first attempt and up to <paramref name="maxRetries"/> retries.</summary>
    internal static RetryPolicy Retries(int maxRetries, bool backOff) => new(Math.Max(0, maxRetries) + 1, backOff);

    /// <summary>Whether the attempt numbered <paramref name="attempt"/> (from zero) is the last one allowed.</summary>
    internal bool IsLast(int attempt) => attempt + 1 >= MaxAttempts;

    /// <summary>Waits before the retry that follows the attempt numbered <paramref name="attempt"/> (from zero).</summary>
    internal Task DelayAsync(int attempt, CancellationToken cancellationToken)
    {
        if (!BackOff)
        {
            return Task.CompletedTask;
        }

        var ceiling = Math.Min(1 << Math.Min(attempt, 5), 32);
        return Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, ceiling + 1)), cancellationToken);
    }
}
