using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseFlow.Corpus;

/// <summary>
/// Writes through the functions CaseFlow's write endpoints call once a request is authenticated (booking intake, case
/// events, officer nomination and officer events), in process: the same validation, rules, chain, vault and access
/// audit as over HTTP, without the HTTP. Every write must be applied; anything else stops the build.
/// </summary>
public sealed class CaseWrites(IServiceProvider services)
{
    private readonly IntakeServices intake = services.GetRequiredService<IntakeServices>();
    private readonly IDocumentStore store = services.GetRequiredService<IDocumentStore>();
    private readonly GovernanceOptions governance = services.GetRequiredService<IOptions<GovernanceOptions>>().Value;

    public static ClaimsPrincipal Jail(string ori) => Principal(Roles.ScreeningSystem, $"jail-{ori}", (CaseFlowClaims.Ori, ori));

    public static ClaimsPrincipal Supervisor(string fieldOffice) =>
        Principal(Roles.Supervisor, $"supervisor-{fieldOffice}", (CaseFlowClaims.FieldOffice, fieldOffice), (CaseFlowClaims.WarrantAuthority, "I-200 I-205"));

    public async Task<Guid> Book(AgreementSigned agreement, string bookingNumber, DateTimeOffset referredAt, DateTimeOffset? scheduledRelease, CancellationToken ct)
    {
        var envelope = new EventEnvelope<BookingData>(Guid.NewGuid(), PostBookingEndpoint.EventType, Instant(referredAt), Late: Late(referredAt), Data: new BookingData(
            agreement.Model.ToString(), bookingNumber, Instant(referredAt.AddMinutes(-30)),
            [new ChargeData("TX PC 49.04", "Driving while intoxicated", "Misdemeanor")],
            scheduledRelease is { } release ? Instant(release) : null,
            new SubjectData(new NameData("Corpus", $"Person{bookingNumber[^6..]}"), "1990-02-03")));
        var booking = PostBookingEndpoint.Prepare(envelope, CallerScope.From(Jail(agreement.Ori)), intake);
        Ensure(await booking.Write(intake, ct), "BookingRecorded");
        return booking.Plan!.StreamId;
    }

    /// <summary>One case event at <paramref name="at"/> (its own instant), by the jail for its officer <paramref name="badge"/>, or by ICE.</summary>
    public async Task Post(Guid caseId, ClaimsPrincipal caller, string type, object data, DateTimeOffset at, string? badge, CancellationToken ct)
    {
        var envelope = new EventEnvelope<JsonObject>(Guid.NewGuid(), type, Instant(at), badge, Late(at), JsonSerializer.SerializeToNode(data, intake.Json)!.AsObject());
        await using var session = store.QuerySession();
        var known = await CaseStanding.Of(session, caseId, ct);
        Ensure(await PostCaseEventEndpoint.Prepare(caseId, known, envelope, null, caller, intake, governance).Write(intake, ct), type);
    }

    /// <summary>A designated officer of the agency, nominated, vetted, trained, certified and authorized for the model since <paramref name="since"/>.</summary>
    public async Task Officer(AgreementSigned agreement, string badge, DateTimeOffset since, CancellationToken ct)
    {
        var model = agreement.Model.ToString();
        var nomination = new EventEnvelope<Nomination>(Guid.NewGuid(), null, Instant(since), Late: Late(since), Data: new Nomination(badge, [agreement.Model]));
        var nominated = await NominateOfficerEndpoint.Post(nomination, Jail(agreement.Ori), intake, new DefaultHttpContext().Response, ct);
        Ensure(nominated, "OfficerNominated");
        var officerId = CaseFlow.Domain.Officers.OfficerId.For(agreement.Ori, badge);
        var ice = Supervisor(agreement.FieldOfficeCode);
        (string Type, object Data, DateTimeOffset At)[] steps =
        [
            ("BackgroundCheckCompleted", new { completedAt = Instant(since.AddDays(1)), result = "Passed" }, since.AddDays(1)),
            ("TrainingCompleted", new { course = "287(g) basic", model, completedAt = Instant(since.AddDays(5)), exams = new object[] { new { exam = "Law", score = 88 } } }, since.AddDays(5)),
            ("OfficerCertified", new { model, certifiedAt = Instant(since.AddDays(6)) }, since.AddDays(6)),
            ("AuthorizationIssued", new
            {
                models = new[] { model }, effectiveAt = Instant(since.AddDays(8)), letterRef = "FOD-1", form70006Ref = "70-006-1", credentialNumber = $"C-{badge}",
            }, since.AddDays(8)),
        ];
        foreach (var (type, data, at) in steps)
        {
            var envelope = new EventEnvelope<JsonObject>(Guid.NewGuid(), type, Instant(at), Late: Late(at), Data: JsonSerializer.SerializeToNode(data, intake.Json)!.AsObject());
            await using var session = store.QuerySession();
            Ensure(await PostOfficerEventEndpoint.Post(officerId, envelope, null, ice, session, intake, new DefaultHttpContext().Response, ct), type);
        }
    }

    public static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private bool? Late(DateTimeOffset at) => at < intake.Clock.GetUtcNow() - intake.Options.LateWindow + TimeSpan.FromMinutes(5) ? true : null;

    private static ClaimsPrincipal Principal(string role, string subject, params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity([new Claim(CaseFlowClaims.Subject, subject), new Claim(CaseFlowClaims.Role, role), .. claims.Select(c => new Claim(c.Type, c.Value))], "corpus"));

    private static void Ensure(IntakeAnswer answer, string type)
    {
        if (answer.Problem is { } problem)
            throw new InvalidOperationException($"{type} was refused: {problem.Type} {problem.Detail} {JsonSerializer.Serialize(problem.Extensions)}");
        if (answer.Outcome is not WriteOutcome.Appended)
            throw new InvalidOperationException($"{type} was not appended: {answer.Outcome}");
    }

    private static void Ensure(IResult result, string type)
    {
        if (result is not IStatusCodeHttpResult { StatusCode: 200 or 201 })
            throw new InvalidOperationException($"{type} was not applied: {(result as IStatusCodeHttpResult)?.StatusCode} {(result as IValueHttpResult)?.Value}");
    }
}
