using CaseFlow.Demo.Plan;
using CaseFlow.Server.Security;

namespace CaseFlow.Demo.Loader;

/// <summary>
/// Which writes may wait in one window with the writes already in it. Writes of one instant never depend on each other
/// across streams (the plan's contract), and a case write depends on no other case (<see cref="WriteGroups"/> orders a
/// case's own writes), so only a governance write (an officer, an agreement, a complaint) can make a later write of the
/// window depend on it, or depend on an earlier one: within its agency. A write's agency is its sender's ORI claim (a
/// jail's screening system: its cases, officers and complaints) or the ORI in an agreement's path; an ICE supervisor's
/// write (a review, an officer's training) names none, so it counts as every agency's. A write therefore ends the
/// window before it when the window holds, at an earlier instant, a governance write of its agency (or the write is a
/// governance write and the window holds any earlier write of its agency).
/// </summary>
public sealed class WindowDependencies
{
    private const string Agreements = "/api/agreements/";

    // The earliest instant in the window of a write, and of a governance write, per agency ("" for a write naming none).
    private readonly Dictionary<string, DateTimeOffset> _firstWrite = [];
    private readonly Dictionary<string, DateTimeOffset> _firstGovernance = [];
    private DateTimeOffset _first = DateTimeOffset.MaxValue;
    private DateTimeOffset _firstGovernanceAny = DateTimeOffset.MaxValue;

    /// <summary>Whether <paramref name="write"/> may depend on a write already in the window.</summary>
    public bool DependsOnWindow(DemoWrite write)
    {
        var agency = AgencyOf(write);
        if (WriteGroups.TouchesCasesOnly(write))
            return (agency == "" ? _firstGovernanceAny : Earliest(_firstGovernance, agency, "")) < write.SentAt;
        return (agency == "" ? _first : Earliest(_firstWrite, agency, "")) < write.SentAt;
    }

    public void Add(DemoWrite write)
    {
        var agency = AgencyOf(write);
        _firstWrite.TryAdd(agency, write.SentAt);
        if (_first == DateTimeOffset.MaxValue)
            _first = write.SentAt;
        if (WriteGroups.TouchesCasesOnly(write))
            return;
        _firstGovernance.TryAdd(agency, write.SentAt);
        if (_firstGovernanceAny == DateTimeOffset.MaxValue)
            _firstGovernanceAny = write.SentAt;
    }

    public void Clear()
    {
        _firstWrite.Clear();
        _firstGovernance.Clear();
        _first = _firstGovernanceAny = DateTimeOffset.MaxValue;
    }

    /// <summary>The earliest instant of the agency's writes or of writes naming no agency (which are every agency's).</summary>
    private static DateTimeOffset Earliest(Dictionary<string, DateTimeOffset> first, string agency, string none) =>
        new[] { first.GetValueOrDefault(agency, DateTimeOffset.MaxValue), first.GetValueOrDefault(none, DateTimeOffset.MaxValue) }.Min();

    private static string AgencyOf(DemoWrite write)
    {
        var ori = write.By.Claims.FirstOrDefault(c => c.Key == CaseFlowClaims.Ori).Value;
        if (ori is not null)
            return ori;
        return write.Path.StartsWith(Agreements, StringComparison.Ordinal) ? write.Path.Split('/')[3] : "";
    }
}
