namespace CaseFlow.Domain.Cases;

/// <summary>
/// Which dispositions a case's facts support (docs/events.md, "Closure"): a case closes only with one of them, and a
/// transfer to ICE or a confirmed citizenship claim, once recorded, is the only disposition that tells the truth.
/// </summary>
public static class Dispositions
{
    public static IReadOnlyList<Disposition> Supported(CaseFile state) =>
        state.TransferredToIceAt is not null ? [Disposition.TransferredToIce]
        : state.CitizenshipConfirmed ? [Disposition.CitizenshipConfirmed]
        : Enum.GetValues<Disposition>().Where(d => d switch
        {
            Disposition.ReleasedWithoutTransfer => state.ReleasedAt is not null,
            Disposition.DetainerLifted => state.Detainer?.Stage == DetainerStage.Lifted,
            Disposition.TransferredToAnotherAgency => state.TransferredToOri is not null,
            Disposition.NoAction => state.Determination is Determination.NotRemovable or Determination.InsufficientInformation && state.Detainer is null,
            _ => false,
        }).ToList();

    public static Refusal? Check(CaseFile state, CaseClosed e) =>
        Supported(state) is var supported && supported.Contains(e.Disposition) ? null
        : new Refusal("disposition-contradicts-facts", $"The case's facts do not support {e.Disposition}",
            $"The facts recorded support closing as: {string.Join(", ", supported)}.");
}
