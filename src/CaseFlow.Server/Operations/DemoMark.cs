namespace CaseFlow.Server.Operations;

/// <summary>
/// The mark of a demo database: the demo fiscal year loaded into it (src/CaseFlow.Demo.Loader), by seed, scale and the
/// plan's version; <see cref="Complete"/> once every write of the year is stored. Its cases are made up, its people
/// synthetic. A database holding one is never a real one.
/// </summary>
public sealed record DemoMark(int Seed, double Scale, string PlanVersion, bool Complete)
{
    public const string Key = "demo-year";

    public string Id { get; init; } = Key;
}
