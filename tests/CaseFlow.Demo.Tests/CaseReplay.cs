using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Demo.Plan;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Officers;
using CaseFlow.Ids;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;

namespace CaseFlow.Demo.Tests;

/// <summary>
/// Folds every case of a year through the domain's own case rules, without a database: each event read and stamped as
/// the server reads it (its role checked), judged by <see cref="CaseRules"/> (sequence, data, instants against the instant it is sent,
/// supervisors' scope and warrant authority, voids) and folded with the holds CaseFlow appends, and each running hold
/// expired, as the loader delivers it, before a write sent after its deadline. Officers' and agreements' standing is
/// the loader's to prove against the real streams.
/// </summary>
public sealed class CaseReplay
{
    private static readonly JsonSerializerOptions Json = Options();
    private readonly Dictionary<Guid, CaseFile> cases = [];
    private readonly Dictionary<(string, ProgramModel), AgreementSigned> agreements;

    public CaseReplay(IReadOnlyList<AgreementSigned> agreements) => this.agreements = agreements.ToDictionary(a => (a.Ori, a.Model));

    public List<string> Refusals { get; } = [];

    public int Events { get; private set; }

    public IReadOnlyCollection<CaseFile> Cases => cases.Values;

    public void Apply(DemoWrite write)
    {
        var events = Years.Events(write)
            .Select(e => (Envelope: e, Case: (string?)e["caseId"] ?? (write.Path.StartsWith("/api/cases/", StringComparison.Ordinal) ? write.Path.Split('/')[3] : null)))
            .ToList();
        foreach (var caseId in events.Select(e => e.Case).OfType<string>().Distinct())
            ExpireHold(Guid.Parse(caseId), write.SentAt);
        foreach (var (envelope, caseId) in events)
        {
            var type = (string)envelope["type"]!;
            if (type == "BookingRecorded")
                Open(write, envelope);
            else if (caseId is not null)
                Apply(write, Guid.Parse(caseId), type, envelope);
        }
    }

    /// <summary>The loader delivers a hold's deadline at its instant: before a write sent after it, a hold still running expires.</summary>
    private void ExpireHold(Guid caseId, DateTimeOffset sentAt)
    {
        if (cases.TryGetValue(caseId, out var state) && state.Hold is { Deadline: { } deadline } && deadline <= sentAt && CaseSequence.Why(state, typeof(HoldExpired)) is null)
            cases[caseId] = CaseFile.Evolve(state, HoldClock.ExpiryIdFor(caseId, state.HoldEventId!.Value), new HoldExpired(deadline))!;
    }

    private void Open(DemoWrite write, JsonObject envelope)
    {
        var data = envelope["data"]!;
        var ori = write.By.Claims.Single(c => c.Key == "ori").Value;
        var agreement = agreements[(ori, Enum.Parse<ProgramModel>((string)data["model"]!))];
        var booking = new BookingRecorded(CaseFlowIds.Case(ori, (string)data["bookingNumber"]!), ori, agreement.Model, (string)data["bookingNumber"]!,
            DateTimeOffset.Parse((string)data["bookedAt"]!), data["charges"].Deserialize<List<Charge>>(Json)!,
            data["scheduledRelease"] is { } release ? DateTimeOffset.Parse((string)release!) : null, Guid.Empty, agreement.AgreementId,
            agreement.FieldOfficeCode, agreement.TimeZone);
        cases.Add(booking.CaseId, CaseFile.Evolve(null, Guid.Parse((string)envelope["eventId"]!), booking)!);
        Events++;
    }

    private void Apply(DemoWrite write, Guid caseId, string type, JsonObject envelope)
    {
        Events++;
        var state = cases[caseId];
        var kind = CaseEventKinds.ByType[type];
        if (!kind.RolesUnder(state.Model).Contains(write.By.Role))
        {
            Refusals.Add($"{state.BookingNumber} {type}: role-may-not-post-event-type {write.By.Role}");
            return;
        }

        var badge = (string?)envelope["officerId"];
        var actor = new Actor(write.By.Subject, badge);
        var e = (CaseEvent)kind.ToEvent(envelope["data"].Deserialize(kind.DataType, Json)!, actor);
        var eventId = Guid.Parse((string)envelope["eventId"]!);
        var occurredAt = DateTimeOffset.Parse((string)envelope["occurredAt"]!);
        var context = new CaseRuleContext(actor, occurredAt, write.SentAt, null, null, RefresherPolicy.Default, Authority(write))
        {
            MayVoid = voided => CaseEventKinds.MayVoid(write.By.Role, voided, state.Model),
        };
        var refusal = CaseRules.IsOfficerStep(state.Model, e.GetType())
            ? CaseRules.CheckInHistory(state, e) ?? CaseInstants.Check(state, e, occurredAt, write.SentAt) ?? (badge is null ? new Refusal("officer-required", "", "") : null)
            : CaseRules.Check(state, e, context);
        if (refusal is not null)
        {
            Refusals.Add($"{state.BookingNumber} {state.Model} {state.Status} {type}: {refusal.Code} {refusal.Detail}");
            return;
        }

        var appended = HoldClock.After(state, eventId, e, occurredAt);
        state = CaseFile.Evolve(state, eventId, e)!;
        foreach (var fact in appended)
            state = CaseFile.Evolve(state, fact.EventId, fact.Event)!;
        cases[caseId] = state;
    }

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
