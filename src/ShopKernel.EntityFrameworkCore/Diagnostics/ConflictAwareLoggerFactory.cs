using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ShopKernel.EntityFrameworkCore.Diagnostics;

/// <summary>
/// The host's logger factory as the host's context sees it, except that EF Core's "command failed", "connection
/// failed" and "saving changes failed" errors raised inside an <see cref="ExpectedConflict"/> are held by that scope
/// (and written at Debug when the store resolved the conflict). Every other entry, and every entry outside a scope, passes through
/// unchanged, so a real failure still logs as an error.
/// </summary>
internal sealed class ConflictAwareLoggerFactory : ILoggerFactory
{
    private static readonly ConditionalWeakTable<ILoggerFactory, ConflictAwareLoggerFactory> Wrappers = [];

    private readonly ILoggerFactory _inner;

    private ConflictAwareLoggerFactory(ILoggerFactory inner) => _inner = inner;

    /// <summary>
    /// One wrapper per host factory, so EF Core sees the same factory on every options build and keeps one internal
    /// service provider.
    /// </summary>
    public static ILoggerFactory Wrap(ILoggerFactory factory) =>
        factory as ConflictAwareLoggerFactory ?? Wrappers.GetValue(factory, static inner => new ConflictAwareLoggerFactory(inner));

    public ILogger CreateLogger(string categoryName)
    {
        var logger = _inner.CreateLogger(categoryName);
        return categoryName == DbLoggerCategory.Database.Command.Name || categoryName == DbLoggerCategory.Update.Name
            || categoryName == DbLoggerCategory.Database.Connection.Name
            ? new ConflictAwareLogger(logger)
            : logger;
    }

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    public void Dispose()
    {
        // The host owns the factory it wraps.
    }

    private sealed class ConflictAwareLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && logLevel != LogLevel.None && IsConflictEvent(eventId) && ExpectedConflict.Current is { } scope)
            {
                scope.Hold(resolved => inner.Log(resolved ? LogLevel.Debug : logLevel, eventId, state, exception, formatter));
                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }

        private static bool IsConflictEvent(EventId eventId) =>
            eventId.Id == RelationalEventId.CommandError.Id || eventId.Id == CoreEventId.SaveChangesFailed.Id
            || eventId.Id == RelationalEventId.ConnectionError.Id;
    }
}
