using System.Text.Json.Nodes;

namespace CaseFlow.Demo.Year;

/// <summary>
/// What a JEM case draws beside its steps: the scheduled release and release eligibility, and the forms' contents
/// (prior convictions, the interview, the detainer's bases, the INA charge).
/// </summary>
public sealed partial class JemCase
{
    /// <summary>The scheduled release, sometimes first entered with a wrong date, voided and entered again.</summary>
    private IEnumerable<Step> ScheduleRelease(DateTimeOffset eligible)
    {
        if (Draw.Chance(YearMixes.VoidedSchedule / YearMixes.ScheduledReleaseKnown))
        {
            yield return Jail(Next(Draw.Minutes(5, 60)), "ScheduledReleaseSet", new() { ["at"] = T(eligible.AddDays(30)), ["reason"] = "Sentence computed" });
            yield return Jail(Next(Draw.Minutes(5, 60)), "EventVoided", new() { ["voidedEventId"] = LastEventId.ToString(), ["reason"] = "Entered in error: wrong release date" });
        }

        yield return Jail(Next(Draw.Minutes(5, 60)), "ScheduledReleaseSet", new() { ["at"] = T(eligible), ["reason"] = "Sentence computed" });
    }

    /// <summary>
    /// Release eligibility, after everything before it and the scheduled release's entry. An offline jail's falls at least eight hours before its next
    /// batch, so that the batch carries the transfer too, well inside the hold (CaseFlow's timer would otherwise find
    /// the person still held).
    /// </summary>
    private DateTimeOffset Eligibility(DateTimeOffset drawn)
    {
        var eligible = drawn > Last.AddHours(4) ? drawn : Next(Draw.Hours(4, 12));
        if (Agency.Offline && Agency.NextFlush(eligible) - eligible < TimeSpan.FromHours(8))
            eligible = Agency.NextFlush(eligible) + Draw.Hours(1, 3);
        return eligible;
    }

    private JsonArray Convictions()
    {
        var convictions = new JsonArray();
        if (!Draw.Chance(YearMixes.PriorConvictions))
            return convictions;
        var count = Draw.Chance(0.3) ? Draw.Between(2, 4) : 1;
        for (var i = 0; i < count; i++)
        {
            var (level, category) = YearMixes.Convictions.Pick(Draw);
            convictions.Add(new JsonObject { ["level"] = level, ["category"] = category });
        }

        return convictions;
    }

    private JsonObject Interview(DateTimeOffset at)
    {
        var interview = new JsonObject { ["conductedAt"] = T(at), ["interpreterOffered"] = true };
        var used = Draw.Chance(YearMixes.InterpreterUsed);
        interview["interpreterUsed"] = used;
        if (used)
        {
            interview["interpreterName"] = People.Interpreter(Draw);
            interview["language"] = Draw.Pick(YearMixes.Languages);
        }

        return interview;
    }

    private JsonObject Detainer(DateTimeOffset at, bool match, bool previouslyRemoved, string warrant)
    {
        var bases = new JsonArray();
        if (previouslyRemoved)
            bases.Add("FinalOrderOfRemoval");
        if (match && Draw.Chance(0.9))
            bases.Add("BiometricAndRecords");
        if (Draw.Chance(0.08))
            bases.Add("ProceedingsPending");
        if (bases.Count == 0 || Draw.Chance(0.5))
            bases.Add("StatementsOrEvidence");
        return new() { ["preparedAt"] = T(at), ["bases"] = bases, ["warrantType"] = warrant };
    }

    private static string InaCharge(string status) => status switch
    {
        "EnteredWithoutInspection" => "212(a)(6)(A)(i)",
        "VisaOverstay" => "237(a)(1)(B)",
        "LawfulPermanentResident" => "237(a)(2)(A)(iii)",
        "PreviouslyRemoved" => "212(a)(9)(C)(i)(II)",
        _ => "237(a)(1)(C)(i)",
    };

    private string OtherAgency() => $"{Agency.Agreement.StateCode}{Draw.Between(0, 10_000_000):D7}";
}
