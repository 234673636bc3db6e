using System.Text.Json;
using CaseFlow.Demo.Plan;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Platform;

namespace CaseFlow.Demo.Loader;

/// <summary>
/// The instants at which an agreement of the plan stops being in force with no write of its own: a termination notice
/// fixes the end (the start of its effective day in the agreement's zone), and nothing is written then. A window is
/// stored at its last instant, and CaseFlow judges a booking or an officer's step under the agreement at that instant
/// too ("now"), so no window may run past one: a booking referred in the last minutes before it would be refused.
/// (A suspension is a write of its own, which ends the window of every later case write under its agreement.)
/// </summary>
public sealed class TerminationStarts(IReadOnlyList<AgreementSigned> agreements)
{
    private static readonly JsonSerializerOptions Json = ApiJson();

    private readonly SortedSet<DateTimeOffset> _starts = [];

    /// <summary>Notes the instant a termination notice fixes, if <paramref name="write"/> is one: read as the endpoint reads it.</summary>
    public void Note(DemoWrite write)
    {
        if ((string?)write.Body["type"] != nameof(TerminationNoticed)
            || write.Path.Split('/') is not ["", "api", "agreements", var ori, var model, "events"])
            return;
        var agreement = agreements.Single(a => a.Ori == ori && a.Model.ToString() == model);
        var notice = write.Body["data"].Deserialize<TerminationNotice>(Json)!.ToEvent();
        _starts.Add(LocalDay.Start(notice.EffectiveOn, agreement.TimeZone));
    }

    /// <summary>Whether a noted termination starts at or before <paramref name="instant"/> and after the instant last asked about.</summary>
    public bool Passes(DateTimeOffset instant)
    {
        var passed = false;
        while (_starts.Count > 0 && _starts.Min <= instant)
        {
            _starts.Remove(_starts.Min);
            passed = true;
        }

        return passed;
    }

    private static JsonSerializerOptions ApiJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Configure(options);
        return options;
    }
}
