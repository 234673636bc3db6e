using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Demo.Plan;
using CaseFlow.Demo.Year;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Complaints;
using CaseFlow.Domain.Officers;
using CaseFlow.Ids;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Writing;

namespace CaseFlow.Demo.Tests;

/// <summary>
/// Folds every write of a year through the domain's own rules, without a database, as the write path would judge
/// them at their instant: each event read and stamped as the server reads it (its role checked), agreements by
/// <see cref="AgreementRules"/>, officers by <see cref="OfficerRules"/> (training judged with the attempts recorded),
/// complaints by <see cref="ComplaintRules"/>, cases by <see cref="CaseRules"/> with the agency's agreement and the
/// acting officer's record as they stand (sequence, data, instants against the instant sent, the officer's authority
/// and the agreement then, supervisors' scope and warrant authority, voids), folded with the holds CaseFlow appends,
/// and each running hold expired, as the loader delivers it, before a write sent after its deadline.
/// </summary>
public sealed class YearReplay
{
    private static readonly JsonSerializerOptions Json = Options();
    private readonly Dictionary<Guid, CaseFile> cases = [];
    private readonly Dictionary<Guid, Agreement> agreements;
    private readonly Dictionary<Guid, Officer> officers = [];
    private readonly Dictionary<Guid, Complaint> complaints = [];

    public YearReplay(IReadOnlyList<AgreementSigned> signed) => agreements = signed.ToDictionary(a => a.AgreementId, Agreement.Sign);

    public List<string> Refusals { get; } = [];

    public int Events { get; private set; }

    public IReadOnlyCollection<CaseFile> Cases => cases.Values;

    public IReadOnlyCollection<Complaint> Complaints => complaints.Values;

    public void Apply(DemoWrite write)
    {
        var segments = write.Path.Split('/');
        var events = Years.Events(write)
            .Select(e => (Envelope: e, Case: (string?)e["caseId"] ?? (segments[2] == "cases" ? segments[3] : null)))
            .ToList();
        foreach (var caseId in events.Select(e => e.Case).OfType<string>().Distinct())
            ExpireHold(Guid.Parse(caseId), write.SentAt);
        foreach (var (envelope, caseId) in events)
        {
            Events++;
            var type = (string)envelope["type"]!;
            var refusal = (segments[2], type) switch
            {
                (_, "BookingRecorded") => Book(write, envelope),
                (_, _) when caseId is not null => Case(write, Guid.Parse(caseId), type, envelope),
                ("officers", "OfficerNominated") => Nominate(write, envelope),
                ("officers", _) => Stream(officers, Guid.Parse(segments[3]), PostOfficerEventEndpoint.Kinds, write, envelope,
                    (officer, e) => OfficerRules.Check(officer, e, AgreementsOf(officer.Ori)), (officer, e) => e is TrainingResults r ? r.ToEvent(officer) : e, Officer.Evolve),
                ("complaints", "ComplaintReceived") => Receive(write, envelope),
                ("complaints", _) => Stream(complaints, Guid.Parse(segments[3]), PostComplaintEventEndpoint.Kinds, write, envelope, ComplaintRules.Check, (_, e) => e, Complaint.Evolve),
                ("agreements", _) => Stream(agreements, AgreementId.For(segments[3], Enum.Parse<ProgramModel>(segments[4])), PostAgreementEventEndpoint.Kinds, write, envelope,
                    AgreementRules.Check, (_, e) => e, Agreement.Evolve),
                _ => new Refusal("unknown-path", write.Path, ""),
            };
            if (refusal is not null)
                Refusals.Add($"{write.SentAt:u} {write.Path} {type}: {refusal.Code} {refusal.Detail}");
        }
    }

    private Refusal? Book(DemoWrite write, JsonObject envelope)
    {
        var data = envelope["data"]!;
        var ori = Ori(write);
        var model = Enum.Parse<ProgramModel>((string)data["model"]!);
        var agreement = agreements[AgreementId.For(ori, model)];
        var charges = data["charges"].Deserialize<List<Charge>>(Json)!;
        if (!agreement.IsInForceAt(Occurred(envelope)) || !agreement.IsInForceAt(write.SentAt))
            return new Refusal("agreement-not-in-force", "", "");
        if (!charges.Any(c => c.IsCriminal))
            return new Refusal("no-criminal-charge", "", "");
        var booking = new BookingRecorded(CaseFlowIds.Case(ori, (string)data["bookingNumber"]!), ori, model, (string)data["bookingNumber"]!,
            DateTimeOffset.Parse((string)data["bookedAt"]!), charges, data["scheduledRelease"] is { } release ? DateTimeOffset.Parse((string)release!) : null,
            Guid.Empty, agreement.Id, agreement.FieldOfficeCode, agreement.TimeZone);
        return cases.TryAdd(booking.CaseId, CaseFile.Evolve(null, EventId(envelope), booking)!) ? null : new Refusal("booking-already-recorded", "", "");
    }

    private Refusal? Case(DemoWrite write, Guid caseId, string type, JsonObject envelope)
    {
        var state = cases[caseId];
        var kind = CaseEventKinds.ByType[type];
        if (!kind.RolesUnder(state.Model).Contains(write.By.Role))
            return new Refusal("role-may-not-post-event-type", write.By.Role, "");
        var badge = (string?)envelope["officerId"];
        var actor = new Actor(write.By.Subject, badge);
        var e = (CaseEvent)kind.ToEvent(envelope["data"].Deserialize(kind.DataType, Json)!, actor);
        var occurredAt = Occurred(envelope);
        var officer = badge is null ? null : officers.GetValueOrDefault(CaseFlowIds.Officer(state.Ori, badge));
        var context = new CaseRuleContext(actor, occurredAt, write.SentAt, agreements[state.AgreementId], officer, RefresherPolicy.Default, Authority(write))
        {
            MayVoid = voided => CaseEventKinds.MayVoid(write.By.Role, voided, state.Model),
        };
        if (CaseRules.Check(state, e, context) is { } refusal)
            return refusal with { Detail = $"{state.BookingNumber} {state.Status}: {refusal.Detail}" };
        var appended = HoldClock.After(state, EventId(envelope), e, occurredAt);
        state = CaseFile.Evolve(state, EventId(envelope), e)!;
        cases[caseId] = appended.Aggregate(state, (s, fact) => CaseFile.Evolve(s, fact.EventId, fact.Event)!);
        return null;
    }

    /// <summary>The loader delivers a hold's deadline at its instant: before a write sent after it, a hold still running expires.</summary>
    private void ExpireHold(Guid caseId, DateTimeOffset sentAt)
    {
        if (cases.TryGetValue(caseId, out var state) && state.Hold is { Deadline: { } deadline } && deadline <= sentAt && CaseSequence.Why(state, typeof(HoldExpired)) is null)
            cases[caseId] = CaseFile.Evolve(state, HoldClock.ExpiryIdFor(caseId, state.HoldEventId!.Value), new HoldExpired(deadline))!;
    }

    private Refusal? Nominate(DemoWrite write, JsonObject envelope)
    {
        var data = envelope["data"]!;
        var models = data["models"]!.AsArray().Select(m => Enum.Parse<ProgramModel>((string)m!)).ToList();
        var ori = Ori(write);
        var at = Occurred(envelope);
        if (models.Any(m => !agreements.TryGetValue(AgreementId.For(ori, m), out var a) || !a.IsInForceAt(at)))
            return new Refusal("agreement-not-in-force", "", "");
        var id = CaseFlowIds.Officer(ori, (string)data["badgeNumber"]!);
        var nominated = new OfficerNominated(id, ori, (string)data["badgeNumber"]!, models, at, agreements[AgreementId.For(ori, models[0])].FieldOfficeCode);
        return officers.TryAdd(id, Officer.Nominate(nominated)) ? null : new Refusal("officer-already-nominated", "", "");
    }

    private Refusal? Receive(DemoWrite write, JsonObject envelope)
    {
        var data = envelope["data"]!;
        var ori = Ori(write);
        if (!officers.TryGetValue(CaseFlowIds.Officer(ori, (string)data["againstBadgeNumber"]!), out var against))
            return new Refusal("unknown-officer", "", "");
        var id = CaseFlowIds.Complaint(ori, (string)data["complaintNumber"]!);
        var received = new ComplaintReceived(id, ori, (string)data["complaintNumber"]!, against.Id, DateTimeOffset.Parse((string)data["learnedAt"]!),
            AgreementsOf(ori)[0].TimeZone, against.FieldOfficeCode);
        return complaints.TryAdd(id, Complaint.Receive(received)) ? null : new Refusal("complaint-already-received", "", "");
    }

    /// <summary>An event on a governance stream: read by its kind, judged by the stream's rules, folded.</summary>
    private static Refusal? Stream<TState>(Dictionary<Guid, TState> states, Guid id, IReadOnlyDictionary<string, EventKind> kinds, DemoWrite write, JsonObject envelope,
        Func<TState, object, Refusal?> check, Func<TState, object, object> complete, Func<TState?, object, TState?> evolve) where TState : class
    {
        if (!states.TryGetValue(id, out var state))
            return new Refusal("not-found", "", "");
        var kind = kinds[(string)envelope["type"]!];
        if (!kind.Roles.Contains(write.By.Role))
            return new Refusal("role-may-not-post-event-type", write.By.Role, "");
        var e = kind.ToEvent(envelope["data"].Deserialize(kind.DataType, Json)!, new Actor(write.By.Subject, null));
        if (check(state, e) is { } refusal)
            return refusal;
        states[id] = evolve(state, complete(state, e))!;
        return null;
    }

    private List<Agreement> AgreementsOf(string ori) =>
        [.. Enum.GetValues<ProgramModel>().Select(m => agreements.GetValueOrDefault(AgreementId.For(ori, m))).OfType<Agreement>()];

    private static string Ori(DemoWrite write) => write.By.Claims.Single(c => c.Key == "ori").Value;

    private static DateTimeOffset Occurred(JsonObject envelope) => DateTimeOffset.Parse((string)envelope["occurredAt"]!);

    private static Guid EventId(JsonObject envelope) => Guid.Parse((string)envelope["eventId"]!);

    /// <summary>The warrant types the sender's token lets it issue, read as the server reads the claim.</summary>
    private static HashSet<WarrantType> Authority(DemoWrite write) =>
        [.. (write.By.Claims.FirstOrDefault(c => c.Key == "warrant_authority").Value ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Enum.Parse<WarrantType>(w.Replace("-", "", StringComparison.Ordinal)))];

    private static JsonSerializerOptions Options()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Configure(options);
        return options;
    }
}
