using System.Globalization;
using System.Net.Http.Json;

namespace CaseFlow.Corpus;

/// <summary>
/// The monthly report's reads: last month is proposed by the analyst and released by the admin, then its released JSON
/// (a stored document) and its draft (computed from the statistics) are read at fixed rates (<see cref="OpenLoop"/>).
/// </summary>
public static class ReportReads
{
    private const int ReleasedRate = 100;
    private const int DraftRate = 20;

    private sealed record Proposal(Guid ProposalId);

    /// <summary>Releases <paramref name="given"/>'s report, or last month's; the reads of it, with <paramref name="analyst"/>'s token.</summary>
    public static async Task<OpenLoop.Read[]> Release(HttpClient analyst, string adminToken, Uri caseflow, DateOnly? given)
    {
        using var admin = OpenLoop.Client(adminToken);
        // Last month, once it is over everywhere (12:00 UTC on the 1st); before that the month before it.
        var month = given?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? DateTime.UtcNow.AddHours(-12).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var proposed = await analyst.PostAsJsonAsync(new Uri(caseflow, $"/api/reports/monthly/{month}/release-proposals"), new { eventId = Guid.NewGuid() });
        var proposal = (await proposed.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Proposal>())!;
        (await admin.PostAsJsonAsync(new Uri(caseflow, $"/api/reports/monthly/{month}/approvals"),
            new { proposal.ProposalId, publicAffairsReference = "OPA-BENCH-1", privacyOfficeReference = "PRIV-BENCH-1" })).EnsureSuccessStatusCode();

        return
        [
            new($"GET /api/reports/monthly/{month}/released", ReleasedRate, null, () => OpenLoop.Get(analyst, new Uri(caseflow, $"/api/reports/monthly/{month}/released"))),
            new($"GET /api/reports/monthly/{month} (draft)", DraftRate, null, () => OpenLoop.Get(analyst, new Uri(caseflow, $"/api/reports/monthly/{month}"))),
        ];
    }
}
