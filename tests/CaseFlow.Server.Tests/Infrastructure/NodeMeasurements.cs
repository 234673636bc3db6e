using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>One measurement of an instrument of one node's meter: its value and tags.</summary>
public sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// What the instruments of one meter of one node measured, as a <see cref="MeterListener"/> hears it: a process runs many
/// hosts (the fixture's, other tests' nodes), each with a meter of the same name, and only the meter that node's
/// <see cref="IMeterFactory"/> made is this node's. Also which instruments the meter published, with their units.
/// </summary>
public sealed class NodeMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measured> _measured = new();
    private readonly ConcurrentDictionary<(string Name, string? Unit, string Kind), byte> _published = new();
    private readonly string _meterName;
    private volatile IMeterFactory? _node;

    public NodeMeasurements(string meterName)
    {
        _meterName = meterName;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name != meterName)
                return;
            _published.TryAdd((instrument.Name, instrument.Unit, instrument.GetType().Name), 0);
            listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<(string Name, string? Unit, string Kind)> Published => [.. _published.Keys];

    /// <summary>From now on, only the meter of this node's meter factory is heard.</summary>
    public void Follow(IMeterFactory node) => _node = node;

    /// <summary>Asks every observable instrument for its value now; earlier observations are forgotten.</summary>
    public IReadOnlyList<Measured> Observe()
    {
        var before = _measured.Count;
        _listener.RecordObservableInstruments();
        return [.. _measured.Skip(before)];
    }

    public IReadOnlyList<Measured> All => [.. _measured];

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_node is null || !ReferenceEquals(instrument.Meter.Scope, _node) || instrument.Meter.Name != _meterName)
            return;
        var copy = new Dictionary<string, string>();
        foreach (var (key, tag) in tags)
            copy[key] = tag?.ToString() ?? "";
        _measured.Enqueue(new Measured(instrument.Name, value, copy));
    }

    public void Dispose() => _listener.Dispose();
}

public static class MeasuredExtensions
{
    public static IEnumerable<Measured> Of(this IEnumerable<Measured> measured, string instrument, params (string Key, string Value)[] tags) =>
        measured.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && v == t.Value));

    public static double Sum(this IEnumerable<Measured> measured, string instrument, params (string Key, string Value)[] tags) =>
        measured.Of(instrument, tags).Sum(m => m.Value);
}
