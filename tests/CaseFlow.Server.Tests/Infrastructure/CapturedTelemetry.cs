using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>
/// Every log record the test host writes (message, state, exception) and every span any source starts in this
/// process (name, tags, events), as text, so a test can search them for values that must never appear. Alba's own
/// spans are left out: they are the test client's record of the URL it sent, not anything the server keeps.
/// </summary>
public sealed class CapturedTelemetry : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _records = new();
    private readonly ActivityListener _listener;

    public CapturedTelemetry()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name != "Alba",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _records.Enqueue(Describe(activity)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public string Text => string.Join('\n', _records);

    private static string Describe(Activity activity)
    {
        var text = new StringBuilder(activity.Source.Name).Append(' ').Append(activity.DisplayName);
        foreach (var (key, value) in activity.TagObjects)
            text.Append(' ').Append(key).Append('=').Append(value);
        foreach (var e in activity.Events)
        {
            text.Append(' ').Append(e.Name);
            foreach (var (key, value) in e.Tags)
                text.Append(' ').Append(key).Append('=').Append(value);
        }

        return text.ToString();
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _records);

    public void Dispose() => _listener.Dispose();

    private sealed class Logger(string category, ConcurrentQueue<string> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            records.Enqueue($"{category} scope {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            records.Enqueue($"{category} {logLevel} {formatter(state, exception)} {state} {exception}");
    }
}
