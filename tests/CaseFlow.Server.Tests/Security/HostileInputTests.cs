using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CsCheck;
using Npgsql;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// Thousands of generated hostile requests to every write endpoint and every case event type: each valid request is
/// mutated (a value replaced by a hostile one, a member dropped or added, the text cut short or doubled) and sent.
/// No answer is a 5xx, every refusal is a problem, and nothing a refused request touched has changed.
/// </summary>
public class HostileInputTests(AppFixture app)
{
    private sealed record Target(string Url, string Token, JsonObject Body);

    private static readonly JsonNode?[] HostileValues =
    [
        null, "", " ", new string('A', 20_000), "\u0000", "<script>alert(1)</script>", "'; drop table caseflow.mt_events; --",
        "../../etc/passwd", "%00", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ‮", -1, 0, 1e308, decimal.MaxValue, long.MinValue, true,
        new JsonArray(), new JsonObject(), Nested(40), "2026-02-30T25:61:00Z", "0001-01-01T00:00:00+00:00",
        "9999-12-31T23:59:59+14:00", "2026-01-15T09:30:00", Guid.Empty.ToString(), "not-a-uuid", "JEM,WSO", "NaN",
        new JsonArray(Enumerable.Range(0, 2_000).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
    ];

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
            node = new JsonArray(node);
        return node;
    }

    private static List<Target> Targets(CaseScenario scenario, Guid caseId)
    {
        JsonObject Node(object body) => JsonSerializer.SerializeToNode(body, ServerJson.Options)!.AsObject();
        var targets = new List<Target>
        {
            new("/api/bookings", scenario.Jail, Node(Envelopes.Booking(Envelopes.NewBookingNumber()))),
            new("/api/events/batch", scenario.Jail, Node(new { events = new[] { Envelopes.Booking(Envelopes.NewBookingNumber()) } })),
            new("/api/officers", scenario.Jail, Node(GovernanceClient.Envelope("OfficerNominated", new { badgeNumber = "FUZZ-1", models = new[] { "JEM" } }))),
            new("/api/complaints", scenario.Jail, Node(GovernanceClient.Envelope("ComplaintReceived",
                new { complaintNumber = "IA-FUZZ", againstBadgeNumber = CaseScenario.Badge, learnedAt = CaseScenario.Now(60) }))),
        };
        foreach (var (type, kind) in CaseEventKinds.ByType)
        {
            var byJail = kind.Roles.Contains(Roles.ScreeningSystem);
            var envelope = GovernanceClient.Envelope(type, ServerJson.Data(EventExamples.Case[type]));
            if (byJail)
                envelope["officerId"] = CaseScenario.Badge;
            targets.Add(new($"/api/cases/{caseId}/events", byJail ? scenario.Jail : scenario.Supervisor, Node(envelope)));
        }

        return targets;
    }

    /// <summary>One hostile request: a target and what is done to its body.</summary>
    private static Gen<(Target Target, string Body)> Requests(IReadOnlyList<Target> targets) =>
        from target in Gen.Int[0, targets.Count - 1].Select(i => targets[i])
        from paths in Gen.Const(PathsOf(target.Body))
        from path in Gen.Int[0, paths.Count - 1].Select(i => paths[i])
        from hostile in Gen.Int[0, HostileValues.Length - 1].Select(i => HostileValues[i])
        from cut in Gen.Double[0, 1]
        from mutation in Gen.Int[0, 5]
        select (target, Mutate(target.Body, path, hostile?.DeepClone(), cut, mutation));

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

    /// <summary>What a request of this agency or on this case could change: their events, the case's version, the agency's cases.</summary>
    private static async Task<string> Footprint(string ori, Guid caseId)
    {
        const string sql = """
            select (select count(*) from caseflow.mt_events where headers->>'ori' = @ori)
                || ':' || (select coalesce(max(version), 0) from caseflow.mt_streams where id = @case)
                || ':' || (select count(*) from caseflow.mt_events where stream_id = @case)
                || ':' || (select coalesce(sum((data->>'version')::int), 0) from caseflow.mt_doc_casefile where data->>'ori' = @ori)
            """;
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new("ori", ori), new("case", caseId) } };
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task thousands_of_hostile_requests_get_no_5xx_and_a_refused_one_changes_nothing()
    {
        var scenario = await CaseScenario.Create(app);
        var caseId = await scenario.Book();
        var targets = Targets(scenario, caseId);
        var refused = 0;

        await Requests(targets).SampleAsync(async request =>
        {
            var before = await Footprint(scenario.Ori, caseId);
            var result = await app.Host.Scenario(s =>
            {
                s.Post.Text(request.Body).ToUrl(request.Target.Url);
                s.WithRequestHeader("Content-Type", "application/json");
                s.Bearer(request.Target.Token);
                s.IgnoreStatusCode();
            });
            var status = result.Context.Response.StatusCode;
            status.ShouldBeLessThan(500, $"{request.Target.Url}: {request.Body[..Math.Min(300, request.Body.Length)]}");
            if (status < 400)
                return;

            Interlocked.Increment(ref refused);
            result.Context.Response.ContentType.ShouldBe("application/problem+json");
            (await result.ReadAsTextAsync()).ShouldNotContain("CaseFlow.", Case.Sensitive, "a problem must not name the server's types");
            (await Footprint(scenario.Ori, caseId)).ShouldBe(before, $"a refused request changed something: {request.Target.Url}");
        }, iter: 2_000, threads: 1, print: r => $"{r.Target.Url} {r.Body[..Math.Min(500, r.Body.Length)]}");

        refused.ShouldBeGreaterThan(1_000, "most hostile requests must be refused");
    }
}
