namespace CaseFlow.Domain.Officers;

/// <summary>
/// JEM MOA §IV.C: 70% passes each exam; a nominee may take at most one remedial exam; failing two exams
/// disqualifies.
/// </summary>
public static class TrainingPolicy
{
    public const int PassMark = 70;

    public static TrainingOutcome Judge(IReadOnlyList<ExamResult> exams)
    {
        if (exams.Count(e => e.Score < PassMark) >= 2)
            return TrainingOutcome.Disqualified;
        var everyExamPassed = exams.GroupBy(e => e.Exam).All(attempts => attempts.Any(a => a.Score >= PassMark));
        return everyExamPassed ? TrainingOutcome.Passed : TrainingOutcome.RemedialRequired;
    }

    /// <summary>What makes a set of attempts impossible (a refusal), before judging it.</summary>
    public static Refusal? CheckAttempts(IReadOnlyList<ExamResult> exams)
    {
        if (exams.Count == 0)
            return new Refusal("no-exam-results", "No exam results", "Training is recorded with the score of every exam attempt.");
        if (exams.Any(e => e.Score is < 0 or > 100))
            return new Refusal("score-out-of-range", "A score is out of range", "Exam scores are percentages from 0 to 100.");
        if (exams.Count(e => e.Remedial) > 1)
            return new Refusal("more-than-one-remedial", "More than one remedial exam", "A nominee may take at most one remedial exam (MOA §IV.C).");
        var remedialWithoutFailure = exams.Where(e => e.Remedial)
            .Any(r => !exams.Any(e => !e.Remedial && e.Exam == r.Exam && e.Score < PassMark));
        return remedialWithoutFailure
            ? new Refusal("remedial-without-failure", "A remedial exam needs a failed exam", "A remedial exam retakes an exam that was failed.")
            : null;
    }
}
