using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Subjects;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Subjects;

/// <summary>An admin's proposal to seal or erase a subject; <c>eventId</c> (the client's, for retries) becomes the order id.</summary>
public sealed record SubjectOrderRequest(
    string? Action = null, string? LegalBasis = null,
    [property: MaxLength(ProposeSubjectOrderEndpoint.MaxOrderReferenceLength)] string? OrderReference = null, string? EventId = null);

public static class ProposeSubjectOrderEndpoint
{
    public const int MaxOrderReferenceLength = FieldErrors.MaxReferenceLength;

    private static readonly Dictionary<string, SubjectAction> Actions = new() { ["seal"] = SubjectAction.Seal, ["erase"] = SubjectAction.Erase };

    private static readonly Dictionary<string, LegalBasis> Bases = new()
    {
        ["sealing-order"] = LegalBasis.SealingOrder, ["expungement-order"] = LegalBasis.ExpungementOrder, ["retention-schedule"] = LegalBasis.RetentionSchedule,
    };

    /// <summary>
    /// Admin A proposes sealing or erasing the subject under a legal basis: 202 with the order id; nothing changes
    /// until a different admin approves (<c>POST .../orders/{orderId}/approval</c>). Recorded on the case's stream.
    /// </summary>
    [WolverinePost("/api/subjects/{subjectRef}/orders", Name = "ProposeSubjectOrder")]
    [Authorize(Policy = Policies.OrderSubjects)]
    [ProducesResponseType<SubjectOrderAnswer>(202)]
    [ProducesResponseType(404)]
    [ProducesResponseType(409)]
    [ProducesResponseType(422)]
    public static async Task<IResult> Post(
        Guid subjectRef, SubjectOrderRequest? request, ClaimsPrincipal user, IQuerySession session, IntakeServices intake,
        HttpResponse response, CancellationToken ct)
    {
        // A body of JSON null reads as null: it is judged as an empty request.
        request ??= new SubjectOrderRequest();
        var errors = new FieldErrors();
        var action = OneOf(errors, "action", request.Action, Actions);
        var basis = OneOf(errors, "legalBasis", request.LegalBasis, Bases);
        var reference = errors.Reference("orderReference", request.OrderReference, "the order's docket or schedule number");
        if (!Guid.TryParse(request.EventId, out var orderId) || orderId == Guid.Empty)
            errors.Add("eventId", "eventId must be a UUID you keep for retries.");
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());

        if (await session.LoadAsync<VaultedSubject>(subjectRef, ct) is not { } subject)
            return Problems.NotFound("subject");
        if (NamesTheSubject(reference!, subject, intake.Vault))
            return Results.Problem(new FieldErrors
            {
                { "orderReference", "orderReference holds one of the subject's identifiers; give the order's docket or schedule number." },
            }.ToProblem());

        var caller = CallerScope.From(user);
        var proposed = new SubjectOrderProposed(orderId, subjectRef, action!.Value, basis!.Value, reference!, caller.Subject);
        var incoming = SubjectOrderWrites.Incoming(orderId, subject.CaseId, proposed, intake.Clock.GetUtcNow(), intake.Json);
        var outcome = await intake.Writer.Write(
            WritePlan<CaseFile>.Of(subject.CaseId, incoming, caller, state => Decision.Judge(proposed, SubjectOrderRules.CheckProposal(state!, proposed.Action, proposed.LegalBasis))),
            ct);
        return SubjectOrderWrites.Answer(outcome, orderId, StatusCodes.Status202Accepted, response);
    }

    private static T? OneOf<T>(FieldErrors errors, string name, string? text, Dictionary<string, T> values) where T : struct
    {
        if (text is not null && values.TryGetValue(text, out var value))
            return value;
        errors.Add(name, $"{name} must be one of {string.Join(", ", values.Keys)}.");
        return null;
    }

    /// <summary>
    /// Whether the reference, or a part of it between separators, is the subject's own A-number or FBI number: judged
    /// by search tag, so nothing is decrypted. The reference is stored in events that outlive an erasure.
    /// </summary>
    private static bool NamesTheSubject(string reference, VaultedSubject subject, SubjectVault vault)
    {
        return reference.Split(Separators).Append(reference).Any(part =>
            (BookingValidation.AsANumber(part) is { } aNumber && vault.ANumberTags(aNumber).Any(subject.SearchTags.Contains))
            || (BookingValidation.AsFbiNumber(part) is { } fbiNumber && vault.FbiNumberTags(fbiNumber).Any(subject.SearchTags.Contains)));
    }

    private static readonly char[] Separators = ['-', '_', '/', '.', ':', '#'];
}
