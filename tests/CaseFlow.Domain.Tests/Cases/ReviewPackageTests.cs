using CaseFlow.Domain.Cases;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>Supervisory review covers every document prepared since the last decision.</summary>
public class ReviewPackageTests
{
    private static readonly DateTimeOffset Returned = T0.AddHours(13);

    private static CaseFile ReturnedThenPrepared(params CaseEvent[] prepared) =>
        Fold([.. Path().Take(13), new ReviewReturnedForCorrection(Returned, [ReviewItem.I213], "entry date missing", Supervisor), .. prepared]);

    public static TheoryData<string, string, string?> Table => new()
    {
        // documents prepared since the last decision, items submitted, refusal
        { "first: I213 ChargingDocument", "I213 ChargingDocument", null },
        { "first: I213 ChargingDocument", "I213 ChargingDocument SwornStatement", null },
        { "first: I213 ChargingDocument", "I213", "submission-incomplete" },
        { "first: I213 ChargingDocument", "ChargingDocument", "submission-incomplete" },
        { "after return: I213", "I213", null },
        { "after return: I213", "ChargingDocument", "submission-incomplete" },
        { "after return: I213 ChargingDocument", "I213", "submission-incomplete" },
        { "after return: ChargingDocument ChargingDocument", "ChargingDocument", null },
        { "after return: nothing", "SwornStatement", null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void a_submission_includes_every_document_prepared_since_the_last_decision(string prepared, string submitted, string? refusal)
    {
        var state = prepared.StartsWith("first", StringComparison.Ordinal) ? After(12) : ReturnedThenPrepared([.. Documents(prepared)]);
        var items = submitted.Split(' ').Select(Enum.Parse<ReviewItem>).ToList();

        (Judge(state, new SubmittedForReview(Returned.AddHours(2), items), Context())?.Code).ShouldBe(refusal);
    }

    [Fact]
    public void a_voided_document_is_not_required()
    {
        var state = ReturnedThenPrepared(new I213Prepared(Returned.AddMinutes(10), "I213-2", Jail), new ChargingDocumentPrepared(Returned.AddMinutes(20), ChargingDocumentType.NoticeToAppear, ["x"], Jail));
        var voided = CaseFile.Evolve(state, Guid.NewGuid(), new EventVoided(state.Facts[^1].EventId, "prepared on the wrong case"))!;

        Judge(voided, new SubmittedForReview(Returned.AddHours(1), [ReviewItem.I213]), Context()).ShouldBeNull();
    }

    [Theory]
    [InlineData("I213 ChargingDocument", null)]
    [InlineData("I213", "submission-incomplete")]
    public void approving_a_partial_submission_is_refused(string submitted, string? refusal)
    {
        // A submission recorded before the rule (or by an older client) stands in the history; approving it is judged now.
        var pending = Fold([.. Path().Take(12), new SubmittedForReview(T0.AddHours(12), [.. submitted.Split(' ').Select(Enum.Parse<ReviewItem>)], Jail)]);

        (Judge(pending, new ReviewApproved(T0.AddHours(13)), Context(Supervisor))?.Code).ShouldBe(refusal);
    }

    private static IEnumerable<CaseEvent> Documents(string prepared) =>
        prepared[(prepared.IndexOf(':', StringComparison.Ordinal) + 2)..].Split(' ').Select((d, i) => d switch
        {
            "I213" => new I213Prepared(Returned.AddMinutes(10 + i), "I213-2", Jail),
            "ChargingDocument" => (CaseEvent)new ChargingDocumentPrepared(Returned.AddMinutes(10 + i), ChargingDocumentType.NoticeToAppear, ["212(a)(6)(A)(i)"], Jail),
            _ => null!,
        }).Where(e => e is not null);
}
