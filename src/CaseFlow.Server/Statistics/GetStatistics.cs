using System.Security.Claims;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Statistics;

/// <summary>
/// Per-jurisdiction statistics with ICE's definitions (docs/statistics.md): every measure month by month over a fiscal
/// year (<c>fy</c>, October to September, named for the year it ends in) or for one <c>month</c>, in the agencies' own
/// calendar months, for one model or both. JSON, or CSV with <c>Accept: text/csv</c>. Each answer says up to which event
/// <c>position</c> it is current and waits (bounded) for a <c>position</c> asked for. No case or person appears in any.
/// A jail reads its own agency, a supervisor the field office and its agencies, everyone else all; anything else is 404.
/// </summary>
public static class GetStatisticsEndpoint
{
    /// <summary>One agency's statistics, by its ORI.</summary>
    [WolverineGet("/api/statistics/jurisdictions/{ori}", Name = "GetJurisdictionStatistics")]
    [Authorize(Policy = Policies.ReadStatistics)]
    [ProducesResponseType<StatisticsAnswer>(200, "application/json")]
    [AnswersCsv]
    [ProducesResponseType(404)]
    public static Task<IResult> Jurisdiction(
        string ori, [FromQuery] StatisticsPeriod period, ClaimsPrincipal user, IQuerySession session, StatisticsRunner statistics, HttpContext http, CancellationToken ct) =>
        statistics.Read(StatisticsLevel.Jurisdiction, ori, period, user, session, http, ct);

    /// <summary>The statistics of every agency of one state (USPS code), with the state's agreements in the program totals.</summary>
    [WolverineGet("/api/statistics/states/{state}", Name = "GetStateStatistics")]
    [Authorize(Policy = Policies.ReadStatistics)]
    [ProducesResponseType<StatisticsAnswer>(200, "application/json")]
    [AnswersCsv]
    [ProducesResponseType(404)]
    public static Task<IResult> State(
        string state, [FromQuery] StatisticsPeriod period, ClaimsPrincipal user, IQuerySession session, StatisticsRunner statistics, HttpContext http, CancellationToken ct) =>
        statistics.Read(StatisticsLevel.State, state, period, user, session, http, ct);

    /// <summary>The statistics of every agency of one ICE ERO field office (area of responsibility), by its code.</summary>
    [WolverineGet("/api/statistics/field-offices/{code}", Name = "GetFieldOfficeStatistics")]
    [Authorize(Policy = Policies.ReadStatistics)]
    [ProducesResponseType<StatisticsAnswer>(200, "application/json")]
    [AnswersCsv]
    [ProducesResponseType(404)]
    public static Task<IResult> FieldOffice(
        string code, [FromQuery] StatisticsPeriod period, ClaimsPrincipal user, IQuerySession session, StatisticsRunner statistics, HttpContext http, CancellationToken ct) =>
        statistics.Read(StatisticsLevel.FieldOffice, code, period, user, session, http, ct);

    /// <summary>The program's national statistics, with the program totals ICE's monthly report ends with.</summary>
    [WolverineGet("/api/statistics/national", Name = "GetNationalStatistics")]
    [Authorize(Policy = Policies.ReadStatistics)]
    [ProducesResponseType<StatisticsAnswer>(200, "application/json")]
    [AnswersCsv]
    [ProducesResponseType(404)]
    public static Task<IResult> National(
        [FromQuery] StatisticsPeriod period, ClaimsPrincipal user, IQuerySession session, StatisticsRunner statistics, HttpContext http, CancellationToken ct) =>
        statistics.Read(StatisticsLevel.National, null, period, user, session, http, ct);
}
