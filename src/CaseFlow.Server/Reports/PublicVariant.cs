using CaseFlow.Domain.Reports;
using Marten;

namespace CaseFlow.Server.Reports;

/// <summary>
/// The public variant of a release (<c>?variant=public</c>), from the registered <see cref="IReportDisclosure"/>; while
/// none is registered, 409 <c>public-variant-unavailable</c>.
/// </summary>
public sealed class PublicVariant(IEnumerable<IReportDisclosure> engines)
{
    public const string Name = "public";

    public async Task<IResult> Answer(ReleasedReport release, IQuerySession session, CancellationToken ct)
    {
        if (engines.FirstOrDefault() is not { } engine)
        {
            return Results.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = 409, Type = "urn:caseflow:problem:public-variant-unavailable", Title = "The public variant is not available yet",
                Detail = "Small cells cannot be suppressed on this node yet, so no public variant is answered.", Extensions = { ["retryable"] = false },
            });
        }

        var earlier = (await session.Query<ReleasedReport>().ToListAsync(ct))
            .Where(r => string.CompareOrdinal(r.Month, release.Month) < 0 || (r.Month == release.Month && r.Version < release.Version))
            .OrderBy(r => r.ApprovedAt).Select(r => r.AsDocument.Report).ToList();
        return Results.Json(engine.Disclose(release.AsDocument.Report, earlier));
    }
}
