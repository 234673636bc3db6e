using Microsoft.Extensions.Logging;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>
/// A logger provider for a test node that completes <see cref="Logged"/> at the first record of
/// <paramref name="category"/> at <paramref name="level"/> or above: a test waits for what the node reports, not a while.
/// </summary>
public sealed class LogSignal(string category, LogLevel level) : ILoggerProvider
{
    private readonly TaskCompletionSource _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Logged => _logged.Task;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName == category ? this : null);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSignal? signal) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => signal?.Signals(logLevel) == true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                signal!._logged.TrySetResult();
        }
    }

    private bool Signals(LogLevel logLevel) => logLevel >= level;
}
