namespace CaseFlow.Demo.Year;

/// <summary>
/// A WSO case (domain.md 1.3, docs/events.md "WSO cases"): ICE finds the person booked, sends its warrant and lodges
/// its detainer; at release the agency's WSO officer serves the warrant (CaseFlow starts the hold) and tells ICE; ICE
/// takes custody, or the hold expires; some detainers are lifted, some people released, a few claim citizenship.
/// </summary>
public sealed class WsoCase(Agency agency, string bookingNumber, DateTimeOffset bookedAt, int seed) : CaseScript(agency, bookingNumber, bookedAt, seed)
{
    public override IEnumerable<Step> Run()
    {
        if (Referral() is not { } booking)
            yield break;
        yield return booking;
        var eligible = ReleaseDate;
        var supervisor = Draw.Between(0, Senders.SupervisorsPerFieldOffice);
        if (Draw.Chance(YearMixes.Claims.Share(ClaimPath.Asserted)))
        {
            var asserted = Next(Draw.Hours(1, 24));
            yield return Jail(asserted, "CitizenshipClaimAsserted", new() { ["assertedAt"] = T(asserted), ["how"] = "Written" });
            foreach (var step in ClaimReportAndResolution(supervisor))
                yield return step;
            if (Released)
                yield break;
        }

        var warrant = Draw.Chance(0.15) ? "I-205" : "I-200";
        if (warrant == "I-205")
            supervisor = 0;
        var at = IceNext(Draw.Hours(1, 36), weekdaysOnly: false);
        yield return Ice(at, "WarrantReceivedFromIce", new()
        {
            ["receivedAt"] = T(at), ["warrantType"] = warrant, ["iceDetainerRef"] = $"DET-{Agency.Agreement.FieldOfficeCode}-{CaseId.ToString()[..8]}",
        }, supervisor);
        at = Next(Draw.Minutes(5, 60));
        yield return Ice(at, "DetainerLodged", new() { ["lodgedAt"] = T(at) }, supervisor);
        if (Draw.Chance(0.4))
        {
            at = Next(Draw.Minutes(1, 30));
            yield return Ice(at, "ReleaseNotificationRequested", new() { ["requestedAt"] = T(at) }, supervisor);
        }

        var outcome = YearMixes.WsoOutcomes.Pick(Draw);
        if (outcome == Outcome.Lifted)
        {
            at = IceNext(Draw.Hours(2, 24 * 5), weekdaysOnly: false);
            yield return Ice(at, "DetainerLifted", new() { ["liftedAt"] = T(at), ["reason"] = YearMixes.LiftReasons.Pick(Draw) }, supervisor);
            yield return Release(Next(Draw.Hours(1, 12)), "DetainerLifted");
            yield return Close(Next(Draw.Hours(0.5, 6)), "DetainerLifted");
            yield break;
        }

        eligible = eligible > Last.AddHours(1) ? eligible : Next(Draw.Hours(1, 12));
        if (outcome == Outcome.Released)
        {
            yield return Release(eligible, "Bonded");
            yield return Close(Next(Draw.Hours(0.5, 6)), "ReleasedWithoutTransfer");
            yield break;
        }

        yield return Jail(eligible, "ReleaseEligible", new() { ["at"] = T(eligible) });
        at = OnShift(Next(Draw.Minutes(5, 90)));
        var badge = OfficerAt(at);
        if (badge is null)
        {
            foreach (var step in WindUp())
                yield return step;
            yield break;
        }

        var served = at;
        var service = new System.Text.Json.Nodes.JsonObject { ["servedAt"] = T(at), ["warrantType"] = warrant };
        if (Draw.Chance(0.2))
            service["interpreterName"] = People.Interpreter(Draw);
        yield return Jail(at, "WarrantServed", service, badge);
        at = Next(Draw.Minutes(5, 50));
        yield return Jail(at, "IceNotifiedOfService", new() { ["notifiedAt"] = T(at) });
        if (outcome == Outcome.HoldExpired)
        {
            yield return Release(served + TimeSpan.FromHours(48) + Draw.Minutes(30, 240), "HoldExpired");
            yield return Close(Next(Draw.Hours(0.5, 6)), "ReleasedWithoutTransfer");
            yield break;
        }

        at = Next(served + Draw.Hours(2, 40) - Last);
        yield return Jail(at, "CustodyTransferredToIce", new() { ["at"] = T(at), ["iceOffice"] = $"ERO {Agency.Agreement.FieldOfficeCode}" });
        yield return Close(Next(Draw.Hours(0.5, 12)), "TransferredToIce");
    }
}
