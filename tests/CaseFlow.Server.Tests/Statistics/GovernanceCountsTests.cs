using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Complaints;
using CaseFlow.Domain.Officers;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Statistics;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Tests.Statistics;

/// <summary>
/// The officer and complaint counts the statistics read with SQL from stored rows equal the domain's own fold over the
/// officer and complaint records (<see cref="ProgramMeasures"/>), month end by month end, on a generated set whose
/// exams, certifications, authorizations, revocations, re-authorizations, refreshers and complaints fall near month
/// ends in three zones.
/// </summary>
public class GovernanceCountsTests(AppFixture app)
{
    /// <summary>A made-up state and field office of their own, so no other test's roll-up counts these records.</summary>
    private static readonly SyntheticPlace[] Places =
        [.. new[] { "America/Los_Angeles", "America/New_York", "Pacific/Guam" }.Select(zone => new SyntheticPlace("ZQ", "ZZQ", zone))];
    private static readonly IReadOnlyList<DateOnly> Months = [.. Enumerable.Range(2022, 5).SelectMany(StatisticsCalendar.MonthsOf)];

    [Fact]
    public async Task the_officer_counts_from_stored_periods_equal_the_fold_at_every_month_end()
    {
        var ct = TestContext.Current.CancellationToken;
        var agencies = await Agencies();
        await GeneratedOfficers.Append(app.Store, agencies, count: 90, seed: 16);
        var refresher = app.Host.Services.GetRequiredService<IOptions<GovernanceOptions>>().Value.Refresher;
        var oris = agencies.Select(a => a.Ori).ToList();
        await using var session = app.Store.QuerySession();
        var officers = await session.Query<Officer>().Where(o => oris.Contains(o.Ori)).ToListAsync(ct);
        var staffed = officers.Select(o => (o, agencies.Single(a => a.Ori == o.Ori).TimeZone)).ToList();

        foreach (var model in new ProgramModel?[] { null, ProgramModel.JEM, ProgramModel.WSO })
        {
            var counted = await GovernanceCounts.Officers(app.Store, Months, oris, model, ct);
            foreach (var month in Months)
                counted[month].ShouldBe(ProgramMeasures.Officers(staffed, month, refresher, model), $"{StatisticsCalendar.Name(month)} {model}");
        }

        var any = await GovernanceCounts.Officers(app.Store, Months, oris, null, ct);
        any.Values.Max(c => c.RefresherOverdue).ShouldBeGreaterThan(0, "the generated set must have overdue refreshers");
        any.Values.Select(c => c.Certified).Distinct().Count().ShouldBeGreaterThan(3, "the generated set must move the certified count");
    }

    [Fact]
    public async Task the_complaint_counts_from_stored_fields_equal_the_fold_in_every_month()
    {
        var ct = TestContext.Current.CancellationToken;
        var agencies = await Agencies();
        await GeneratedOfficers.AppendComplaints(app.Store, agencies, count: 120, seed: 16);
        var oris = agencies.Select(a => a.Ori).ToList();
        await using var session = app.Store.QuerySession();
        var complaints = await session.Query<Complaint>().Where(c => oris.Contains(c.Ori)).ToListAsync(ct);

        foreach (var now in complaints.Select(c => c.NotificationDue).Take(5).Append(DateTimeOffset.UtcNow))
        {
            var counted = await GovernanceCounts.Complaints(app.Store, Months, oris, now, ct);
            foreach (var month in Months)
                counted[month].ShouldBe(ProgramMeasures.Complaints(complaints, month, now), $"{StatisticsCalendar.Name(month)} at {now:O}");
        }

        (await GovernanceCounts.Complaints(app.Store, Months, oris, DateTimeOffset.UtcNow, ct)).Values.Sum(c => c.ReportedLate).ShouldBeGreaterThan(0);
    }

    private async Task<IReadOnlyList<(string Ori, string FieldOffice, string TimeZone)>> Agencies() =>
        [.. await Task.WhenAll(Places.Select(async p => (await SyntheticAgencies.Sign(app.Store, p, ProgramModel.JEM, ProgramModel.WSO), p.FieldOffice, p.TimeZone)))];
}
