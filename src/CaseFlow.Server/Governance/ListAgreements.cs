using System.Security.Claims;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Governance;

/// <summary>Filters of the agreement list: USPS state code, model (JEM or WSO), ERO field office code; cursor paging.</summary>
public sealed record AgreementFilter(string? State, [property: NamesOf(typeof(ProgramModel))] string? Model, string? FieldOffice, [property: ReadAs<KeysetCursor>] string? After, string? Limit)
{
    public (AgreementCriteria Criteria, FieldErrors Errors) Parse()
    {
        var errors = new FieldErrors();
        var criteria = new AgreementCriteria(
            errors.StateCode("state", State),
            errors.Enum<ProgramModel>("model", Model),
            errors.FieldOfficeCode("fieldOffice", FieldOffice),
            errors.Cursor(After),
            errors.Limit(Limit));
        return (criteria, errors);
    }
}

public sealed record AgreementCriteria(string? State, ProgramModel? Model, string? FieldOffice, string? AfterKey, int Limit);

public static class ListAgreementsEndpoint
{
    public static ProblemDetails Validate(AgreementFilter filter) =>
        filter.Parse().Errors is { Count: > 0 } errors ? errors.ToProblem() : WolverineContinue.NoProblems;

    /// <summary>The agreements the caller may see, ordered by ORI and model, each with its status now.</summary>
    [WolverineGet("/api/agreements", Name = "ListAgreements")]
    [Authorize(Policy = Policies.ReadGovernance)]
    public static async Task<Page<AgreementView>> Get(
        [FromQuery] AgreementFilter filter, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var scope = CallerScope.From(user);
        var (criteria, _) = filter.Parse();

        var query = session.Query<Agreement>().InReachOf(scope);
        if (criteria.State is { } state)
            query = query.Where(a => a.StateCode == state);
        if (criteria.Model is { } model)
            query = query.Where(a => a.Model == model);
        if (criteria.FieldOffice is { } office)
            query = query.Where(a => a.FieldOfficeCode == office);
        if (criteria.AfterKey is { } after)
            query = query.Where(a => a.Key.CompareTo(after) > 0);

        var fetched = await query.OrderBy(a => a.Key).Take(criteria.Limit + 1).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return Paging.ToPage(fetched.Select(a => AgreementView.At(a, now)).ToList(), criteria.Limit, v => v.Agreement.Key);
    }
}
