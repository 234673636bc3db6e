using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using CaseFlow.Domain;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
using CsCheck;
using Npgsql;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// Thousands of generated hostile requests to every write endpoint and every event type posted through one (case,
/// officer, complaint and agreement events, subject orders): each valid request is
/// mutated (a value replaced by a hostile one, a member dropped or added, the text cut short or doubled) and sent.
/// No answer is a 5xx, every refusal is a problem, and nothing a refused request touched has changed.
/// </summary>
public class HostileInputTests(AppFixture app)
{
    private sealed record Target(string Route, string Url, string Token, JsonObject Body);

    /// <summary>The objects the requests aim at: an agency with its officer, agreement, a case and its subject, a complaint.</summary>
    private sealed record Objects(CaseScenario Scenario, Guid CaseId, Guid ComplaintId)
    {
        public Guid SubjectRef => Domain.Cases.CaseId.SubjectRefFor(CaseId);
        public Guid AgreementId => Domain.Agreements.AgreementId.For(Scenario.Ori, ProgramModel.JEM);
        public Guid[] Streams => [CaseId, Scenario.OfficerId, AgreementId, ComplaintId, Domain.Reports.ReportRelease.StreamOf(ReportMonth)];
    }

    /// <summary>The month whose release the requests propose and approve.</summary>
    private const string ReportMonth = "2024-10";

    private static readonly JsonNode?[] HostileValues =
    [
        null, "", " ", new string('A', 20_000), "\u0000", "<script>alert(1)</script>", "'; drop table caseflow.mt_events; --",
        "../../etc/passwd", "%00", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ‮", -1, 0, 1e308, decimal.MaxValue, long.MinValue, true,
        new JsonArray(), new JsonObject(), Nested(40), "2026-02-30T25:61:00Z", "0001-01-01T00:00:00+00:00",
        "9999-12-31T23:59:59+14:00", "2026-01-15T09:30:00", Guid.Empty.ToString(), "not-a-uuid", "JEM,WSO", "NaN",
        new JsonArray(Enumerable.Range(0, 2_000).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
    ];

    /// <summary>If-Match values a client could send to the event endpoints (most requests send none).</summary>
    private static readonly string[] IfMatchValues =
        ["\"1\"", "W/\"1\"", "*", "1", "\"-1\"", "\"99999999999999999999999\"", "\"\"", "garbage", new string('9', 2_000)];

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
            node = new JsonArray(node);
        return node;
    }

    private List<Target> Targets(Objects objects)
    {
        var (scenario, caseId, admin) = (objects.Scenario, objects.CaseId, app.Tokens.For(Roles.Admin));
        JsonObject Node(object body) => JsonSerializer.SerializeToNode(body, ServerJson.Options)!.AsObject();
        var targets = new List<Target>
        {
            new("/api/bookings", "/api/bookings", scenario.Jail, Node(Envelopes.Booking(Envelopes.NewBookingNumber()))),
            new("/api/events/batch", "/api/events/batch", scenario.Jail, Node(new { events = new[] { Envelopes.Booking(Envelopes.NewBookingNumber()) } })),
            new("/api/officers", "/api/officers", scenario.Jail, Node(GovernanceClient.Envelope("OfficerNominated", new { badgeNumber = "FUZZ-1", models = new[] { "JEM" } }))),
            new("/api/complaints", "/api/complaints", scenario.Jail, Node(GovernanceClient.Envelope("ComplaintReceived",
                new { complaintNumber = "IA-FUZZ", againstBadgeNumber = CaseScenario.Badge, learnedAt = CaseScenario.Now(60) }))),
            new("/api/subjects/search", "/api/subjects/search", scenario.Jail, Node(new { aNumber = "A012345678" })),
            new("/api/subjects/{subjectRef}/orders", $"/api/subjects/{objects.SubjectRef}/orders", admin,
                Node(new { action = "seal", legalBasis = "sealing-order", orderReference = "FUZZ-1", eventId = Guid.NewGuid() })),
            new("/api/reports/monthly/{month}/release-proposals", $"/api/reports/monthly/{ReportMonth}/release-proposals", app.Tokens.For(Roles.Analyst),
                Node(new { eventId = Guid.NewGuid() })),
            new("/api/reports/monthly/{month}/approvals", $"/api/reports/monthly/{ReportMonth}/approvals", admin,
                Node(new { proposalId = Guid.NewGuid(), publicAffairsReference = "OPA-FUZZ-1", privacyOfficeReference = "PRIV-FUZZ-1" })),
        };
        foreach (var (type, kind) in CaseEventKinds.ByType)
        {
            var byJail = kind.Roles.Contains(Roles.ScreeningSystem);
            var envelope = Envelopes.CaseEvent(type, ServerJson.Data(EventExamples.Case[type]));
            if (byJail)
                envelope["officerId"] = CaseScenario.Badge;
            targets.Add(new("/api/cases/{caseId}/events", $"/api/cases/{caseId}/events", byJail ? scenario.Jail : scenario.Supervisor, Node(envelope)));
        }

        foreach (var (type, data) in GovernanceSamples.OfficerSteps())
            targets.Add(new("/api/officers/{officerId}/events", $"/api/officers/{scenario.OfficerId}/events", scenario.Supervisor, Node(GovernanceClient.Envelope(type, data))));
        foreach (var (type, data) in GovernanceSamples.ComplaintSteps())
            targets.Add(new("/api/complaints/{complaintId}/events", $"/api/complaints/{objects.ComplaintId}/events", scenario.Jail, Node(GovernanceClient.Envelope(type, data))));
        foreach (var (type, data) in GovernanceSamples.AgreementEvents())
            targets.Add(new("/api/agreements/{ori}/{model}/events", $"/api/agreements/{scenario.Ori}/JEM/events", admin, Node(GovernanceClient.Envelope(type, data))));
        return targets;
    }

    /// <summary>One hostile request: a target and what is done to its body.</summary>
    private static Gen<(Target Target, string Body, string? IfMatch)> Requests(IReadOnlyList<Target> targets) =>
        from target in Gen.Int[0, targets.Count - 1].Select(i => targets[i])
        from paths in Gen.Const(PathsOf(target.Body))
        from path in Gen.Int[0, paths.Count - 1].Select(i => paths[i])
        from hostile in Gen.Int[0, HostileValues.Length - 1].Select(i => HostileValues[i])
        from cut in Gen.Double[0, 1]
        from mutation in Gen.Int[0, 5]
        from ifMatch in Gen.Int[0, IfMatchValues.Length * 3].Select(i => i < IfMatchValues.Length ? IfMatchValues[i] : null)
        select (target, Mutate(target.Body, path, hostile?.DeepClone(), cut, mutation), ifMatch);

    private static string Mutate(JsonObject body, string path, JsonNode? hostile, double cut, int mutation)
    {
        var copy = body.DeepClone().AsObject();
        var (parent, key) = Locate(copy, path);
        switch (mutation)
        {
            case 0 or 1:
                Replace(parent, key, hostile);
                break;
            case 2 when parent is JsonObject o:
                o.Remove(key);
                break;
            case 3 when parent is JsonObject o:
                o["unexpected" + key] = hostile;
                break;
            case 4:
                var text = copy.ToJsonString();
                return text[..(int)(text.Length * cut)];
            default:
                var whole = copy.ToJsonString();
                return whole.Insert(1, whole[1..^1] + ",");
        }

        return copy.ToJsonString();
    }

    private static void Replace(JsonNode parent, string key, JsonNode? value)
    {
        if (parent is JsonArray array)
            array[int.Parse(key)] = value;
        else
            parent[key] = value;
    }

    private static List<string> PathsOf(JsonNode node, string prefix = "")
    {
        var paths = new List<string>();
        IEnumerable<(string Key, JsonNode? Child)> children = node switch
        {
            JsonObject o => o.Select(p => (p.Key, p.Value)),
            JsonArray a => a.Select((c, i) => (i.ToString(), c)),
            _ => [],
        };
        foreach (var (key, child) in children)
        {
            var path = prefix + "/" + key;
            paths.Add(path);
            if (child is JsonObject or JsonArray)
                paths.AddRange(PathsOf(child, path));
        }

        return paths;
    }

    private static (JsonNode Parent, string Key) Locate(JsonNode root, string path)
    {
        var keys = path.TrimStart('/').Split('/');
        var parent = root;
        foreach (var key in keys[..^1])
            parent = (parent is JsonArray a ? a[int.Parse(key)] : parent[key])!;
        return (parent, keys[^1]);
    }

    /// <summary>
    /// What a request could change: the agency's events, the case's, officer's, agreement's and complaint's streams,
    /// the agency's cases, and the subject in the vault.
    /// </summary>
    /// <summary>The events of the fuzzed case and complaint, in order: the state a failing request met.</summary>
    private async Task<string> History(Objects objects)
    {
        await using var session = app.Store.QuerySession();
        var streams = new List<string>();
        foreach (var id in new[] { objects.CaseId, objects.ComplaintId })
            streams.Add($"{id}: {string.Join(", ", (await session.Events.FetchStreamAsync(id, token: TestContext.Current.CancellationToken)).Select(e => $"{e.Version} {e.EventTypeName} {e.Data.GetType().Name}"))}");
        return string.Join("; ", streams);
    }

    private static async Task<string> Footprint(Objects objects)
    {
        const string sql = """
            select (select count(*) from caseflow.mt_events where headers->>'ori' = @ori)
                || ':' || (select coalesce(sum(version), 0) from caseflow.mt_streams where id = any(@streams))
                || ':' || (select count(*) from caseflow.mt_events where stream_id = any(@streams))
                || ':' || (select coalesce(sum((data->>'version')::int), 0) from caseflow.mt_doc_casefile where data->>'ori' = @ori)
                || ':' || (select coalesce(md5(data::text), '') from caseflow.mt_doc_vaultedsubject where id = @subject)
            """;
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection)
        {
            Parameters = { new("ori", objects.Scenario.Ori), new("streams", objects.Streams), new("subject", objects.SubjectRef) },
        };
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>POST endpoints that read no body: nothing in a body can be hostile to them (BodyShapeTests still send them bodies).</summary>
    private static readonly string[] WithoutBody = ["/api/subjects/{subjectRef}/orders/{orderId}/approval", "/api/operations/vault/rewrap", "/api/audit/checkpoints"];

    [Fact]
    public async Task every_write_endpoint_and_every_event_type_posted_through_one_is_a_target()
    {
        var scenario = await CaseScenario.Create(app);
        var targets = Targets(new Objects(scenario, Guid.NewGuid(), Guid.NewGuid()));
        var posts = ApiRoutes.Of(app.Host).Where(r => r.Method == "POST").Select(r => r.Endpoint.RoutePattern.RawText!);

        posts.Except(WithoutBody).Order().ShouldBe(targets.Select(t => t.Route).Distinct().Order());
        // Officer and complaint samples are held complete by the authorization matrix, which uses them too.
        GovernanceSamples.AgreementEvents().Keys.Order().ShouldBe(PostAgreementEventEndpoint.Kinds.Keys.Order());
    }

    [Fact]
    public async Task thousands_of_hostile_requests_get_no_5xx_and_a_refused_one_changes_nothing()
    {
        var scenario = await CaseScenario.Create(app);
        var complaint = await app.Host.Post(scenario.Jail, "/api/complaints", GovernanceClient.Envelope("ComplaintReceived",
            new { complaintNumber = "IA-FUZZ-0", againstBadgeNumber = CaseScenario.Badge, learnedAt = CaseScenario.Now(60) }), 201);
        var objects = new Objects(scenario, await scenario.Book(), (await complaint.ReadAsJsonAsync<AppendResult>()).Id);
        var targets = Targets(objects);
        var refused = 0;

        await Requests(targets).SampleAsync(async request =>
        {
            try
            {
                var before = await Footprint(objects);
                var result = await app.Host.Scenario(s =>
                {
                    s.Post.Text(request.Body).ToUrl(request.Target.Url);
                    s.WithRequestHeader("Content-Type", "application/json");
                    s.Bearer(request.Target.Token);
                    if (request.IfMatch is { } ifMatch)
                        s.WithRequestHeader("If-Match", ifMatch);
                    s.IgnoreStatusCode();
                });
                var status = result.Context.Response.StatusCode;
                status.ShouldBeLessThan(500, $"{request.Target.Url} (If-Match {request.IfMatch}): {request.Body[..Math.Min(300, request.Body.Length)]}");
                if (status < 400)
                {
                    // A batch answers 200 item by item: one whose every item was refused must have changed nothing either.
                    if (request.Target.Route == "/api/events/batch" && !(await result.ReadAsTextAsync()).Contains("\"status\":\"applied\"", StringComparison.Ordinal))
                        (await Footprint(objects)).ShouldBe(before, "a batch none of whose items was applied changed something");
                    return;
                }

                Interlocked.Increment(ref refused);
                result.Context.Response.ContentType.ShouldBe("application/problem+json");
                (await result.ReadAsTextAsync()).ShouldNotContain("CaseFlow.", Case.Sensitive, "a problem must not name the server's types");
                (await Footprint(objects)).ShouldBe(before, $"a refused request changed something: {request.Target.Url}");
            }
            catch (Exception failure)
            {
                FuzzFailures.Log("POST", request.Target.Url, request.Target.Token, $"(If-Match {request.IfMatch}) {request.Body}", await History(objects), failure);
                throw;
            }
        }, iter: 2_000, threads: 1, print: r => $"{r.Target.Url} {r.Body[..Math.Min(500, r.Body.Length)]}");

        refused.ShouldBeGreaterThan(1_000, "most hostile requests must be refused");
    }
}
