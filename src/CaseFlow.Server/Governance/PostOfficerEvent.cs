using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using System.Text.Json.Nodes;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using FromHeaderAttribute = Microsoft.AspNetCore.Mvc.FromHeaderAttribute;

namespace CaseFlow.Server.Governance;

/// <summary>
/// Exam results as ICE records them; the outcome is judged by CaseFlow under the MOA's exam rules, with the attempts
/// already recorded for the model.
/// </summary>
public sealed record TrainingResults(string Course, ProgramModel Model, DateTimeOffset CompletedAt, IReadOnlyList<ExamResult> Exams)
{
    public TrainingCompleted ToEvent(Officer officer) => new(Course, Model, CompletedAt, Exams, TrainingPolicy.Judge(officer.AttemptsFor(Model), Exams));
}

public static class PostOfficerEventEndpoint
{
    private static readonly IReadOnlyList<string> Ice = [Roles.Supervisor, Roles.Admin];

    /// <summary>The steps ICE records for an officer: supervisors of the officer's field office, and admins.</summary>
    public static readonly IReadOnlyDictionary<string, EventKind> Kinds = new Dictionary<string, EventKind>
    {
        [nameof(BackgroundCheckCompleted)] = EventKind.Of<BackgroundCheckCompleted>(Ice),
        [nameof(TrainingCompleted)] = EventKind.Of<TrainingResults>(Ice),
        [nameof(OfficerCertified)] = EventKind.Of<OfficerCertified>(Ice),
        [nameof(AuthorizationIssued)] = EventKind.Of<AuthorizationIssued>(Ice),
        [nameof(RefresherCompleted)] = EventKind.Of<RefresherCompleted>(Ice),
        [nameof(AuthorizationRevoked)] = EventKind.Of<AuthorizationRevoked>(Ice),
        [nameof(CredentialsReturned)] = EventKind.Of<CredentialsReturned>(Ice),
    };

    /// <summary>
    /// Records ICE's steps for an officer from nomination to authorization and after: background check, training,
    /// certification, authorization, refresher, revocation, credentials returned. Supervisors of the officer's field
    /// office, and admins.
    /// </summary>
    [WolverinePost("/api/officers/{officerId}/events", Name = "PostOfficerEvent")]
    [Authorize(Policy = Policies.RecordOfficerEvents)]
    [ProducesResponseType<AppendResult>(200)]
    [ProducesResponseType(404)]
    [ProducesResponseType(409)]
    [ProducesResponseType(412)]
    [ProducesResponseType(422)]
    public static async Task<IResult> Post(
        Guid officerId, EventEnvelope<JsonObject>? envelope, [FromHeader(Name = "If-Match"), ReadAs<IfMatch>] string? ifMatch, ClaimsPrincipal user,
        IQuerySession session, IntakeServices intake, HttpResponse response, CancellationToken ct)
    {
        // An officer's agency never changes, so it can be read before the write locks the officer's stream.
        var ori = (await session.LoadAsync<Officer>(officerId, ct))?.Ori ?? "";
        // A body of JSON null reads as null: judged as an empty envelope.
        var answer = await StreamEvents.Append(officerId, envelope ?? new(), ifMatch, user, Kinds, new OfficerEventRules(ori), intake, ct);
        return answer.ToResult(response, NominateOfficerEndpoint.Target);
    }

    /// <summary>An officer's steps are judged against the agency's agreements; training results are judged with the attempts recorded.</summary>
    private sealed class OfficerEventRules(string ori) : StreamRules<Officer>
    {
        private IReadOnlyList<Task<Agreement?>> _agreements = [];

        public override bool CanSee(CallerScope caller, Officer state) => caller.CanSee(state);

        public override void Prefetch(GroupReads reads) =>
            _agreements = [.. Enum.GetValues<ProgramModel>().Select(m => reads.Load<Agreement>(AgreementId.For(ori, m)))];

        public override Refusal? Check(Officer state, object e) => OfficerRules.Check(state, e, [.. _agreements.Select(a => a.Result).OfType<Agreement>()]);

        public override object Complete(Officer state, object e) => e is TrainingResults results ? results.ToEvent(state) : e;
    }
}
