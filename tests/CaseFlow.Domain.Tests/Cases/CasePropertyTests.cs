using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Integrity;
using CsCheck;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>
/// Random request sequences, voids and corrections among them, judged by the rules and folded as the store would with
/// what CaseFlow appends itself (the hold, its withdrawal): the case never reaches a state the machine forbids, every
/// kept event still passes the rules in its place, and the chain over what was stored detects a changed or reordered
/// event. Most steps are drawn from what the state allows (<see cref="CaseSequence.NextSteps"/>), so sequences get
/// deep into the case; the rest are any step at all, which the rules must refuse or accept safely.
/// </summary>
public class CasePropertyTests
{
    /// <summary>Out of 100, how many steps ignore the state and draw any event type.</summary>
    private const int NoisePercent = 8;

    private static readonly Type[] AllSteps = [.. CaseSteps.Generators.Keys];

    /// <summary>One step: noise or not, which of the candidate types, minutes since the last step, and the data seed.</summary>
    private sealed record Step(int Roll, int Pick, int Minutes, int Seed);

    private sealed record Sequence(ChargeLevel BookedOn, Step[] Steps, int Tamper);

    private static readonly Gen<Sequence> Sequences = Gen.Select(
        Gen.Frequency((4, Gen.Const(ChargeLevel.Misdemeanor)), (3, Gen.Const(ChargeLevel.Felony)), (1, Gen.Enum<ChargeLevel>())),
        Gen.Select(Gen.Int[0, 99], Gen.Int[0, 1 << 20], Gen.Int[1, 2_000], Gen.Int).Select((r, p, m, s) => new Step(r, p, m, s)).Array[1, 80],
        Gen.Int[0, int.MaxValue]).Select((level, steps, tamper) => new Sequence(level, steps, tamper));

    [Fact]
    public void every_step_the_state_machine_offers_has_a_generator()
    {
        var offered = EventCatalogue.CaseEvents.Where(t => t != typeof(BookingRecorded) && !CaseFlow.Domain.Subjects.SubjectOrderRules.Events.Contains(t) && !HoldClock.AppendedByCaseFlow.Contains(t));
        offered.Where(t => !CaseSteps.Generators.ContainsKey(t)).Select(t => t.Name).ShouldBeEmpty();
    }

    [Fact]
    public void random_request_sequences_never_reach_a_forbidden_state_and_their_chain_detects_tampering()
    {
        var reached = new ConcurrentDictionary<CaseStatus, int>();
        var sequences = 0;

        Sequences.Sample(sequence =>
        {
            var run = Replay(sequence);
            Interlocked.Increment(ref sequences);
            foreach (var status in run.Reached)
                reached.AddOrUpdate(status, 1, (_, n) => n + 1);
            return run.Violation is null && TamperingIsDetected(run.Accepted, sequence.Tamper);
        }, iter: 2000, print: Describe);

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"Share of {sequences} sequences that reached each status:");
        foreach (var status in Enum.GetValues<CaseStatus>())
            output?.WriteLine($"  {status,-26} {100.0 * reached.GetValueOrDefault(status) / sequences,5:0.0}%");

        // The generator reaches the end of the case, not just its first steps (7-40% of the sequences each, when written).
        foreach (var deep in new[] { CaseStatus.AwaitingRelease, CaseStatus.HoldActive, CaseStatus.TransferredToIce, CaseStatus.Closed })
            reached.GetValueOrDefault(deep).ShouldBeGreaterThan(sequences / 50, $"too few sequences reached {deep}");
    }

    private sealed record Run(IReadOnlyList<CaseEvent> Accepted, IReadOnlyList<string> Log, IReadOnlySet<CaseStatus> Reached, string? Violation);

    /// <summary>Plays a sequence through the rules, recording what was accepted, what was refused and the first broken invariant.</summary>
    private static Run Replay(Sequence sequence)
    {
        var accepted = new List<CaseEvent> { Booking(new Charge("TX PC 49.04", "DWI", sequence.BookedOn)) };
        var state = Fold(accepted);
        var log = new List<string> { $"BookingRecorded({sequence.BookedOn})" };
        var reached = new HashSet<CaseStatus> { state.Status };
        var at = T0;
        foreach (var step in sequence.Steps)
        {
            at = at.AddMinutes(step.Minutes);
            var type = NextType(state, step);
            var request = CaseSteps.Generators[type].Make(new Draw(at, step.Seed, state));
            if (CaseRules.Check(state, request, Context(CaseSteps.ActorOf(type), at)) is { } refusal)
            {
                log.Add($"{type.Name} refused ({refusal.Code})");
                continue;
            }

            var closedBefore = state.Disposition is not null;
            var claimOpenBefore = state.ClaimOpen;
            var appended = HoldClock.After(state, Id(accepted.Count), request, at);
            state = CaseFile.Evolve(state, Id(accepted.Count), request)!;
            accepted.Add(request);
            foreach (var fact in appended)
            {
                state = CaseFile.Evolve(state, fact.EventId, fact.Event)!;
                accepted.Add(fact.Event);
            }

            log.Add(string.Join(" + ", [type.Name, .. appended.Select(f => f.Event.GetType().Name)]));
            reached.Add(state.Status);

            var violation = closedBefore && !CaseSequence.Corrections.Contains(type) ? $"{type.Name} after closure"
                : claimOpenBefore && CaseSequence.EnforcementSteps.Contains(type) ? $"{type.Name} with a citizenship claim open"
                : Forbidden(state) ?? (request is EventVoided ? BrokenKeptHistory(state) : null);
            if (violation is not null)
                return new Run(accepted, log, reached, violation);
        }

        return new Run(accepted, log, reached, BrokenKeptHistory(state));
    }

    /// <summary>Noise: any type, uniformly. Otherwise one the state allows, by the weights of <see cref="CaseSteps"/>.</summary>
    private static Type NextType(CaseFile state, Step step)
    {
        var allowed = CaseSequence.NextSteps(state).Select(name => AllSteps.FirstOrDefault(t => t.Name == name)).OfType<Type>().ToList();
        if (CaseSequence.Why(state, typeof(HoldExpired)) is null)
            allowed.Add(typeof(HoldExpired));
        if (step.Roll < NoisePercent || allowed.Count == 0)
            return AllSteps[step.Pick % AllSteps.Length];

        var ticket = step.Pick % allowed.Sum(t => CaseSteps.Generators[t].Weight);
        return allowed.First(t => (ticket -= CaseSteps.Generators[t].Weight) < 0);
    }

    /// <summary>What no sequence of accepted events may produce, named; null when the state is allowed.</summary>
    private static string? Forbidden(CaseFile state) =>
        state.Detainer?.Stage is DetainerStage.Lodged or DetainerStage.Served && !state.HasCriminalCharge && !state.Facts.Any(f => f.Event is ChargesAmended)
            ? "a detainer in effect without a criminal charge"
        : state.Hold is not null && (state.ReleaseEligibleAt is null || state.Detainer?.ServedAt is null)
            ? "a hold without release eligibility and a detainer in effect"
        : CaseSequence.Why(state, typeof(HoldStarted)) is null ? "a hold due that CaseFlow did not start"
        : state.TransferredToIceAt is not null && state.Hold is null && state.Warrant is null ? "a transfer without a hold or a served warrant"
        : state.Review is not null && (state.I213PreparedBy is null || state.ChargingDocument is null) ? "a review without the I-213 and the charging document"
        : state.Detainer is not null && state.Determination != Determination.Removable ? "a detainer without a removability determination"
        : state.Disposition is not null && !CaseSequence.ReadyToClose(state) ? "a closure the case was not ready for"
        : null;

    /// <summary>Every kept step of the case, folded afresh, passes the rules in its place: a void never leaves a forbidden history.</summary>
    private static string? BrokenKeptHistory(CaseFile state)
    {
        CaseFile? folded = null;
        foreach (var fact in state.Facts.Where(f => !state.VoidedEventIds.Contains(f.EventId)))
        {
            var judged = folded is not null && CaseFile.RemovedBy(fact.Event).Count == 0;
            if (judged && CaseRules.CheckInHistory(folded!, fact.Event) is { } refusal)
                return $"kept {fact.Event.GetType().Name} no longer passes the rules ({refusal.Code})";
            folded = CaseFile.Evolve(folded, fact.EventId, fact.Event);
        }

        return null;
    }

    /// <summary>
    /// Stores the chain as the server would, then changes one accepted event (its data, or its place with its
    /// neighbour): the untouched chain verifies, and the changed one breaks exactly at the changed version.
    /// </summary>
    private static bool TamperingIsDetected(IReadOnlyList<CaseEvent> events, int tamper)
    {
        var stream = Guid.NewGuid();
        var links = events.Select((e, i) => new ChainLink(stream, i + 1, Id(i), e.GetType().Name, JsonSerializer.Serialize(e, e.GetType()), """{"role":"screening-system"}""")).ToList();
        var stored = new List<string>();
        var previous = EventChain.Genesis;
        foreach (var link in links)
            stored.Add(previous = EventChain.Hash(previous, link));
        if (!EventChain.Verify(links.Zip(stored, (l, h) => (l, (string?)h))).Intact)
            return false;

        var index = tamper % links.Count;
        var swap = tamper / links.Count % 2 == 1 && index + 1 < links.Count;
        var altered = links.ToList();
        if (swap)
        {
            altered[index] = links[index + 1] with { Version = index + 1 };
            altered[index + 1] = links[index] with { Version = index + 2 };
        }
        else
        {
            var data = JsonNode.Parse(links[index].DataJson)!.AsObject();
            data["tampered"] = true;
            altered[index] = links[index] with { DataJson = data.ToJsonString() };
        }

        var verdict = EventChain.Verify(altered.Zip(stored, (l, h) => (l, (string?)h)));
        return !verdict.Intact && verdict.FirstBrokenVersion == index + 1;
    }

    /// <summary>A failing sequence as the event types it offered, accepted or refused, and the invariant it broke.</summary>
    private static string Describe(Sequence sequence)
    {
        var run = Replay(sequence);
        return $"{string.Join(" -> ", run.Log)}{Environment.NewLine}violation: {run.Violation ?? "none (the chain did not detect tampering)"}; tamper seed {sequence.Tamper}";
    }
}
