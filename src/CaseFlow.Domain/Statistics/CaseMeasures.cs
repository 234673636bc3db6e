using CaseFlow.Domain.Cases;

namespace CaseFlow.Domain.Statistics;

/// <summary>
/// What one case counts for in the statistics (docs/statistics.md), derived from the case as folded from its kept
/// events: a voided step is not in the fold and counts for nothing, an amended charge moves the case's criminality
/// class, and a step recorded late counts in the agency-local month of its own instant, not of its recording.
/// </summary>
public static class CaseMeasures
{
    public const string Approved = "Approved";
    public const string Returned = "Returned";

    public static IReadOnlyList<MeasureFact> Of(CaseFile state)
    {
        var zone = state.TimeZone;
        var facts = new List<MeasureFact> { MeasureFact.At(Measures.BookingsReferred, state.BookedAt, zone) };
        void Add(string measure, DateTimeOffset? at, string? key = null, TimeSpan? duration = null)
        {
            if (at is { } instant)
                facts.Add(MeasureFact.At(measure, instant, zone, key, duration));
        }

        var kept = state.KeptEvents().ToList();
        Add(Measures.BookingsScreened, state.ScreeningOpenedAt);
        Screening(state, kept, Add);
        Detainer(state, kept, Add);
        Add(Measures.I213s, kept.OfType<I213Prepared>().LastOrDefault()?.PreparedAt);
        if (kept.OfType<ChargingDocumentPrepared>().LastOrDefault() is { } document)
            Add(Measures.ChargingDocuments, document.PreparedAt, document.DocumentType.ToString());
        Reviews(kept, Add);
        Custody(state, Add);
        return facts;
    }

    private delegate void Adder(string measure, DateTimeOffset? at, string? key = null, TimeSpan? duration = null);

    private static void Screening(CaseFile state, List<CaseEvent> kept, Adder add)
    {
        var encounter = EncounterPolicy.Of(state);
        if (encounter.Counts)
        {
            add(Measures.Encounters, encounter.At);
            add(Measures.EncountersByCountry, encounter.At, state.CitizenshipCountry ?? "unknown");
        }

        add(Measures.CitizenshipClaims, state.ClaimAssertedAt);
        if (state.ClaimAssertedAt is { } asserted && state.ClaimOutcome is not null && kept.OfType<CitizenshipClaimResolved>().LastOrDefault() is { } resolved)
            add(Measures.CitizenshipClaimsResolved, resolved.ResolvedAt, resolved.Outcome.ToString(), resolved.ResolvedAt - asserted);
    }

    private static void Detainer(CaseFile state, List<CaseEvent> kept, Adder add)
    {
        if (state.Detainer?.Stage == DetainerStage.Lifted && kept.OfType<DetainerLifted>().LastOrDefault() is { } lifted)
            add(Measures.DetainersLifted, lifted.LiftedAt, lifted.Reason.ToString());
        if (state.Detainer is not { LodgedAt: { } lodged } detainer)
            return;
        add(Measures.DetainersLodged, lodged);
        foreach (var basis in detainer.Bases.Distinct())
            add(Measures.DetainersByBasis, lodged, basis.ToString());
        add(Measures.DetainersByCriminality, lodged, Criminality.ClassOf(state)?.ToString() ?? "NotRecorded");
        if (state.Model == ProgramModel.JEM)
        {
            add(Measures.DetainerNoticesDue, lodged);
            if (detainer.IceNotifiedAt is { } notified && notified - lodged <= CaseDeadlines.DetainerNotice)
                add(Measures.DetainerNoticesWithin24h, lodged);
        }
    }

    /// <summary>Every supervisory decision, on the detainer and on the document package, timed from what it decided on.</summary>
    private static void Reviews(List<CaseEvent> kept, Adder add)
    {
        DateTimeOffset? detainerPrepared = null, packageSubmitted = null;
        foreach (var e in kept)
        {
            switch (e)
            {
                case DetainerPrepared x: detainerPrepared = x.PreparedAt; break;
                case SubmittedForReview x: packageSubmitted = x.SubmittedAt; break;
                case DetainerApproved x: add(Measures.SupervisoryReviews, x.ApprovedAt, Approved, x.ApprovedAt - detainerPrepared); break;
                case DetainerReturned x: add(Measures.SupervisoryReviews, x.ReturnedAt, Returned, x.ReturnedAt - detainerPrepared); break;
                case ReviewApproved x: add(Measures.SupervisoryReviews, x.SignedAt, Approved, x.SignedAt - packageSubmitted); break;
                case ReviewReturnedForCorrection x: add(Measures.SupervisoryReviews, x.ReturnedAt, Returned, x.ReturnedAt - packageSubmitted); break;
            }
        }
    }

    private static void Custody(CaseFile state, Adder add)
    {
        add(Measures.Releases, state.ReleasedAt);
        add(Measures.HoldsStarted, state.Hold?.From);
        add(Measures.HoldsExpiredWithoutPickup, state.HoldExpiredAt);
        add(Measures.CustodyTransfers, state.TransferredToIceAt, duration: state.TransferredToIceAt - state.ReleaseEligibleAt);
    }
}
