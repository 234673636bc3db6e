using CaseFlow.Domain.Agreements;

namespace CaseFlow.Demo.Plan;

/// <summary>
/// The demo year as a stream of writes, produced lazily (a national year does not fit in memory at once) in
/// non-decreasing <see cref="DemoWrite.SentAt"/>. Writes to one stream come in the order they must be applied. A
/// write that depends on another stream's state (a case event needing its officer's authorization, a decision needing
/// the submission) has a strictly later <see cref="DemoWrite.SentAt"/> than the writes it depends on, so the loader
/// may send writes of one instant to different streams concurrently. Every write must be accepted by CaseFlow's
/// rules: the loader stops at the first refusal.
/// </summary>
public interface IDemoPlan
{
    IEnumerable<DemoWrite> Writes(DemoSettings settings, IReadOnlyList<AgreementSigned> agreements);
}
