using System.Globalization;
using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Platform;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CaseFlow.Server.Integrity.Checkpoints;

/// <summary>What a signing round did: the checkpoints it wrote, the latest one, or why it signed nothing.</summary>
public sealed record SigningOutcome(IReadOnlyList<SignedCheckpoint> Signed, SignedCheckpoint? Latest, IReadOnlyList<IntegrityFinding> Refusal);

/// <summary>
/// Signs the events since the last checkpoint, up to the projection daemon's high-water mark (below it no event is
/// still committing, so a missing sequence number there is a gap, not an event on its way), after checking each of
/// them: its hash over its stored content and the head before it, its version right after that head. Rounds are
/// serialised across the nodes by a PostgreSQL advisory lock, and the chain of checkpoints is read from the folder
/// under it, so two nodes never sign the same number.
/// </summary>
public sealed class CheckpointSigner(IDocumentStore store, Checkpointing checkpointing, IOptions<CheckpointOptions> options, TimeProvider clock,
    Operations.CaseFlowMetrics metrics, ILogger<CheckpointSigner> log)
{
    private const long AdvisoryLock = 0x43_46_43_48_4b_50_54; // "CFCHKPT"

    private static readonly string HighWaterSql =
        $"select coalesce(max(last_seq_id), 0) from {PersistenceSetup.SchemaName}.mt_event_progression where name = 'HighWaterMark'";

    private static readonly string SegmentSql =
        $"select {StoredChainLink.Columns} " +
        $"from {PersistenceSetup.SchemaName}.mt_events where seq_id > $1 and seq_id <= $2 order by seq_id limit $3";

    private readonly SemaphoreSlim _round = new(1, 1);
    private readonly CheckpointLedger _ledger = new(keepCovered: false);
    private SignedCheckpoint? _latest;

    /// <summary>Signs every segment up to the high-water mark (several when the backlog exceeds the segment limit).</summary>
    public async Task<SigningOutcome> Sign(CancellationToken ct)
    {
        if (!checkpointing.CanSign)
            throw new InvalidOperationException("This node has no checkpoint signing key and folder.");
        var (key, folder) = (checkpointing.Key!, checkpointing.Folder!);
        await _round.WaitAsync(ct);
        try
        {
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await Scalar(connection, $"select pg_advisory_xact_lock({AdvisoryLock})", ct);
            foreach (var written in folder.Read(_ledger.Last?.Number ?? 0))
            {
                _ledger.Append(written, signatureValid: true);
                _latest = written;
            }

            var highWater = (long)(await Scalar(connection, HighWaterSql, ct))!;
            var signed = new List<SignedCheckpoint>();
            while (_ledger.ThroughSequence < highWater)
            {
                var (segment, through, refusal) = await Segment(connection, highWater, ct);
                if (refusal.Count > 0)
                {
                    metrics.CheckpointsSigned(signed.Count);
                    metrics.CheckpointRefused();
                    log.LogError("Checkpoint {Number} not signed: {Findings} events of the segment do not verify, the first {Kind} at stream {Stream} version {Version} sequence {Sequence}",
                        _ledger.Last?.Number + 1 ?? 1, refusal.Count, refusal[0].Kind, refusal[0].Stream, refusal[0].Version, refusal[0].Sequence);
                    return new SigningOutcome(signed, _latest, refusal);
                }

                var checkpoint = Checkpoint(key, segment, through);
                folder.Write(checkpoint);
                _ledger.Append(checkpoint, signatureValid: true);
                _latest = checkpoint;
                signed.Add(checkpoint);
                log.LogInformation("Signed checkpoint {Number}: {Events} events through sequence {Through}, {Streams} streams",
                    checkpoint.Header.Number, checkpoint.Header.Events, through, checkpoint.Header.Streams);
            }

            await transaction.CommitAsync(ct);
            metrics.CheckpointsSigned(signed.Count);
            return new SigningOutcome(signed, _latest, []);
        }
        finally
        {
            _round.Release();
        }
    }

    private SignedCheckpoint Checkpoint(CheckpointKey key, IReadOnlyList<SegmentEntry> segment, long through)
    {
        var heads = new Dictionary<Guid, StreamHead>(_ledger.Heads);
        foreach (var entry in segment)
            heads[entry.Stream] = new StreamHead(entry.Stream, entry.Version, entry.Hash);
        var header = new CheckpointHeader(
            (_ledger.Last?.Number ?? 0) + 1, _ledger.Last?.Digest() ?? "", clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            _ledger.ThroughSequence, through, segment.Count, CheckpointHeader.DigestOf(segment), heads.Count,
            MerkleTree.Root(MerkleTree.Order(heads.Values)), key.Id);
        return new SignedCheckpoint(header, key.Sign(header.Canonical()), segment);
    }

    /// <summary>The next segment (at most the segment limit's events), each event checked against the head before it.</summary>
    private async Task<(IReadOnlyList<SegmentEntry> Segment, long Through, IReadOnlyList<IntegrityFinding> Refusal)> Segment(
        NpgsqlConnection connection, long highWater, CancellationToken ct)
    {
        var limit = options.Value.SegmentLimit;
        var segment = new List<SegmentEntry>();
        var refusal = new List<IntegrityFinding>();
        var heads = new Dictionary<Guid, StreamHead>();
        await using var command = new NpgsqlCommand(SegmentSql, connection)
        {
            Parameters = { new() { Value = _ledger.ThroughSequence }, new() { Value = highWater }, new() { Value = limit } },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (sequence, stream, version, link, stored) = StoredChainLink.Read(reader);
            var head = heads.GetValueOrDefault(stream) ?? _ledger.Heads.GetValueOrDefault(stream);
            if (version != (head?.Version ?? 0) + 1)
                refusal.Add(new IntegrityFinding(FindingKinds.VersionGap, stream, version, sequence, $"follows version {head?.Version ?? 0} in the checkpoints"));
            else if (EventChain.Hash(head?.Hash ?? EventChain.Genesis, link) != stored)
                refusal.Add(new IntegrityFinding(FindingKinds.HashMismatch, stream, version, sequence, "the event's hash does not hold over its stored content and the signed head before it"));
            segment.Add(new SegmentEntry(sequence, stream, version, stored ?? ""));
            heads[stream] = new StreamHead(stream, version, stored ?? "");
        }

        return (segment, segment.Count == limit ? segment[^1].Sequence : highWater, refusal);
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }
}
