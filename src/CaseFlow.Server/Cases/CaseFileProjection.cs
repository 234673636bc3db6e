using CaseFlow.Domain.Cases;
using CaseFlow.Server.Intake;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CaseFlow.Server.Cases;

/// <summary>
/// The inline case summary. Transitions live in the domain's <see cref="CaseFile.Evolve"/>; this adds what only
/// the stored event knows: its version and the integrity hash that heads the stream's chain.
/// </summary>
public partial class CaseFileProjection : SingleStreamProjection<CaseFile, Guid>
{
    public override CaseFile? Evolve(CaseFile? snapshot, Guid id, IEvent e) =>
        CaseFile.Evolve(snapshot, e.Data) is { } next
            ? next with { Version = e.Version, ChainHead = e.GetHeader(EventHeaders.Hash)?.ToString() ?? next.ChainHead }
            : null;
}
