using System.Globalization;
using System.Net.Http.Json;

namespace CaseFlow.Corpus;

/// <summary>
/// The monthly report's reads: last month is proposed by the analyst and released by the admin, then, once the node has
/// made its public variant, its released JSON (a stored document) and its draft (computed from the statistics) are read
/// at fixed rates (<see cref="OpenLoop"/>).
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
        await PublicVariantMade(analyst, caseflow, month);

        return
        [
            new($"GET /api/reports/monthly/{month}/released", ReleasedRate, null, () => OpenLoop.Get(analyst, new Uri(caseflow, $"/api/reports/monthly/{month}/released"))),
            new($"GET /api/reports/monthly/{month} (draft)", DraftRate, null, () => OpenLoop.Get(analyst, new Uri(caseflow, $"/api/reports/monthly/{month}"))),
        ];
    }

    /// <summary>
    /// Waits for the release's public variant, which the node makes in the background after the approval (a linear
    /// program per suppressed cell, docs/disclosure.md): measured while it runs, the reads would measure its CPU too.
    /// </summary>
    private static async Task PublicVariantMade(HttpClient analyst, Uri caseflow, string month)
    {
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        var variant = new Uri(caseflow, $"/api/reports/monthly/{month}/released?variant=public");
        while ((await analyst.GetAsync(variant)).StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
        {
            if (waiting.Elapsed > TimeSpan.FromMinutes(15))
                throw new TimeoutException($"the public variant of {month} was not made in 15 minutes");
            await Task.Delay(TimeSpan.FromMilliseconds(500)); // a poll, not a measurement
        }

        Console.WriteLine($"reads: the public variant of {month}'s release was made {waiting.Elapsed.TotalSeconds:0.0} s after its approval; the reads below are measured after it");
    }
}
