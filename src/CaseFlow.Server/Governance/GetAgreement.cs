using System.Security.Claims;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Governance;

public sealed record AgreementDetails(AgreementView Current, IReadOnlyList<HistoryEvent> History);

public static class GetAgreementEndpoint
{
    /// <summary>
    /// An agency's agreement for one model with its history, and its status now or <c>asOf</c> an instant (RFC 3339):
    /// "was this agreement in force at T". 404 when unknown or out of the caller's scope.
    /// </summary>
    [WolverineGet("/api/agreements/{ori}/{model}", Name = "GetAgreement")]
    [Authorize(Policy = Policies.ReadGovernance)]
    [ProducesResponseType<AgreementDetails>(200)]
    [ProducesResponseType(404)]
    public static async Task<IResult> Get(
        string ori, ProgramModel model, [ReadAs<InstantParameter>] string? asOf, ClaimsPrincipal user, IQuerySession session, StoredEventRows rows, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var instant = errors.Instant("asOf", asOf, clock.GetUtcNow());
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());

        var agreement = await AgreementLookup.Visible(session, ori, model, user, ct);
        return agreement is null
            ? Problems.NotFound("agreement")
            : Results.Ok(new AgreementDetails(AgreementView.At(agreement, instant), await History.Of(rows, agreement.Id, ct)));
    }
}

public static class AgreementLookup
{
    public static async Task<Agreement?> Visible(IQuerySession session, string ori, ProgramModel model, ClaimsPrincipal user, CancellationToken ct) =>
        await session.LoadAsync<Agreement>(AgreementId.For(ori.ToUpperInvariant(), model), ct) is { } found && CallerScope.From(user).CanSee(found)
            ? found
            : null;

}
