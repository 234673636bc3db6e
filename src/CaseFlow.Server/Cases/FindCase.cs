using System.Security.Claims;
using CaseFlow.Domain.Agencies;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Cases;

/// <summary>A booking's agency (defaults to the caller's own) and booking number.</summary>
public sealed record BookingLookup(string? Ori = null, string? BookingNumber = null);

public static class FindCaseEndpoint
{
    /// <summary>Finds the case of a booking: the case id follows from ORI and booking number. A list of at most one.</summary>
    [WolverineGet("/api/cases", Name = "FindCase")]
    [Authorize(Policy = Policies.ReadCases)]
    [AccessAudited("case-search")]
    [ProducesResponseType<Page<CaseSummary>>(200)]
    public static async Task<IResult> Get(
        [FromQuery] BookingLookup lookup, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var ori = (lookup.Ori ?? CallerScope.From(user).Ori)?.ToUpperInvariant();
        if (!Ori.IsWellFormed(ori))
            errors.Add("ori", "ori must be a 9-character ORI (agency systems and officers may leave it out).");
        var bookingNumber = errors.Required("bookingNumber", lookup.BookingNumber, 40);
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());

        var caseId = CaseId.For(ori!, bookingNumber!);
        AccessLog.NoteCase(http, caseId);
        var found = await CaseLookup.Visible(session, caseId, user, ct);
        if (found is null)
            AccessLog.NoteOutcome(http, AccessOutcomes.NotFound);
        return Results.Ok(new Page<CaseSummary>(found is null ? [] : [CaseSummary.Of(found, await CaseLookup.AgreementOf(session, found, ct), clock.GetUtcNow())], null));
    }
}
