namespace CaseFlow.Import;

/// <summary>What became of a row: a batch item's status, or <c>pending</c>, <c>invalid</c>, <c>skipped-dependency</c> decided here.</summary>
public sealed record RowResult(ImportRow Row, string Status, Guid? CaseId = null, long? Version = null, string? ProblemType = null, string? Detail = null)
{
    public const string Pending = "pending";
    public const string Applied = "applied";
    public const string Replayed = "replayed";
    public const string Invalid = "invalid";
    public const string SkippedDependency = "skipped-dependency";

    /// <summary>Stored: nothing is left to do for the row.</summary>
    public bool IsDone => Status is Applied or Replayed;
}
