using CaseFlow.Domain.Officers;

namespace CaseFlow.Domain.Tests.Officers;

/// <summary>MOA §IV.C: 70% passes; at most one remedial exam; two failures disqualify.</summary>
public class TrainingPolicyTests
{
    private static ExamResult[] Exams(string spec) =>
        spec.Split(' ').Select(part =>
        {
            var remedial = part.EndsWith('r');
            var (exam, score) = (part[0].ToString(), int.Parse(part[1..].TrimEnd('r'), System.Globalization.CultureInfo.InvariantCulture));
            return new ExamResult(exam, score, remedial);
        }).ToArray();

    [Theory]
    [InlineData("A70", TrainingOutcome.Passed)]
    [InlineData("A100 B70 C85", TrainingOutcome.Passed)]
    [InlineData("A69", TrainingOutcome.RemedialRequired)]
    [InlineData("A90 B65", TrainingOutcome.RemedialRequired)]
    [InlineData("A65 A70r", TrainingOutcome.Passed)]
    [InlineData("A65 B80 A95r", TrainingOutcome.Passed)]
    [InlineData("A65 A69r", TrainingOutcome.Disqualified)]
    [InlineData("A60 B60", TrainingOutcome.Disqualified)]
    [InlineData("A0 B100 C0", TrainingOutcome.Disqualified)]
    public void exams_are_judged_by_the_moas_rules(string exams, TrainingOutcome expected) =>
        TrainingPolicy.Judge([], Exams(exams)).ShouldBe(expected);

    /// <summary>The same attempts split over two training events (earlier | this one) are judged alike.</summary>
    [Theory]
    [InlineData("A65", "A69r", TrainingOutcome.Disqualified)]
    [InlineData("A65", "A70r", TrainingOutcome.Passed)]
    [InlineData("A65 B90", "A69r", TrainingOutcome.Disqualified)]
    [InlineData("A65", "B80", TrainingOutcome.RemedialRequired)]
    [InlineData("A65", "B60", TrainingOutcome.Disqualified)]
    [InlineData("A65 A75r", "B69", TrainingOutcome.Disqualified)]
    public void attempts_count_across_training_events(string earlier, string exams, TrainingOutcome expected) =>
        TrainingPolicy.Judge(Exams(earlier), Exams(exams)).ShouldBe(expected);

    [Theory]
    [InlineData("A65 A70r B65 B70r", "more-than-one-remedial")]
    [InlineData("A80 A90r", "remedial-without-failure")]
    [InlineData("A65 B90r", "remedial-without-failure")]
    [InlineData("A101", "score-out-of-range")]
    [InlineData("A-1", "score-out-of-range")]
    [InlineData("A65 A75r", null)]
    public void impossible_attempts_are_refused(string exams, string? refusal) =>
        (TrainingPolicy.CheckAttempts([], Exams(exams))?.Code).ShouldBe(refusal);

    [Theory]
    [InlineData("A65 A70r", "B65 B70r", "more-than-one-remedial")]
    [InlineData("A65", "A70r", null)]
    [InlineData("A80", "A90r", "remedial-without-failure")]
    public void remedial_exams_are_checked_against_earlier_training_events(string earlier, string exams, string? refusal) =>
        (TrainingPolicy.CheckAttempts(Exams(earlier), Exams(exams))?.Code).ShouldBe(refusal);

    [Fact]
    public void no_results_are_refused() => TrainingPolicy.CheckAttempts([], [])!.Code.ShouldBe("no-exam-results");
}
