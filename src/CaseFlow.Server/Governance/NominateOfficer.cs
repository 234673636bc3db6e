using System.Security.Claims;
using System.Text.RegularExpressions;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Governance;

/// <summary>
/// An agency nominates one of its officers: its staff (badge) number and the models. Agency systems and officers
/// nominate for their own ORI; an admin names the agency in <c>ori</c>.
/// </summary>
public sealed record Nomination(string BadgeNumber, IReadOnlyList<ProgramModel> Models, string? Ori = null);

public static partial class NominateOfficerEndpoint
{
    public static readonly WriteTarget Target = new("officer", "/api/officers/", "officer-already-nominated",
        "This badge number was nominated with other content; record later steps as officer events.");

    /// <summary>
    /// An agency nominates one of its officers for 287(g) designation: 201 with the officer's id (UUIDv5 over ORI and
    /// badge number), the original answer when sent again.
    /// </summary>
    [WolverinePost("/api/officers", Name = "NominateOfficer")]
    [Authorize(Policy = Policies.NominateOfficers)]
    [ProducesResponseType<AppendResult>(201)]
    [ProducesResponseType<AppendResult>(200)]
    [ProducesResponseType(409)]
    [ProducesResponseType(422)]
    public static async Task<IResult> Post(
        EventEnvelope<Nomination>? envelope, ClaimsPrincipal user, IntakeServices intake, HttpResponse response, CancellationToken ct)
    {
        var caller = CallerScope.From(user);
        // A body of JSON null reads as null: judged as an empty envelope.
        var prepared = StreamStarts.Prepare(envelope ?? new(), nameof(OfficerNominated), caller, intake, (nomination, errors, _) =>
        {
            var ori = caller.AgencyFor(nomination?.Ori, errors);
            if (nomination is null)
                return null;
            Validate(nomination, errors);
            if (errors.Count > 0)
                return null;
            var id = OfficerId.For(ori!, nomination.BadgeNumber);
            var models = nomination.Models.Distinct().Order().ToList();
            return new StreamStarts.Start(id, nomination with { Models = models, Ori = ori },
                incoming => new NominationWrite(id, incoming, caller, ori!, nomination.BadgeNumber, models) { StartsStream = true });
        });
        return (await prepared.Write(intake, ct)).ToResult(response, Target);
    }

    /// <summary>A nomination needs an agreement in force for each model it names, at the instant it occurred.</summary>
    private sealed class NominationWrite(Guid id, IncomingEvent incoming, CallerScope caller, string ori, string badge, IReadOnlyList<ProgramModel> models)
        : WritePlan<Officer>(id, incoming, caller)
    {
        private IReadOnlyList<(ProgramModel Model, Task<Agreement?> Load)> _agreements = [];

        public override void Prefetch(GroupReads reads) =>
            _agreements = [.. models.Select(m => (m, reads.Load<Agreement>(AgreementId.For(ori, m))))];

        public override Decision Decide(Officer? state)
        {
            var at = Event.OccurredAt;
            var missing = _agreements.FirstOrDefault(a => a.Load.Result is not { } agreement || !agreement.IsInForceAt(at));
            if (missing.Load is not null)
            {
                return Decision.Refuse(new Refusal("agreement-not-in-force", $"No {missing.Model} agreement in force",
                    $"Agency {ori} had no {missing.Model} agreement in force at {at:u}, so it cannot nominate officers for it."));
            }

            return Decision.Accept(new OfficerNominated(StreamId, ori, badge, models, at, _agreements[0].Load.Result!.FieldOfficeCode));
        }
    }

    /// <summary>A badge (staff) number's form and longest length (also the OpenAPI document's).</summary>
    public const string BadgeNumberPattern = "^[A-Za-z0-9-]+$";
    public const int MaxBadgeNumberLength = 20;

    private static void Validate(Nomination nomination, FieldErrors errors)
    {
        if (nomination.BadgeNumber.Length > MaxBadgeNumberLength || !BadgeForm().IsMatch(nomination.BadgeNumber))
            errors.Add("data.badgeNumber", $"data.badgeNumber must be 1 to {MaxBadgeNumberLength} letters, digits and hyphens.");
        if (nomination.Models.Count == 0)
            errors.Add("data.models", "data.models must name JEM, WSO or both.");
    }

    [GeneratedRegex(BadgeNumberPattern)]
    private static partial Regex BadgeForm();
}
