using System.Security.Claims;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace CaseFlow.Server.Governance;

/// <summary>The filter of a board: one agency, one ERO field office (both within the caller's reach).</summary>
public sealed record BoardFilter(string? Ori = null, string? FieldOffice = null)
{
    public (string? Ori, string? FieldOffice) Read(FieldErrors errors)
    {
        return (errors.Ori("ori", Ori), errors.FieldOfficeCode("fieldOffice", FieldOffice));
    }
}

/// <summary>One agency's officers by where they stand; an officer counts once per heading that applies.</summary>
public sealed record AgencyOfficerCounts(string Ori, int Officers, int Authorized, int Certified, int RefresherDueSoon, int Lapsed, int Revoked, int Disqualified);

/// <summary>The officer board: counts per agency, and the officers whose refresher falls due within 90 days or whose training lapsed.</summary>
public sealed record OfficerBoard(DateTimeOffset AsOf, IReadOnlyList<AgencyOfficerCounts> Agencies, IReadOnlyList<OfficerStanding> Attention);

/// <summary>One field office's agreements by status; an agreement in force under a termination notice counts as termination noticed.</summary>
public sealed record FieldOfficeAgreementCounts(string FieldOfficeCode, int InForce, int Suspended, int TerminationNoticed, int Terminated);

/// <summary>An agreement owing a review meeting within 90 days (or overdue).</summary>
public sealed record ReviewMeetingOwed(string Ori, ProgramModel Model, string AgencyName, ReviewMeetingType Type, DateOnly DueOn, bool Overdue);

/// <summary>The agreement board: counts per field office and the review meetings due.</summary>
public sealed record AgreementBoard(DateTimeOffset AsOf, IReadOnlyList<FieldOfficeAgreementCounts> FieldOffices, IReadOnlyList<ReviewMeetingOwed> ReviewsDue);

public static class BoardsEndpoint
{
    /// <summary>How far ahead a refresher or a review meeting is shown as coming due.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(90);

    /// <summary>The officers within the caller's reach: per agency authorized, certified, refresher due within 90 days, lapsed, revoked, disqualified.</summary>
    [WolverineGet("/api/boards/officers", Name = "GetOfficerBoard")]
    [Authorize(Policy = Policies.ReadGovernance)]
    public static async Task<Results<Ok<OfficerBoard>, ProblemHttpResult>> Officers(
        [FromQuery] BoardFilter filter, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, IOptions<GovernanceOptions> governance, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (ori, fieldOffice) = filter.Read(errors);
        if (errors.Count > 0)
            return TypedResults.Problem(errors.ToProblem());

        var query = session.Query<Officer>().InReachOf(CallerScope.From(user));
        if (ori is not null)
            query = query.Where(o => o.Ori == ori);
        if (fieldOffice is not null)
            query = query.Where(o => o.FieldOfficeCode == fieldOffice);
        var officers = await query.OrderBy(o => o.Key).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var timeZoneOf = await AgencyTimeZones.Of(session, officers.Select(o => o.Ori), ct);
        var standings = officers.Select(o => OfficerStanding.Of(o, now, governance.Value.Refresher, timeZoneOf(o.Ori))).ToList();
        bool DueSoon(OfficerStanding s) => s.Models.Any(m => !m.RefresherOverdue && m.RefresherDueOn is { } due && due <= DateOnly.FromDateTime((now + Horizon).UtcDateTime));
        bool Lapsed(OfficerStanding s) => s.Status != OfficerStatus.Revoked && s.Models.Any(m => m.RefresherOverdue);

        var counts = standings.GroupBy(s => s.Ori).Select(g => new AgencyOfficerCounts(g.Key, g.Count(),
            g.Count(s => s.Status == OfficerStatus.Authorized), g.Count(s => s.Models.Any(m => m.Certified)), g.Count(DueSoon), g.Count(Lapsed),
            g.Count(s => s.Status == OfficerStatus.Revoked), g.Count(s => s.Models.Any(m => m.Disqualified)))).ToList();
        return TypedResults.Ok(new OfficerBoard(now, counts, standings.Where(s => DueSoon(s) || Lapsed(s)).ToList()));
    }

    /// <summary>The agreements within the caller's reach: per field office in force, suspended, termination noticed, terminated; review meetings due.</summary>
    [WolverineGet("/api/boards/agreements", Name = "GetAgreementBoard")]
    [Authorize(Policy = Policies.ReadGovernance)]
    public static async Task<Results<Ok<AgreementBoard>, ProblemHttpResult>> Agreements(
        [FromQuery] BoardFilter filter, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (ori, fieldOffice) = filter.Read(errors);
        if (errors.Count > 0)
            return TypedResults.Problem(errors.ToProblem());

        var query = session.Query<Agreement>().InReachOf(CallerScope.From(user));
        if (ori is not null)
            query = query.Where(a => a.Ori == ori);
        if (fieldOffice is not null)
            query = query.Where(a => a.FieldOfficeCode == fieldOffice);
        var agreements = await query.OrderBy(a => a.Key).ToListAsync(ct);
        var now = clock.GetUtcNow();
        bool Noticed(Agreement a) => a.StatusAt(now) == AgreementStatus.Active && a.TerminationNotice is not null;

        var counts = agreements.GroupBy(a => a.FieldOfficeCode).OrderBy(g => g.Key).Select(g => new FieldOfficeAgreementCounts(g.Key,
            g.Count(a => a.StatusAt(now) == AgreementStatus.Active && !Noticed(a)), g.Count(a => a.StatusAt(now) == AgreementStatus.Suspended),
            g.Count(Noticed), g.Count(a => a.StatusAt(now) == AgreementStatus.Terminated))).ToList();
        var reviews = agreements.SelectMany(a => ReviewCalendar.Due(a, now).Select(due => (a, due, today: LocalDay.Of(now, a.TimeZone))))
            .Where(x => x.due.DueOn <= x.today.AddDays(Horizon.Days))
            .OrderBy(x => x.due.DueOn)
            .Select(x => new ReviewMeetingOwed(x.a.Ori, x.a.Model, x.a.AgencyName, x.due.Type, x.due.DueOn, x.due.DueOn < x.today))
            .ToList();
        return TypedResults.Ok(new AgreementBoard(now, counts, reviews));
    }
}
