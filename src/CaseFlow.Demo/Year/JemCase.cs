using System.Text.Json.Nodes;

namespace CaseFlow.Demo.Year;

/// <summary>
/// A JEM case (domain.md 1.2, docs/events.md "Case events"): booking, screening, records check and interview, a
/// citizenship claim now and then, the determination, the detainer (prepared, sometimes returned, approved, lodged,
/// served, ICE told of it, sometimes late), processing and ICE's review (sometimes returned for correction), then
/// release eligibility and its outcome: transfer to ICE, a hold that expires, a lift, or a release.
/// </summary>
public sealed partial class JemCase(Agency agency, string bookingNumber, DateTimeOffset bookedAt, int seed) : CaseScript(agency, bookingNumber, bookedAt, seed)
{
    public override IEnumerable<Step> Run()
    {
        if (Referral() is not { } booking)
            yield break;
        yield return booking;
        var eligible = ReleaseDate;
        if (Draw.Chance(YearMixes.EarlyRelease))
        {
            yield return Release(Next(Draw.Hours(2, 20)), YearMixes.EarlyReleaseReasons.Pick(Draw));
            yield return Close(Next(Draw.Hours(0.5, 6)), "ReleasedWithoutTransfer");
            yield break;
        }

        var at = OnShift(Next(Draw.Minutes(20, 600)));
        var badge = OfficerAt(at);
        if (badge is null)
            goto windUp;
        yield return Jail(at, "ScreeningOpened", new() { ["openedAt"] = T(at) }, badge);
        var match = Draw.Chance(YearMixes.BiometricMatch);
        at = Next(Draw.Minutes(10, 90));
        if ((badge = OfficerAt(at, badge)) is null)
            goto windUp;
        yield return Jail(at, "RecordsCheckCompleted", new()
        {
            ["completedAt"] = T(at), ["systemsChecked"] = new JsonArray("IDENT", "EID", "NCIC"), ["biometricMatch"] = match, ["priorConvictions"] = Convictions(),
        }, badge);
        at = Next(Draw.Minutes(15, 120));
        if ((badge = OfficerAt(at, badge)) is null)
            goto windUp;
        yield return Jail(at, "InterviewConducted", Interview(at), badge);
        if (Draw.Chance(YearMixes.TransferToAgency))
        {
            at = Next(Draw.Hours(2, 48));
            yield return Jail(at, "TransferredToAgency", new() { ["toOri"] = OtherAgency(), ["at"] = T(at) });
            yield return Close(Next(Draw.Hours(0.5, 6)), "TransferredToAnotherAgency");
            yield break;
        }

        var claim = YearMixes.Claims.Pick(Draw);
        if (claim == ClaimPath.Asserted)
        {
            at = Next(Draw.Minutes(1, 30));
            yield return Jail(at, "CitizenshipClaimAsserted", new() { ["assertedAt"] = T(at), ["how"] = "Interview" });
        }
        else if (claim == ClaimPath.Determined)
        {
            at = OnShift(Next(Draw.Minutes(10, 90)));
            if ((badge = OfficerAt(at)) is null)
                goto windUp;
            yield return Jail(at, "DeterminationRecorded", new() { ["determinedAt"] = T(at), ["outcome"] = "CitizenshipClaimed" }, badge);
        }

        if (claim != ClaimPath.None)
        {
            foreach (var step in ClaimReportAndResolution(Draw.Between(0, Senders.SupervisorsPerFieldOffice)))
                yield return step;
            if (Released)
                yield break;
        }

        var determination = YearMixes.Determinations.Pick(Draw);
        var status = determination switch
        {
            "Removable" => YearMixes.RemovableStatus.Pick(Draw),
            "NotRemovable" => YearMixes.NotRemovableStatus.Pick(Draw),
            _ => null,
        };
        at = OnShift(Next(Draw.Minutes(10, 120)));
        if ((badge = OfficerAt(at)) is null)
            goto windUp;
        var determined = new JsonObject { ["determinedAt"] = T(at), ["outcome"] = determination };
        if (status is not null)
        {
            determined["citizenshipCountry"] = YearMixes.Countries.Pick(Draw);
            determined["immigrationStatus"] = status;
        }

        yield return Jail(at, "DeterminationRecorded", determined, badge);
        if (determination != "Removable" || status is null)
        {
            yield return Close(Next(Draw.Hours(1, 24)), "NoAction");
            yield break;
        }

        if (Draw.Chance(YearMixes.ChargesAmended))
            yield return Jail(Next(Draw.Hours(1, 12)), "ChargesAmended", new() { ["charges"] = People.DrawCharges(Draw), ["reason"] = "Charges amended by the prosecutor" });

        var previouslyRemoved = status == "PreviouslyRemoved";
        var warrant = previouslyRemoved ? "I-205" : "I-200";
        var supervisor = previouslyRemoved ? 0 : Draw.Between(0, Senders.SupervisorsPerFieldOffice);
        at = OnShift(Next(Draw.Minutes(15, 240)));
        if ((badge = OfficerAt(at)) is null)
            goto windUp;
        yield return Jail(at, "DetainerPrepared", Detainer(at, match, previouslyRemoved, warrant), badge);
        if (Draw.Chance(YearMixes.DetainerReturned))
        {
            at = IceNext(Draw.Minutes(20, 600), weekdaysOnly: false);
            yield return Ice(at, "DetainerReturned", new() { ["returnedAt"] = T(at), ["comments"] = "Probable cause narrative incomplete: state the basis checked" }, supervisor);
            at = OnShift(Next(Draw.Hours(1, 8)));
            if ((badge = OfficerAt(at)) is null)
                goto windUp;
            yield return Jail(at, "DetainerPrepared", Detainer(at, match, previouslyRemoved, warrant), badge);
        }

        foreach (var step in Decide("DetainerApproved", "approvedAt", supervisor, weekdaysOnly: false))
            yield return step;
        if (Draw.Chance(YearMixes.ReleaseNotificationRequested))
        {
            at = IceNext(Draw.Minutes(1, 30), weekdaysOnly: false);
            yield return Ice(at, "ReleaseNotificationRequested", new() { ["requestedAt"] = T(at) }, supervisor);
        }

        at = OnShift(Next(Draw.Minutes(10, 120)));
        if ((badge = OfficerAt(at)) is null)
            goto windUp;
        var lodged = at;
        yield return Jail(at, "DetainerLodged", new() { ["lodgedAt"] = T(at) }, badge);
        at = OnShift(Next(Draw.Minutes(5, 180)));
        if ((badge = OfficerAt(at)) is null)
            goto windUp;
        yield return Jail(at, "DetainerServedOnSubject", new() { ["servedAt"] = T(at), ["method"] = "In person at the jail" }, badge);
        at = Next(Draw.Chance(YearMixes.DetainerNoticeLate) ? lodged + Draw.Hours(25, 60) - Last : lodged + Draw.Minutes(5, 20 * 60) - Last);
        yield return Jail(at, "IceNotifiedOfDetainer", new() { ["notifiedAt"] = T(at) });
        if (Draw.Chance(YearMixes.VoidedNotice))
        {
            yield return Jail(Next(Draw.Minutes(10, 120)), "EventVoided", new() { ["voidedEventId"] = LastEventId.ToString(), ["reason"] = "Entered in error: wrong notice time" });
            at = Next(Draw.Minutes(1, 5));
            yield return Jail(at, "IceNotifiedOfDetainer", new() { ["notifiedAt"] = T(at) });
        }

        var outcome = YearMixes.JemOutcomes.Pick(Draw);
        if (Agency.Offline && outcome == Outcome.HoldExpired)
            outcome = Outcome.Transferred;
        if (outcome is Outcome.Lifted or Outcome.Released)
        {
            foreach (var step in LiftOrRelease(outcome, supervisor, eligible))
                yield return step;
            yield break;
        }

        foreach (var step in Processing(status, supervisor))
        {
            if (step is null)
                goto windUp;
            yield return step;
        }

        var drawn = eligible;
        eligible = Eligibility(drawn);
        if (ReleaseDateKnown ? eligible != drawn : Draw.Chance(YearMixes.ScheduledReleaseKnown))
        {
            foreach (var step in ScheduleRelease(eligible))
                yield return step;
        }

        yield return Jail(eligible, "ReleaseEligible", new() { ["at"] = T(eligible) });
        if (outcome == Outcome.HoldExpired)
        {
            yield return Release(eligible + TimeSpan.FromHours(48) + Draw.Minutes(30, 240), "HoldExpired");
            yield return Close(Next(Draw.Hours(0.5, 6)), "ReleasedWithoutTransfer");
            yield break;
        }

        var transfer = eligible + Draw.Hours(2, 40);
        if (Agency.Offline && Agency.NextFlush(eligible) - TimeSpan.FromMinutes(30) < transfer)
            transfer = Agency.NextFlush(eligible) - TimeSpan.FromMinutes(30);
        if (Draw.Chance(YearMixes.WarrantServedAtTransfer))
        {
            at = OnShift(Next(Draw.Minutes(10, 120)));
            if ((badge = OfficerAt(at)) is not null && at < transfer)
                yield return Jail(at, "WarrantServed", new() { ["servedAt"] = T(at), ["warrantType"] = warrant }, badge);
        }

        at = Next(transfer - Last);
        yield return Jail(at, "CustodyTransferredToIce", new() { ["at"] = T(at), ["iceOffice"] = $"ERO {Agency.Agreement.FieldOfficeCode}" });
        yield return Close(Next(Draw.Hours(0.5, 12)), "TransferredToIce");
        yield break;

    windUp:
        foreach (var step in WindUp())
            yield return step;
    }

    /// <summary>A supervisor's decision, claimed from the review queue first now and then (the same supervisor decides within the claim's 30 minutes).</summary>
    private IEnumerable<Step> Decide(string type, string instant, int supervisor, bool weekdaysOnly, JsonObject? data = null)
    {
        var at = IceNext(Draw.Minutes(20, 600), weekdaysOnly);
        if (Draw.Chance(YearMixes.ReviewClaimedFirst))
        {
            yield return Ice(at, "ReviewClaimed", new() { ["claimedAt"] = T(at) }, supervisor);
            at = Next(Draw.Minutes(5, 25));
        }

        data ??= [];
        data[instant] = T(at);
        yield return Ice(at, type, data, supervisor);
    }

    /// <summary>The I-213 and the charging document, ICE's review (returned for correction now and then), and service; null where no officer can act.</summary>
    private IEnumerable<Step?> Processing(string status, int supervisor)
    {
        var document = status == "PreviouslyRemoved" ? "Reinstatement" : YearMixes.ChargingDocuments.Pick(Draw);
        string[] items = ["I213", "ChargingDocument"];
        var first = true;
        while (true)
        {
            var at = OnShift(Next(first ? Draw.Hours(1, 30) : Draw.Hours(1, 12)));
            string? badge = null;
            if (items.Contains("I213"))
            {
                if ((badge = OfficerAt(at, badge)) is null)
                    goto noOfficer;
                yield return Jail(at, "I213Prepared", new() { ["preparedAt"] = T(at), ["documentRef"] = $"I213-{BookingNumber}" }, badge);
                at = Next(Draw.Minutes(10, 120));
            }

            if (items.Contains("ChargingDocument"))
            {
                if ((badge = OfficerAt(at, badge)) is null)
                    goto noOfficer;
                yield return Jail(at, "ChargingDocumentPrepared", new()
                {
                    ["preparedAt"] = T(at), ["documentType"] = document, ["charges"] = new JsonArray(InaCharge(status)),
                }, badge);
                at = Next(Draw.Minutes(5, 60));
            }

            if ((badge = OfficerAt(at, badge)) is null)
                goto noOfficer;
            yield return Jail(at, "SubmittedForReview", new() { ["submittedAt"] = T(at), ["items"] = new JsonArray([.. items.Select(i => (JsonNode)i)]) }, badge);
            if (!first || !Draw.Chance(YearMixes.PackageReturned))
                break;
            first = false;
            items = Draw.Pick<string[]>([["I213"], ["ChargingDocument"], ["I213", "ChargingDocument"]]);
            foreach (var step in Decide("ReviewReturnedForCorrection", "returnedAt", supervisor, weekdaysOnly: true, new()
                     {
                         ["items"] = new JsonArray([.. items.Select(i => (JsonNode)i)]), ["comments"] = "Narrative does not match the charging document: correct and resubmit",
                     }))
                yield return step;
        }

        foreach (var step in Decide("ReviewApproved", "signedAt", supervisor, weekdaysOnly: true))
            yield return step;
        var served = OnShift(Next(Draw.Hours(1, 24)));
        if (OfficerAt(served) is { } officer)
        {
            yield return Jail(served, "ChargingDocumentServed", new() { ["servedAt"] = T(served) }, officer);
            yield break;
        }

    noOfficer:
        yield return null;
    }

    /// <summary>ICE lifts the detainer (for one of its lift reasons) or the jail releases the person; the case closes.</summary>
    private IEnumerable<Step> LiftOrRelease(Outcome outcome, int supervisor, DateTimeOffset eligible)
    {
        if (outcome == Outcome.Lifted)
        {
            var at = IceNext(Draw.Hours(2, 24 * 7), weekdaysOnly: false);
            yield return Ice(at, "DetainerLifted", new() { ["liftedAt"] = T(at), ["reason"] = YearMixes.LiftReasons.Pick(Draw) }, supervisor);
            yield return Release(Next(Draw.Hours(1, 12)), "DetainerLifted");
            yield return Close(Next(Draw.Hours(0.5, 6)), "DetainerLifted");
            yield break;
        }

        yield return Release(eligible > Last ? eligible : Next(Draw.Hours(1, 12)), "Bonded");
        yield return Close(Next(Draw.Hours(0.5, 6)), "ReleasedWithoutTransfer");
    }
}
