using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Complaints;
using CaseFlow.Domain.Officers;
using CaseFlow.Domain.Reports;
using CaseFlow.Domain.Subjects;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Reports;
using CaseFlow.Server.Statistics;
using JasperFx.Events.Projections;

namespace CaseFlow.Server.Tests.Writing;

/// <summary>
/// Each inline snapshot is handed only its own streams' events (<see cref="EventCatalogue"/>): every event its stream
/// accepts must be among them, or the snapshot's version and chain head would fall behind its stream.
/// </summary>
public sealed class ChainedProjectionEventsTests
{
    public static TheoryData<string, string[], string[]> Streams => new()
    {
        { "case", [nameof(BookingRecorded), .. CaseEventKinds.ByType.Keys, .. AppendedByCaseFlow], Names(new CaseFileProjection()) },
        { "officer", [nameof(OfficerNominated), .. PostOfficerEventEndpoint.Kinds.Keys], Names(new OfficerProjection()) },
        { "complaint", [nameof(ComplaintReceived), .. PostComplaintEventEndpoint.Kinds.Keys], Names(new ComplaintProjection()) },
        { "agreement", [nameof(AgreementSigned), .. PostAgreementEventEndpoint.Kinds.Keys], Names(new AgreementProjection()) },
        { "report release", [nameof(ReportReleaseProposed), nameof(ReportReleaseApproved)], Names(new ReportReleaseProjection()) },
    };

    /// <summary>What a case's stream holds besides what clients post: the hold's clock and the subject orders.</summary>
    private static readonly string[] AppendedByCaseFlow = [.. HoldClock.AppendedByCaseFlow.Concat(SubjectOrderRules.Events).Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Streams))]
    public void every_event_a_stream_accepts_is_handed_to_its_snapshot(string stream, string[] accepted, string[] handed) =>
        accepted.Except(handed).ShouldBeEmpty($"the {stream} snapshot would skip these events");

    [Fact]
    public void the_snapshots_share_no_event_type_and_together_take_every_stored_one()
    {
        var handed = new EventFilterable[] { new CaseFileProjection(), new OfficerProjection(), new ComplaintProjection(), new AgreementProjection(), new ReportReleaseProjection() }
            .SelectMany(projection => projection.IncludedEventTypes).ToList();

        handed.Count.ShouldBe(handed.Distinct().Count());
        handed.ShouldBe(EventCatalogue.All, ignoreOrder: true);
    }

    [Fact]
    public void the_rows_folded_from_a_snapshot_s_evolve_function_are_handed_its_events()
    {
        new OfficerStatisticsProjection(new RefresherPolicy(12)).IncludedEventTypes.ShouldBe(new OfficerProjection().IncludedEventTypes);
        new CaseQueueProjection().IncludedEventTypes.ShouldBe(new CaseFileProjection().IncludedEventTypes);
    }

    private static string[] Names(EventFilterable projection) => [.. projection.IncludedEventTypes.Select(t => t.Name)];
}
