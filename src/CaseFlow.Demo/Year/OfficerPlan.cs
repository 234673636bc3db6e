using System.Text.Json.Nodes;
using CaseFlow.Ids;

namespace CaseFlow.Demo.Year;

/// <summary>
/// One officer's governance (JEM MOA §IV, docs/events.md "Officers"): nominated by the agency, a background check,
/// the course and its exams (70% passes; one remedial exam after a failure; two failures disqualify), certification,
/// the authorization letter and Form 70-006, sometimes a refresher, rarely a revocation and the credentials'
/// return. Every instant is decided here, up front, so cases know who is authorized when.
/// </summary>
public sealed class OfficerPlan
{
    private readonly Agency agency;
    private readonly int seed;
    private readonly Draw draw;
    private readonly List<(DateTimeOffset At, string Type, JsonObject Data)> events = [];

    public OfficerPlan(Agency agency, string badge, DateTimeOffset nominatedAt, bool mustQualify, int seed)
    {
        this.agency = agency;
        this.seed = seed;
        Badge = badge;
        Id = CaseFlowIds.Officer(agency.Ori, badge);
        NominatedAt = nominatedAt;
        draw = new Draw(seed, $"officer|{agency.Ori}|{badge}");
        var model = agency.Model.ToString();
        var at = Workday(nominatedAt + draw.Days(3, 10));
        var passedCheck = mustQualify || !draw.Chance(YearMixes.BackgroundCheckFailure);
        Add(at, "BackgroundCheckCompleted", new() { ["completedAt"] = Format(at), ["result"] = passedCheck ? "Passed" : "Failed" });
        if (!passedCheck)
            return;
        Training = mustQualify ? TrainingPath.Passed : YearMixes.Training.Pick(draw);
        if (Training == TrainingPath.TwoFailed && YearMixes.Exams(agency.Model).Count < 2)
            Training = TrainingPath.RemedialFailed;
        at = Workday(at + (agency.Model == Domain.ProgramModel.JEM ? draw.Days(7, 20) : draw.Days(2, 7)));
        var exams = YearMixes.Exams(agency.Model);
        var failed = Training is TrainingPath.Passed ? [] : Training is TrainingPath.TwoFailed ? exams.Take(2).ToList() : [draw.Pick(exams)];
        Add(at, "TrainingCompleted", Course(model, Format(at), exams.Select(e => Exam(e, failed.Contains(e) ? draw.Between(48, 70) : draw.Between(72, 100), false))));
        if (Training is TrainingPath.RemedialPassed or TrainingPath.RemedialFailed)
        {
            at = Workday(at + draw.Days(4, 10));
            var score = Training == TrainingPath.RemedialPassed ? draw.Between(70, 96) : draw.Between(50, 70);
            Add(at, "TrainingCompleted", Course(model, Format(at), [Exam(failed[0], score, true)]));
        }

        if (Training is not (TrainingPath.Passed or TrainingPath.RemedialPassed))
            return;
        at = Workday(at + draw.Days(1, 2));
        Add(at, "OfficerCertified", new() { ["model"] = model, ["certifiedAt"] = Format(at) });
        at = Workday(at + draw.Days(1, 5));
        AuthorizedAt = at;
        Add(at, "AuthorizationIssued", new()
        {
            ["models"] = new JsonArray(model), ["effectiveAt"] = Format(at),
            ["letterRef"] = $"FOD-{agency.Agreement.FieldOfficeCode}-{Id.ToString()[..8]}", ["form70006Ref"] = $"70-006-{Id.ToString()[..8]}",
            ["credentialNumber"] = $"287G-{agency.Ori}-{badge}",
        });
        if (draw.Chance(YearMixes.Refresher))
        {
            at = Workday(Later(at, agency.Clock.At(new DateOnly(2026, 1, 5), new TimeOnly(9, 0)) + draw.Days(0, 250)));
            Add(at, "RefresherCompleted", new() { ["model"] = model, ["completedAt"] = Format(at) });
        }
    }

    public string Badge { get; }

    public Guid Id { get; }

    public DateTimeOffset NominatedAt { get; }

    public TrainingPath? Training { get; private set; }

    public DateTimeOffset? AuthorizedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Whether the officer may act at <paramref name="at"/>: authorized a minute before (that write is sent first) and not revoked yet.</summary>
    public bool MayActAt(DateTimeOffset at) => AuthorizedAt is { } from && from.AddMinutes(1) <= at && (RevokedAt is not { } revoked || at < revoked);

    /// <summary>ICE revokes the authorization at <paramref name="at"/> (the officer left detention duties, or misconduct); the credentials come back days later.</summary>
    public void Revoke(DateTimeOffset at)
    {
        at = Workday(at);
        RevokedAt = at;
        Add(at, "AuthorizationRevoked", new()
        {
            ["effectiveAt"] = Format(at), ["reason"] = draw.Pick(YearMixes.RevocationReasons), ["letterRef"] = $"FOD-{agency.Agreement.FieldOfficeCode}-R-{Id.ToString()[..8]}",
        });
        var returned = Workday(at + draw.Days(1, 10));
        Add(returned, "CredentialsReturned", new() { ["returnedAt"] = Format(returned) });
    }

    /// <summary>The officer's writes in order: the agency's nomination, then ICE's records of the officer's standing.</summary>
    public IEnumerable<Step> Timeline()
    {
        var nomination = new JsonObject { ["badgeNumber"] = Badge, ["models"] = new JsonArray(agency.Model.ToString()) };
        yield return new Step(NominatedAt, agency.Jail, "/api/officers",
            Envelopes.Of(Envelopes.EventId(seed, Id, 0), "OfficerNominated", Format(NominatedAt), nomination));
        var index = 1;
        foreach (var (at, type, data) in events.OrderBy(e => e.At))
            yield return new Step(at, agency.Ice(1), $"/api/officers/{Id}/events", Envelopes.Of(Envelopes.EventId(seed, Id, index++), type, Format(at), data));
    }

    private void Add(DateTimeOffset at, string type, JsonObject data) => events.Add((at, type, data));

    private static JsonObject Course(string model, string completedAt, IEnumerable<JsonObject> exams) => new()
    {
        ["course"] = $"287(g) {model} Basic", ["model"] = model, ["completedAt"] = completedAt, ["exams"] = new JsonArray([.. exams]),
    };

    private static JsonObject Exam(string exam, int score, bool remedial) => new() { ["exam"] = exam, ["score"] = score, ["remedial"] = remedial };

    private DateTimeOffset Workday(DateTimeOffset at) => agency.Clock.Within(at, 8, 17, weekdaysOnly: true, draw);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private string Format(DateTimeOffset at) => agency.Clock.Format(at);
}

public enum TrainingPath
{
    Passed,
    RemedialPassed,
    RemedialFailed,
    TwoFailed,
}
