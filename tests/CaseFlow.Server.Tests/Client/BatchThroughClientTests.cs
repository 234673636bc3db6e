using CaseFlow.Client.Generated.Models;
using CaseFlow.Ids;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Client;

/// <summary>A jail that was offline sends what it buffered as one batch, through the generated client.</summary>
public class BatchThroughClientTests(AppFixture app)
{
    [Fact]
    public async Task a_batch_starts_a_case_and_continues_it_in_order_and_sent_again_is_replayed()
    {
        var jem = await CaseScenario.Create(app);
        var jail = app.Client(jem.Jail);
        var bookingNumber = Envelopes.NewBookingNumber();
        var caseId = CaseFlowIds.Case(jem.Ori, bookingNumber);
        var (referredAt, openedAt) = (DateTimeOffset.UtcNow.AddHours(-3), DateTimeOffset.UtcNow.AddHours(-2));
        var batch = new BatchRequest
        {
            Events =
            [
                new() { BookingRecordedBatchEnvelope = new() { EventId = Guid.NewGuid(), Type = BookingRecordedBatchEnvelope_type.BookingRecorded, OccurredAt = referredAt,
                    Data = GeneratedClient.Booking(bookingNumber, ProgramModel.JEM, referredAt, "A045678901") } },
                new() { ScreeningOpenedBatchEnvelope = new() { EventId = Guid.NewGuid(), Type = ScreeningOpenedBatchEnvelope_type.ScreeningOpened, CaseId = caseId,
                    OccurredAt = openedAt, OfficerId = CaseScenario.Badge, Data = new() { OpenedAt = openedAt } } },
                new() { DetainerLodgedBatchEnvelope = new() { EventId = Guid.NewGuid(), Type = DetainerLodgedBatchEnvelope_type.DetainerLodged, CaseId = caseId,
                    OccurredAt = openedAt.AddMinutes(1), OfficerId = CaseScenario.Badge, Data = new() { LodgedAt = openedAt.AddMinutes(1) } } },
            ],
        };
        var ct = TestContext.Current.CancellationToken;

        var first = (await jail.Api.Events.Batch.PostAsync(batch, cancellationToken: ct))!;
        var again = (await jail.Api.Events.Batch.PostAsync(batch, cancellationToken: ct))!;

        first.Results!.Select(r => (r.Index, r.Status, r.CaseId, r.Version)).ShouldBe([(0, BatchItemStatus.Applied, caseId, 1L), (1, BatchItemStatus.Applied, caseId, 2L), (2, BatchItemStatus.Refused, caseId, null)]);
        first.Results![2].Problem!.Type.ShouldBe("urn:caseflow:problem:out-of-sequence");
        again.Results!.Select(r => r.Status).ShouldBe([BatchItemStatus.Replayed, BatchItemStatus.Replayed, BatchItemStatus.Refused]);
    }
}
