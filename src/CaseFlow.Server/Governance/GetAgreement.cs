using System.Security.Claims;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace CaseFlow.Server.Governance;

/// <summary>One event of a stream's history as an auditor reads it.</summary>
public sealed record HistoryEntry(long Version, string Type, DateTimeOffset RecordedAt, string? RecordedBy, object Data);

public sealed record AgreementDetails(Agreement Agreement, IReadOnlyList<HistoryEntry> History);

public static class GetAgreementEndpoint
{
    /// <summary>An agency's agreement for one model, with its history; 404 when unknown or out of the caller's scope.</summary>
    [WolverineGet("/api/agreements/{ori}/{model}", Name = "GetAgreement")]
    [Authorize(Policy = Policies.ReadAgreements)]
    public static async Task<IResult> Get(string ori, ProgramModel model, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var agreement = await session.LoadAsync<Agreement>(AgreementId.For(ori.ToUpperInvariant(), model), ct);
        if (agreement is null || !CallerScope.From(user).CanSee(agreement))
            return Results.Problem(statusCode: 404, title: "No such agreement", detail: $"No {model} agreement is visible for ORI {ori}.");

        var events = await session.Events.FetchStreamAsync(agreement.Id, token: ct);
        var history = events.Select(e => new HistoryEntry(e.Version, e.EventTypeName, e.Timestamp, e.UserName, e.Data)).ToList();
        return Results.Ok(new AgreementDetails(agreement, history));
    }
}
