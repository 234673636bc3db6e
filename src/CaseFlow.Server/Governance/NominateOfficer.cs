using System.Security.Claims;
using System.Text.RegularExpressions;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten.Services.BatchQuerying;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
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
        EventEnvelope<Nomination>? envelope, ClaimsPrincipal user, IntakeServices intake, IMessageContext context, HttpResponse response, CancellationToken ct)
    {
        envelope ??= new(); // a body of JSON null reads as null: judged as an empty envelope
        var caller = CallerScope.From(user);
        var errors = new FieldErrors();
        var (eventId, occurredAt, late, officerId) = envelope.Read(errors, intake.Clock.GetUtcNow(), intake.Options.LateWindow);
        var nomination = envelope.Data;
        var ori = caller.AgencyFor(nomination?.Ori, errors);
        if (nomination is not null)
            Validate(nomination, errors);
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());
        if (caller.OfficerRefusal(officerId) is { } notYours)
            return Results.Problem(notYours);

        officerId = caller.ActingOfficer(officerId);

        var id = OfficerId.For(ori!, nomination!.BadgeNumber);
        var models = nomination.Models.Distinct().Order().ToList();
        var fingerprint = IncomingEvent.FingerprintOf(id, nameof(OfficerNominated), occurredAt, late, officerId, IncomingEvent.ToNode(nomination with { Models = models, Ori = ori }, intake.Json));
        var incoming = new IncomingEvent(eventId, nameof(OfficerNominated), occurredAt, late, officerId, fingerprint);

        var outcome = await intake.Writer.Write(
            new WriteRequest<Officer>(id, incoming, caller, batch => Decide(batch, id, ori!, nomination.BadgeNumber, models, occurredAt)) { StartsStream = true },
            context,
            ct);
        return outcome.ToResult(response, Target);
    }

    private static Func<Officer?, Decision> Decide(IBatchedQuery batch, Guid id, string ori, string badge, IReadOnlyList<ProgramModel> models, DateTimeOffset at)
    {
        var agreements = models.Select(m => (Model: m, Load: batch.Load<Agreement>(AgreementId.For(ori, m)))).ToList();
        return _ =>
        {
            var missing = agreements.FirstOrDefault(a => a.Load.Result is not { } agreement || !agreement.IsInForceAt(at));
            if (missing.Load is not null)
            {
                return Decision.Refuse(new Refusal("agreement-not-in-force", $"No {missing.Model} agreement in force",
                    $"Agency {ori} had no {missing.Model} agreement in force at {at:u}, so it cannot nominate officers for it."));
            }

            return Decision.Accept(new OfficerNominated(id, ori, badge, models, at, agreements[0].Load.Result!.FieldOfficeCode));
        };
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
