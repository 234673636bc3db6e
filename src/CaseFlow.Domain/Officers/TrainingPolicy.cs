namespace CaseFlow.Domain.Officers;

/// <summary>
/// JEM MOA §IV.C: 70% passes each exam; a nominee may take at most one remedial exam; failing two exams
/// disqualifies. The attempts count per model across every training event recorded for it, so a remedial retake
/// recorded as a training event of its own is judged with the failure it retakes: two failed attempts at the same
/// exam (or at two exams) disqualify, however the course's results were split into events.
/// </summary>
public static class TrainingPolicy
{
    public const int PassMark = 70;
    public const int FailuresThatDisqualify = 2;

    /// <param name="earlier">The attempts already recorded for the model, in earlier training events.</param>
    /// <param name="exams">This event's attempts.</param>
    public static TrainingOutcome Judge(IReadOnlyList<ExamResult> earlier, IReadOnlyList<ExamResult> exams)
    {
        var attempts = earlier.Concat(exams).ToList();
        if (attempts.Count(Failed) >= FailuresThatDisqualify)
            return TrainingOutcome.Disqualified;
        var everyExamPassed = attempts.GroupBy(e => e.Exam).All(tries => tries.Any(a => !Failed(a)));
        return everyExamPassed ? TrainingOutcome.Passed : TrainingOutcome.RemedialRequired;
    }

    public static bool Failed(ExamResult attempt) => attempt.Score < PassMark;

    /// <summary>What makes a set of attempts impossible (a refusal), before judging it with the earlier ones.</summary>
    public static Refusal? CheckAttempts(IReadOnlyList<ExamResult> earlier, IReadOnlyList<ExamResult> exams)
    {
        if (exams.Count == 0)
            return new Refusal("no-exam-results", "No exam results", "Training is recorded with the score of every exam attempt.");
        if (exams.Any(e => e.Score is < 0 or > 100))
            return new Refusal("score-out-of-range", "A score is out of range", "Exam scores are percentages from 0 to 100.");
        var attempts = earlier.Concat(exams).ToList();
        if (attempts.Count(e => e.Remedial) > 1)
            return new Refusal("more-than-one-remedial", "More than one remedial exam", "A nominee may take at most one remedial exam (MOA §IV.C), counting earlier training events.");
        var remedialWithoutFailure = exams.Where(e => e.Remedial)
            .Any(r => !attempts.Any(e => !e.Remedial && e.Exam == r.Exam && Failed(e)));
        return remedialWithoutFailure
            ? new Refusal("remedial-without-failure", "A remedial exam needs a failed exam", "A remedial exam retakes an exam that was failed.")
            : null;
    }
}
