using System.Text.Json.Nodes;
using CaseFlow.Ids;

namespace CaseFlow.Demo.Year;

/// <summary>
/// One case's writes in the order they are applied, drawn from the case's own seeded source. Every step lies at or
/// after the one before it; a step of ICE's comes after CaseFlow has recorded what it decides on (an offline jail's
/// batch included); an officer's step needs an officer authorized then and the agreement in force, and a case that
/// finds neither is wound up (released and closed), as a jail would.
/// </summary>
public abstract class CaseScript
{
    protected CaseScript(Agency agency, string bookingNumber, DateTimeOffset bookedAt, int seed)
    {
        Agency = agency;
        BookingNumber = bookingNumber;
        BookedAt = bookedAt;
        Seed = seed;
        CaseId = CaseFlowIds.Case(agency.Ori, bookingNumber);
        Draw = new Draw(seed, $"case|{agency.Ori}|{bookingNumber}");
        Last = bookedAt;
    }

    public Agency Agency { get; }

    public string BookingNumber { get; }

    public Guid CaseId { get; }

    protected DateTimeOffset BookedAt { get; }

    protected int Seed { get; }

    protected Draw Draw { get; }

    /// <summary>The instant of the latest step.</summary>
    protected DateTimeOffset Last { get; private set; }

    /// <summary>When CaseFlow has recorded every step so far (an offline jail's batch arrives later than its steps).</summary>
    protected DateTimeOffset Recorded { get; private set; }

    /// <summary>The id of the latest step's event.</summary>
    protected Guid LastEventId { get; private set; }

    protected bool Released { get; private set; }

    private int index;

    public abstract IEnumerable<Step> Run();

    protected DateTimeOffset Next(TimeSpan gap) => Last + (gap < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : gap);

    /// <summary>An officer's step at or after <paramref name="at"/>, within the jail's 287(g) shift (06:00–22:00 local, every day).</summary>
    protected DateTimeOffset OnShift(DateTimeOffset at) => Agency.Clock.Within(at, 6, 22, weekdaysOnly: false, Draw);

    /// <summary>ICE's next step: <paramref name="gap"/> after the case is recorded as it stands, in a supervisor's hours.</summary>
    protected DateTimeOffset IceNext(TimeSpan gap, bool weekdaysOnly)
    {
        var from = (Recorded > Last ? Recorded : Last) + (gap < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : gap);
        return Agency.Clock.Within(from, 7, 20, weekdaysOnly, Draw);
    }

    /// <summary>An officer authorized at <paramref name="at"/> under an agreement in force (<paramref name="preferred"/>, the one at work on the case, while still authorized), or null.</summary>
    protected string? OfficerAt(DateTimeOffset at, string? preferred = null) =>
        !Agency.InForceAt(at) ? null
        : preferred is not null && Agency.Authorized(preferred, at) ? preferred
        : Agency.OfficerOn(at, Draw);

    protected string T(DateTimeOffset at) => Agency.Clock.Format(at);

    /// <summary>When the person becomes release-eligible, drawn at booking (<see cref="YearMixes.Stay"/>).</summary>
    protected DateTimeOffset ReleaseDate { get; private set; }

    /// <summary>Whether the jail knew the release date at booking (and sent it as the scheduled release).</summary>
    protected bool ReleaseDateKnown { get; private set; }

    /// <summary>The booking, referred 15-180 minutes after it was made; null when the agreement is not in force then.</summary>
    protected Step? Referral()
    {
        var referred = BookedAt + Draw.Minutes(15, 180);
        if (!Agency.InForceAt(referred))
            return null;
        var (from, to) = YearMixes.Stay.Pick(Draw);
        ReleaseDate = BookedAt + Draw.Days(from, to);
        ReleaseDateKnown = Draw.Chance(YearMixes.ScheduledReleaseKnown);
        return Booking(referred, People.DrawCharges(Draw), ReleaseDateKnown ? ReleaseDate : null);
    }

    /// <summary>A citizenship claim's report (late now and then) and ICE's resolution; a confirmed citizen is released and the case closed.</summary>
    protected IEnumerable<Step> ClaimReportAndResolution(int supervisor)
    {
        var at = Next(Draw.Chance(YearMixes.ClaimReportLate) ? Draw.Minutes(65, 300) : Draw.Minutes(5, 55));
        yield return Jail(at, "CitizenshipClaimReported", new() { ["reportedAt"] = T(at), ["reportedTo"] = $"ERO {Agency.Agreement.FieldOfficeCode} duty officer" });
        at = IceNext(Draw.Hours(1, 30), weekdaysOnly: false);
        var confirmed = Draw.Chance(YearMixes.ClaimConfirmed);
        yield return Ice(at, "CitizenshipClaimResolved", new() { ["resolvedAt"] = T(at), ["outcome"] = confirmed ? "CitizenshipConfirmed" : "NotSubstantiated" }, supervisor);
        if (!confirmed)
            yield break;
        yield return Release(Next(Draw.Hours(1, 6)), "CitizenshipConfirmed");
        yield return Close(Next(Draw.Hours(0.5, 6)), "CitizenshipConfirmed");
    }

    private Step Booking(DateTimeOffset referredAt, JsonArray charges, DateTimeOffset? scheduledRelease)
    {
        var data = new JsonObject
        {
            ["model"] = Agency.Model.ToString(), ["bookingNumber"] = BookingNumber, ["bookedAt"] = T(BookedAt), ["charges"] = charges,
        };
        if (scheduledRelease is { } release)
            data["scheduledRelease"] = T(release);
        data["subject"] = People.Subject(Draw, BookedAt);
        return Jail(referredAt, "BookingRecorded", data, path: "/api/bookings");
    }

    /// <summary>A step of the jail (its screening system, naming <paramref name="badge"/> for an officer's step); an offline jail holds it for its next batch.</summary>
    protected Step Jail(DateTimeOffset at, string type, JsonObject data, string? badge = null, string? path = null)
    {
        var sent = Agency.Offline ? Agency.NextFlush(at) : at;
        return Record(at, sent, new Step(at, Agency.Jail, path ?? CasePath, Envelopes.Of(NextId(), type, T(at), data, badge, late: Agency.Offline))
        {
            SentAt = sent, Stream = CaseId, HeldBy = Agency.Offline ? Agency : null,
        });
    }

    /// <summary>A step of ICE's supervisor <paramref name="supervisor"/> of the agency's field office (never held back).</summary>
    protected Step Ice(DateTimeOffset at, string type, JsonObject data, int supervisor) =>
        Record(at, at, new Step(at, Agency.Ice(supervisor), CasePath, Envelopes.Of(NextId(), type, T(at), data)) { Stream = CaseId });

    protected Step Release(DateTimeOffset at, string reason)
    {
        Released = true;
        return Jail(at, "ReleasedFromLocalCustody", new() { ["at"] = T(at), ["reason"] = reason });
    }

    protected Step Close(DateTimeOffset at, string disposition) =>
        Jail(at, "CaseClosed", new() { ["closedAt"] = T(at), ["disposition"] = disposition });

    /// <summary>No officer could act (none authorized, or the agreement lapsed): the jail releases the person and closes the case.</summary>
    protected IEnumerable<Step> WindUp()
    {
        if (!Released)
            yield return Release(Next(Draw.Hours(1, 8)), "Other");
        yield return Close(Next(Draw.Hours(0.5, 6)), "ReleasedWithoutTransfer");
    }

    private string CasePath => $"/api/cases/{CaseId}/events";

    private Guid NextId() => Envelopes.EventId(Seed, CaseId, index++);

    private Step Record(DateTimeOffset at, DateTimeOffset sent, Step step)
    {
        if (at < Last)
            throw new InvalidOperationException($"{BookingNumber}: a step at {at:u} would precede the step before it ({Last:u}).");
        Last = at;
        Recorded = sent > Recorded ? sent : Recorded;
        LastEventId = Envelopes.EventId(Seed, CaseId, index - 1);
        return step;
    }
}
