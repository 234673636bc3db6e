using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>
/// Every log record the test host writes (message, state, exception), every span any source starts in this
/// process (name, tags, events) and every distinct metric instrument and tag set measured, as text, so a test can
/// search them for values that must never appear. Alba's own spans are left out: they are the test client's record
/// of the URL it sent, not anything the server keeps.
/// </summary>
public sealed class CapturedTelemetry : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _records = new();
    private readonly ConcurrentDictionary<string, byte> _measurements = new();
    private readonly ActivityListener _listener;
    private readonly MeterListener _meters = new();

    public CapturedTelemetry()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name != "Alba",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _records.Enqueue(Describe(activity)),
        };
        ActivitySource.AddActivityListener(_listener);

        _meters.InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument);
        _meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Measured(instrument, tags));
        _meters.SetMeasurementEventCallback<int>((instrument, _, tags, _) => Measured(instrument, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Measured(instrument, tags));
        _meters.Start();
    }

    public string Text => string.Join('\n', _records.Concat(_measurements.Keys));

    /// <summary>Whether a metric of this meter was measured: the search must have covered metrics.</summary>
    public bool Measured(string meterName) => _measurements.Keys.Any(m => m.StartsWith(meterName + " ", StringComparison.Ordinal));

    // Values are numbers; what could carry an identifier is an instrument's name and its tags. Kept once per distinct set.
    private void Measured(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = new StringBuilder(instrument.Meter.Name).Append(' ').Append(instrument.Name);
        foreach (var (key, value) in tags)
            text.Append(' ').Append(key).Append('=').Append(value);
        _measurements.TryAdd(text.ToString(), 0);
    }

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

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
    }

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
