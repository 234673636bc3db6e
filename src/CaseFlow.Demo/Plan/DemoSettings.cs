namespace CaseFlow.Demo.Plan;

/// <summary>
/// What decides a demo year: the seed (the same seed gives the same writes, ids and data included, every time) and the
/// scale (1.0 is the national year the README describes; tests use a small fraction of it).
/// </summary>
public sealed record DemoSettings(int Seed, double Scale)
{
    /// <summary>Fiscal year 2026, named for the year it ends: 2025-10-01 to 2026-09-30.</summary>
    public static readonly DateOnly FirstDay = new(2025, 10, 1);

    public static readonly DateOnly LastDay = new(2026, 9, 30);
}
