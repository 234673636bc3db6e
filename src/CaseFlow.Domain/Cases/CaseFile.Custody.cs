namespace CaseFlow.Domain.Cases;

public sealed partial record CaseFile
{
    /// <summary>ICE confirmed the person's US citizenship: enforcement is over for good, and no new claim reopens it.</summary>
    public bool CitizenshipConfirmed => ClaimOutcome == Cases.ClaimOutcome.CitizenshipConfirmed;

    /// <summary>
    /// The person is no longer held by the jail for this case: released, handed to another agency, or free of the
    /// detainer that held them. Steps that need the person in the jail's custody are refused from then on.
    /// </summary>
    public bool OutOfJailCustody => ReleasedAt is not null || TransferredToOri is not null || Detainer?.Stage == DetainerStage.Lifted;
}
