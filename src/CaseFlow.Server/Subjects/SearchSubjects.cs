using System.Security.Claims;
using System.Text.Json;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Subjects;

/// <summary>One identifier to search by: exactly one of the two.</summary>
public sealed record SubjectSearch(string? ANumber = null, string? FbiNumber = null);

/// <summary>A case of the person searched for; no identifier is answered.</summary>
public sealed record SubjectMatch(Guid SubjectRef, Guid CaseId, string Ori, ProgramModel Model, DateTimeOffset BookedAt, CaseStatus CaseStatus);

public static class SearchSubjectsEndpoint
{
    /// <summary>
    /// Earlier encounters of the same person: the keyed hash of the normalised identifier is looked up among the
    /// subjects' search tags, so nothing is decrypted. Only cases the caller may see; sealed subjects for auditors
    /// only; erased subjects have no tags left to find.
    /// </summary>
    [WolverineGet("/api/subjects/search", Name = "SearchSubjects")]
    [Authorize(Policy = Policies.ReadCases)]
    [AccessAudited("subject-search")]
    [ProducesResponseType<Page<SubjectMatch>>(200)]
    public static Task<IResult> Get(
        [FromQuery] SubjectSearch search, ClaimsPrincipal user, IQuerySession session, SubjectVault vault, AccessLog audit, HttpContext http, CancellationToken ct) =>
        Search(search, "GET /api/subjects/search", user, session, vault, audit, http, ct);

    /// <summary>The same search with the identifier in the body, where no proxy or browser history records it.</summary>
    [WolverinePost("/api/subjects/search", Name = "SearchSubjectsByBody")]
    [Authorize(Policy = Policies.ReadCases)]
    [AccessAudited("subject-search")]
    [ProducesResponseType<Page<SubjectMatch>>(200)]
    public static Task<IResult> Post(
        SubjectSearch? search, ClaimsPrincipal user, IQuerySession session, SubjectVault vault, AccessLog audit, HttpContext http, CancellationToken ct) =>
        Search(search ?? new SubjectSearch(), "POST /api/subjects/search", user, session, vault, audit, http, ct);

    /// <summary>Each case found is recorded in the access log (who found which subject's case); a search that finds none visible, as one <c>not-found</c> record.</summary>
    private static async Task<IResult> Search(
        SubjectSearch search, string action, ClaimsPrincipal user, IQuerySession session, SubjectVault vault, AccessLog audit, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var tags = TagsOf(search, errors, vault);
        if (tags is null)
            return Results.Problem(errors.ToProblem());

        // One containment test per tag (the active search key's, and the previous one's during a rotation): each uses the GIN index.
        var caller = CallerScope.From(user);
        var member = VaultChanges.Member(nameof(VaultedSubject.SearchTags));
        var subjects = await session.QueryAsync<VaultedSubject>(
            "where " + string.Join(" or ", tags.Select(_ => $"data -> '{member}' @> ?::jsonb")), ct,
            tags.Select(t => (object)JsonSerializer.Serialize(new[] { t })).ToArray());
        var cases = await session.LoadManyAsync<CaseFile>(ct, subjects.Select(s => s.CaseId));
        var matches = cases
            .Where(c => caller.CanSee(c) && SubjectAccess.MayRead(c.SubjectState, caller))
            .OrderBy(c => c.BookedAt).ThenBy(c => c.Id)
            .Take(Paging.MaxLimit)
            .Select(c => new SubjectMatch(c.SubjectRef, c.Id, c.Ori, c.Model, c.BookedAt, c.Status))
            .ToList();
        if (matches.Count == 0)
            AccessLog.NoteOutcome(http, AccessOutcomes.NotFound);
        foreach (var match in matches)
            await audit.Record(audit.Describe(caller, $"subject:{match.SubjectRef}", match.CaseId, action, AccessOutcomes.Found), ct);
        return Results.Ok(new Page<SubjectMatch>(matches, null));
    }

    private static IReadOnlyList<string>? TagsOf(SubjectSearch search, FieldErrors errors, SubjectVault vault)
    {
        if ((search.ANumber is null) == (search.FbiNumber is null))
        {
            errors.Add("aNumber", "Send exactly one of aNumber and fbiNumber.");
            return null;
        }

        return search.ANumber is not null
            ? BookingValidation.ANumber(errors, "aNumber", search.ANumber) is { } aNumber ? vault.ANumberTags(aNumber) : null
            : BookingValidation.FbiNumber(errors, "fbiNumber", search.FbiNumber) is { } fbiNumber ? vault.FbiNumberTags(fbiNumber) : null;
    }
}
