using System.Text.Json;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Integrity.Checkpoints;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Cases;

/// <summary>One stored event of an export: exactly as stored (data, and metadata with its <c>hash</c>), and the case as it stood after it.</summary>
public sealed record ExportedEvent(
    long Sequence, long Version, Guid EventId, string Type, DateTimeOffset RecordedAt,
    [property: DescribedAs(typeof(EventMetadata))] JsonElement Metadata, JsonElement Data, string Hash, CaseSummary State);

/// <summary>The case's head a checkpoint signed, its leaf's place in the checkpoint's Merkle tree, and the audit path to the root.</summary>
public sealed record CaseProof(StreamHead Head, long LeafIndex, long TreeSize, IReadOnlyList<string> Path, CheckpointView Checkpoint);

/// <summary>
/// A case's history with its proof (docs/events.md, "Case export"): what the case is now, every event in order with the
/// state after it, and the proof that ties the head a checkpoint signed to that checkpoint's signature. Events after
/// <see cref="ProvenThroughVersion"/> are chained to it but not yet under a checkpoint.
/// </summary>
public sealed record CaseExport(string Format, Guid CaseId, DateTimeOffset ExportedAt, CaseSummary Case, long ProvenThroughVersion, IReadOnlyList<ExportedEvent> Events, CaseProof Proof)
{
    public const string FormatName = "caseflow-case-export/1";
}

public static class ExportCaseEndpoint
{
    /// <summary>
    /// The case as one JSON document an auditor can check offline with the checkpoints' public key alone
    /// (tools/verify-export.py): its events as stored with the state after each, the chain, the Merkle path from its
    /// head to the latest signed checkpoint and that checkpoint's signature. 409 <c>checkpoint-pending</c> (retryable)
    /// until a checkpoint covers the case. Auditors only; never a person identifier (the vault stays out).
    /// </summary>
    [WolverineGet("/api/cases/{caseId}/export", Name = "ExportCase")]
    [Authorize(Policy = Policies.VerifyIntegrity)]
    [AccessAudited("case", "caseId")]
    [ProducesResponseType<CaseExport>(200)]
    [ProducesResponseType(404)]
    [ProducesResponseType(409)]
    [ProducesResponseType(503)]
    public static async Task<IResult> Get(
        Guid caseId, IQuerySession session, StoredEventRows rows, Checkpointing checkpointing, WrittenCheckpoints written, TimeProvider clock, CancellationToken ct)
    {
        var found = await session.LoadAsync<CaseFile>(caseId, ct);
        if (found is null)
            return Problems.NotFound("case");
        if (checkpointing.Folder is null)
            return IntegrityProblems.NotConfigured();

        var proof = written.Read((ledger, latest) =>
        {
            if (latest is null || !ledger.Heads.TryGetValue(caseId, out var head))
                return null;
            var heads = MerkleTree.Order(ledger.Heads.Values);
            var index = heads.Select((h, i) => (h, i)).First(x => x.h.Stream == caseId).i;
            return new CaseProof(head, index, heads.Count, MerkleTree.Path(heads, index), CheckpointView.Of(latest));
        });
        if (proof is null)
        {
            return Results.Problem(statusCode: 409, type: $"{ProblemTypes.Prefix}checkpoint-pending", title: "No checkpoint covers the case yet",
                detail: "Ask again after the next checkpoint (or sign one: POST /api/audit/checkpoints).",
                extensions: new Dictionary<string, object?> { ["retryable"] = true });
        }

        var agreement = await CaseLookup.AgreementOf(session, found, ct);
        var events = await Events(caseId, session, rows, agreement, ct);
        return Results.Ok(new CaseExport(CaseExport.FormatName, caseId, clock.GetUtcNow(), CaseSummary.Of(found, agreement, clock.GetUtcNow()), proof.Head.Version, events, proof));
    }

    /// <summary>The stored rows, each with the state the summary's own fold gives after it (as of its recording).</summary>
    private static async Task<IReadOnlyList<ExportedEvent>> Events(
        Guid caseId, IQuerySession session, StoredEventRows rows, Domain.Agreements.Agreement? agreement, CancellationToken ct)
    {
        var stream = (await session.Events.FetchStreamAsync(caseId, token: ct)).ToDictionary(e => e.Version);
        var stored = await rows.ForStream(caseId, afterVersion: 0, limit: int.MaxValue, ct);
        var exported = new List<ExportedEvent>(stored.Count);
        CaseFile? state = null;
        foreach (var row in stored)
        {
            var stamped = stream[row.Version];
            var hash = stamped.GetHeader(EventHeaders.Hash)?.ToString() ?? "";
            state = CaseFile.Evolve(state, stamped.Id, stamped.Data)?.AtHead(row.Version, hash);
            var history = HistoryEvent.From(row);
            exported.Add(new ExportedEvent(stamped.Sequence, row.Version, row.Id, row.Type, row.RecordedAt, history.Metadata, history.Data, hash,
                CaseSummary.Of(state!, agreement, row.RecordedAt)));
        }

        return exported;
    }
}
