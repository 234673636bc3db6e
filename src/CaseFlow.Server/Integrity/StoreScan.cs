using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Platform;
using Marten;
using Npgsql;

namespace CaseFlow.Server.Integrity;

/// <summary>Every stored event as the store verification sees it, and what its chain check found.</summary>
public sealed record ScannedStore(IReadOnlyList<SegmentEntry> Events, long Streams, IReadOnlyList<IntegrityFinding> Findings);

/// <summary>
/// Reads every event of the store once, in parallel over ranges of stream ids (each range in stream and version order
/// on a connection of its own), recomputes every event's hash with the stored hash of the event before it, and checks
/// that versions follow each other: an edited event is named by itself, not by every event after it.
/// </summary>
public sealed class StoreScan(IDocumentStore store)
{
    private const string Columns = $"select {StoredChainLink.Columns} ";

    // A range's bounds without an OR, so PostgreSQL walks the (stream_id, version) index in order and sorts nothing.
    private static readonly string Sql = Columns + $"from {PersistenceSetup.SchemaName}.mt_events where stream_id >= $1 and stream_id < $2 order by stream_id, version";
    private static readonly string LastRangeSql = Columns + $"from {PersistenceSetup.SchemaName}.mt_events where stream_id >= $1 order by stream_id, version";

    public async Task<long> CountEvents(CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select count(*) from {PersistenceSetup.SchemaName}.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task<ScannedStore> Run(Action<long> eventsRead, CancellationToken ct)
    {
        var ranges = Math.Max(2, Environment.ProcessorCount * 2);
        var parts = await Task.WhenAll(Enumerable.Range(0, ranges).Select(i => Task.Run(() => ScanRange(i, ranges, eventsRead, ct), ct)));
        return new ScannedStore(
            parts.SelectMany(p => p.Events).ToList(), parts.Sum(p => p.Streams), parts.SelectMany(p => p.Findings).ToList());
    }

    private async Task<ScannedStore> ScanRange(int index, int ranges, Action<long> eventsRead, CancellationToken ct)
    {
        var events = new List<SegmentEntry>();
        var findings = new List<IntegrityFinding>();
        long streams = 0;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        var last = index == ranges - 1;
        await using var command = new NpgsqlCommand(last ? LastRangeSql : Sql, connection) { Parameters = { new() { Value = Boundary(index, ranges) } } };
        if (!last)
            command.Parameters.Add(new() { Value = Boundary(index + 1, ranges) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        Guid? stream = null;
        long previousVersion = 0;
        var previousHash = EventChain.Genesis;
        var unreported = 0;
        while (await reader.ReadAsync(ct))
        {
            var (sequence, streamId, version, link, stored) = StoredChainLink.Read(reader);
            if (streamId != stream)
            {
                (stream, previousVersion, previousHash) = (streamId, 0, EventChain.Genesis);
                streams++;
            }

            if (version != previousVersion + 1)
                findings.Add(new IntegrityFinding(FindingKinds.VersionGap, streamId, previousVersion + 1, null, $"the stream goes from version {previousVersion} to {version}"));
            if (EventChain.Hash(previousHash, link) != stored)
                findings.Add(new IntegrityFinding(FindingKinds.HashMismatch, streamId, version, sequence, "the event's hash does not hold over its stored content and the hash before it"));
            events.Add(new SegmentEntry(sequence, streamId, version, stored ?? ""));
            (previousVersion, previousHash) = (version, stored ?? "");
            if (++unreported == 1000)
            {
                eventsRead(unreported);
                unreported = 0;
            }
        }

        eventsRead(unreported);
        return new ScannedStore(events, streams, findings);
    }

    /// <summary>The first stream id of range <paramref name="index"/> of <paramref name="ranges"/> equal ranges (PostgreSQL orders uuids by their bytes).</summary>
    private static Guid Boundary(int index, int ranges)
    {
        var first = (uint)((ulong)index * 0x1_0000_0000UL / (ulong)ranges);
        var bytes = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, first);
        return new Guid(bytes, bigEndian: true);
    }
}
