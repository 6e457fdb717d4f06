using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ShopKernel.Specifications.Infrastructure;

/// <summary>Keeps every log message (rendered, with its exception and scope values) for tests to search.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private IExternalScopeProvider? _scopes;

    /// <summary>Every entry as one line: level, category, message, exception and state and scope values.</summary>
    public IReadOnlyCollection<string> Messages => _entries.Select(e => e.Text).ToList();

    /// <summary>Every entry, in the order written.</summary>
    public IReadOnlyCollection<LogEntry> Entries => _entries;

    /// <summary>The entries at <paramref name="level"/> or above.</summary>
    public IReadOnlyList<LogEntry> AtOrAbove(LogLevel level) => [.. _entries.Where(e => e.Level >= level && e.Level != LogLevel.None)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Clear() => _entries.Clear();

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var text = new System.Text.StringBuilder($"{logLevel} {category}: {message} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(" | ").Append(key).Append('=').Append(value);
                }
            }

            provider._scopes?.ForEachScope((scope, builder) => builder.Append(" | scope ").Append(scope), text);
            provider._entries.Enqueue(new LogEntry(logLevel, category, eventId, message, exception, text.ToString()));
        }
    }
}

/// <summary>One captured log entry.</summary>
public sealed record LogEntry(LogLevel Level, string Category, EventId EventId, string Message, Exception? Exception, string Text)
{
    public override string ToString() => Text;
}
