using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Rp.Frontend.Tests.Logging;

/// <summary>Every log line the RP writes, with the text of every scope it was written in.</summary>
public sealed class CapturedLog : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<Line> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<Line> Lines => lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    public sealed record Line(string Category, LogLevel Level, string Message, string Scopes, string? Exception)
    {
        public string All => $"{Category} {Message} {Scopes} {Exception}";
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => log.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopeText = new List<string>();
            log.scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? ""), scopeText);
            log.lines.Enqueue(new Line(category, logLevel, formatter(state, exception), string.Join(" | ", scopeText), exception?.ToString()));
        }
    }
}
