using CaseFlow.Demo.Plan;
using CaseFlow.Domain.Agreements;

namespace CaseFlow.Demo.Year;

/// <summary>Fiscal year 2026 over the seeded JEM and WSO agreements (docs/demo.md): the cast is decided up front, the writes streamed.</summary>
public sealed class DemoYear : IDemoPlan
{
    public IEnumerable<DemoWrite> Writes(DemoSettings settings, IReadOnlyList<AgreementSigned> agreements) =>
        new YearSchedule(YearCast.Build(settings, agreements), settings).Writes();
}
