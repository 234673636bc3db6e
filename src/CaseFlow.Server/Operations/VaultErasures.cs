using System.Globalization;
using CaseFlow.Domain.Subjects;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Operations;

/// <summary>The filter of the erasure list: erasures recorded at or after <c>from</c>, and paging.</summary>
public sealed record ErasureQuery([property: ReadAs<InstantParameter>] string? From = null, [property: ReadAs<PositionCursor>] string? After = null, string? Limit = null);

/// <summary>One carried-out erasure: what an operator re-applies after restoring a backup taken before it.</summary>
public sealed record Erasure(
    long Sequence, DateTimeOffset ErasedAt, Guid CaseId, Guid SubjectRef, Guid OrderId, LegalBasis LegalBasis, string OrderReference,
    string ProposedBy, string ApprovedBy);

public static class VaultErasuresEndpoint
{
    /// <summary>
    /// Every erasure carried out, oldest first (<c>after</c> is the <c>next</c> of the page before). Kept with the
    /// backup catalogue, it says which erasures to carry out again on a restored copy (docs/security.md).
    /// </summary>
    [WolverineGet("/api/operations/vault/erasures", Name = "ListVaultErasures")]
    [Authorize(Policy = Policies.Operate)]
    [AccessAudited("vault-erasures")]
    [ProducesResponseType<Page<Erasure>>(200)]
    public static async Task<IResult> Get([FromQuery] ErasureQuery query, IQuerySession session, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var limit = errors.Limit(query.Limit);
        var after = errors.Position("after", query.After);
        var from = errors.Instant("from", query.From, DateTimeOffset.MinValue);
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());

        var erasures = session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(typeof(SubjectErased)) && e.Sequence > after);
        if (query.From is not null)
            erasures = erasures.Where(e => e.Timestamp >= from.ToUniversalTime());
        var events = await erasures
            .OrderBy(e => e.Sequence)
            .Take(limit + 1)
            .ToListAsync(ct);
        var items = events.Take(limit).Select(Of).ToList();
        var next = events.Count > limit ? items[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
        return Results.Ok(new Page<Erasure>(items, next));
    }

    private static Erasure Of(IEvent e)
    {
        var erased = (SubjectErased)e.Data;
        return new Erasure(e.Sequence, e.Timestamp, e.StreamId, erased.SubjectRef, erased.OrderId, erased.LegalBasis, erased.OrderReference,
            erased.ProposedBy, erased.ApprovedBy);
    }
}
