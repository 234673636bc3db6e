using System.Security.Claims;
using CaseFlow.Domain.Agencies;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Cases;

/// <summary>
/// A booking's agency (defaults to the caller's own) and booking number; or, without a booking number, a search by
/// agency, status, model, field office and booking instants, newest booking first, keyset-paged.
/// </summary>
public sealed record BookingLookup(
    string? Ori = null, string? BookingNumber = null, [property: NamesOf(typeof(CaseStatus))] string? Status = null,
    [property: NamesOf(typeof(CaseFlow.Domain.ProgramModel))] string? Model = null, string? FieldOffice = null,
    [property: ReadAs<InstantParameter>] string? BookedFrom = null, [property: ReadAs<InstantParameter>] string? BookedTo = null,
    [property: ReadAs<KeysetCursor>] string? After = null, string? Limit = null, [property: ReadAs<StreamPosition>] string? Position = null);

public static class FindCaseEndpoint
{
    /// <summary>
    /// Finds the case of a booking (the case id follows from ORI and booking number: a list of at most one, always
    /// current), or searches the caller's cases (jail: its own; supervisor: the field office's; auditor: all) from the
    /// asynchronous case read model, which says up to which event <c>position</c> it is current.
    /// </summary>
    [WolverineGet("/api/cases", Name = "FindCase")]
    [Authorize(Policy = Policies.ReadCases)]
    [AccessAudited("case-search")]
    public static async Task<Results<Ok<QueuePage<CaseSummary>>, ProblemHttpResult>> Get(
        [FromQuery] BookingLookup lookup, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, QueueFreshness freshness, HttpContext http,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (lookup.BookingNumber is null)
            return await Search(lookup, errors, user, session, clock, freshness, ct);

        var ori = (lookup.Ori ?? CallerScope.From(user).Ori)?.ToUpperInvariant();
        if (!Ori.IsWellFormed(ori))
            errors.Add("ori", "ori must be a 9-character ORI (agency systems and officers may leave it out).");
        var bookingNumber = errors.Required("bookingNumber", lookup.BookingNumber, Intake.BookingValidation.MaxBookingNumberLength);
        if (errors.Count > 0)
            return TypedResults.Problem(errors.ToProblem());

        var caseId = CaseId.For(ori!, bookingNumber!);
        AccessLog.NoteCase(http, caseId);
        var found = await CaseLookup.VisibleWithAgreement(session, caseId, user, ct);
        if (found is null)
            AccessLog.NoteOutcome(http, AccessOutcomes.NotFound);
        var (position, _) = await freshness.Reach(null, ct);
        return TypedResults.Ok(new QueuePage<CaseSummary>(found is { } visible ? [CaseSummary.Of(visible.Case, visible.Agreement, clock.GetUtcNow())] : [], null, position, false));
    }

    private static async Task<Results<Ok<QueuePage<CaseSummary>>, ProblemHttpResult>> Search(
        BookingLookup lookup, FieldErrors errors, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, QueueFreshness freshness, CancellationToken ct)
    {
        var conditions = new List<(string, object)>();
        if (errors.Enum<CaseStatus>("status", lookup.Status) is { } status)
            conditions.Add(("d.status = ?", status.ToString()));
        foreach (var (name, text, condition) in new[] { ("bookedFrom", lookup.BookedFrom, "d.booked_at >= ?"), ("bookedTo", lookup.BookedTo, "d.booked_at < ?") })
        {
            if (text is not null)
                conditions.Add((condition, errors.Instant(name, text, default).ToUniversalTime()));
        }

        if (QueueQuery.Read(new QueueFilter(lookup.Ori, lookup.Model, lookup.FieldOffice, lookup.After, lookup.Limit, lookup.Position), errors) is not { } query)
            return TypedResults.Problem(errors.ToProblem());

        var (position, stale) = await freshness.Reach(query.Position, ct);
        var rows = await QueueReader.Page<CaseQueueRow>(session, "booked_at", query, CallerScope.From(user), null, ct, conditions, descending: true);
        var page = Paging.ToPage(rows, query.Limit, r => QueueQuery.Key(r.BookedAt, r.Id));
        var agreements = (await session.LoadManyAsync<Agreement>(ct, page.Items.Select(r => AgreementId.For(r.Ori, r.Model)).Distinct()))
            .ToDictionary(a => a.Id);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new QueuePage<CaseSummary>(
            page.Items.Select(r => CaseSummary.Of(r.Case, agreements.GetValueOrDefault(AgreementId.For(r.Ori, r.Model)), now)).ToList(), page.Next, position, stale));
    }
}
