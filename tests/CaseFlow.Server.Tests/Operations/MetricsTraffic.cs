using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using System.Text;
using Alba;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Custody;
using CaseFlow.Server.Operations;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;
using Wolverine.Tracking;

namespace CaseFlow.Server.Tests.Operations;

/// <summary>What the traffic did, to find in the scrape: and what must not be found in it.</summary>
public sealed record MetricsTrafficFacts(
    Guid CaseId, string Ori, string FieldOffice, string BookingNumber, string RuleRefusal, string EnvelopeRefusal, IReadOnlyList<string> Identifiers);

/// <summary>An instrument of the <c>CaseFlow</c> meter as published: its name and unit.</summary>
public sealed record PublishedInstrument(string Name, string? Unit, string Kind);

/// <summary>
/// What the traffic left: the node's scrape (every host's <c>CaseFlow</c> meter of this process is in it: the exporter
/// listens by meter name), the measurements of the node's own meter alone (<see cref="Measured"/>, counters and
/// histograms over the traffic; <see cref="Gauges"/> observed at the end), the instruments published, and the facts.
/// </summary>
public sealed record MetricsTrafficResult(
    PrometheusText Scrape, IReadOnlyList<Measured> Measured, IReadOnlyList<Measured> Gauges, MetricsTrafficFacts Facts, IReadOnlyList<PublishedInstrument> Instruments);

/// <summary>
/// Real traffic on a CaseFlow node of its own database with the Prometheus endpoint on, then one scrape of it: shared
/// by the tests of the metrics and of the monitoring files (the rules and dashboard must name only what a node emits).
/// A booking appended and sent again, a booking refused by a rule and one refused before the append path, a write
/// answered busy, a hold whose deadline fires two hours late and stays a breach, a checkpoint signed, the store
/// verified, a subject searched.
/// </summary>
public static class MetricsTraffic
{
    public const string ScrapeToken = "metrics-scrape-token-of-the-tests-0123456789";

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static MetricsTrafficResult? _result;

    public static async Task<MetricsTrafficResult> Scrape(AppFixture app)
    {
        await Once.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return _result ??= await Run(app);
        }
        finally
        {
            Once.Release();
        }
    }

    /// <summary>The settings of a node that serves <c>/metrics</c> to the tests' scrape token.</summary>
    public static void EnablePrometheus(Microsoft.AspNetCore.Hosting.IWebHostBuilder x)
    {
        x.UseSetting("Telemetry:Prometheus:Enabled", "true");
        x.UseSetting("Telemetry:Prometheus:ScrapeToken", ScrapeToken);
    }

    public static string BasicAuthorization(string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"prometheus:{password}"));

    private static async Task<MetricsTrafficResult> Run(AppFixture app)
    {
        var ct = TestContext.Current.CancellationToken;
        using var measurements = new NodeMeasurements(CaseFlowMetrics.MeterName);

        await using var database = await OwnDatabase.Create(app, "metrics");
        var checkpoints = CheckpointSettings.Random();
        await using var node = await database.StartNode(configure: x =>
        {
            EnablePrometheus(x);
            checkpoints.ApplyTo(x);
            x.UseSetting("Intake:LockWait", "00:00:01");
        });
        measurements.Follow(node.Services.GetRequiredService<IMeterFactory>());

        var wso = await CaseScenario.Create(app, ProgramModel.WSO, node: node);
        var eligible = DateTimeOffset.FromUnixTimeSeconds((DateTimeOffset.UtcNow - HoldPolicy.Limit - TimeSpan.FromHours(2)).ToUnixTimeSeconds());
        var bookingNumber = Envelopes.NewBookingNumber();
        var booking = Envelopes.Booking(bookingNumber, "WSO", occurredAt: eligible.AddHours(-3));
        var caseId = await node.StartCaseWith(wso.Jail, booking);
        await node.PostBooking(wso.Jail, booking, 201); // the same again: replayed
        await wso.Decide(caseId, "WarrantReceivedFromIce", new { receivedAt = Envelopes.Instant(eligible.AddHours(-2)), warrantType = "I-200", iceDetainerRef = "ICE-DET-9" });
        await wso.Decide(caseId, "DetainerLodged", new { lodgedAt = Envelopes.Instant(eligible.AddHours(-2)) });
        await node.Post(wso.Jail, $"/api/cases/{caseId}/events", GovernanceClient.Envelope("ReleaseEligible", new { at = Envelopes.Instant(eligible) }, eligible), 200);

        // The warrant served at eligibility starts a hold whose deadline passed two hours ago: the scheduler fires it.
        var served = GovernanceClient.Envelope("WarrantServed", new { servedAt = Envelopes.Instant(eligible), warrantType = "I-200" }, eligible);
        served["officerId"] = CaseScenario.Badge;
        await node.TrackActivity().Timeout(TimeSpan.FromSeconds(90)).WaitForMessageToBeReceivedAt<HoldDeadlineReached>(node)
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => node.Post(wso.Jail, $"/api/cases/{caseId}/events", served, 200)));

        var infractionOnly = Envelopes.Booking(Envelopes.NewBookingNumber(), "WSO",
            charges: new[] { new { code = "TC 545.351", description = "Speeding", level = "Infraction" } });
        var ruleRefusal = ProblemCode(await (await node.PostBooking(wso.Jail, infractionOnly, 422)).ReadAsTextAsync());
        var future = Envelopes.Booking(Envelopes.NewBookingNumber(), "WSO", occurredAt: DateTimeOffset.UtcNow.AddDays(1));
        var envelopeRefusal = ProblemCode(await (await node.PostBooking(wso.Jail, future, 400)).ReadAsTextAsync());

        await Busy(database, node, wso.Jail, caseId, ct);

        await node.GetAs(wso.Jail, "/api/subjects/search?aNumber=A012345678");
        await node.HighWaterMarkHasPassed(caseId);
        await node.Post(app.Tokens.For(Roles.Admin), "/api/audit/checkpoints", new { }, 200);
        await node.GetAs(app.Tokens.For(Roles.Auditor), "/api/audit/integrity");

        await node.QueuesHaveApplied(caseId);
        await node.Services.GetRequiredService<StoreGauges>().Read(ct);
        await node.Services.GetRequiredService<ProjectionLag>().Sample(ct);
        var text = await (await node.Scenario(s =>
        {
            s.Get.Url(MetricsEndpoint.Path);
            s.WithRequestHeader("Authorization", "Basic " + BasicAuthorization(ScrapeToken));
        })).ReadAsTextAsync();

        // Left for a person to read (what a node really exposes); artifacts/ is ignored by git.
        var artifacts = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "metrics"));
        await File.WriteAllTextAsync(Path.Combine(artifacts.FullName, "scrape.txt"), text, ct);
        var facts = new MetricsTrafficFacts(caseId, wso.Ori, SyntheticAgencies.FieldOffice, bookingNumber, ruleRefusal, envelopeRefusal,
            [caseId.ToString(), wso.Ori, bookingNumber, "Alex", "Testperson", "1990-02-03", "A012345678", "012345678", CaseScenario.Badge]);
        var gauges = measurements.Observe();
        return new MetricsTrafficResult(PrometheusText.Parse(text), measurements.All, gauges, facts,
            [.. measurements.Published.Select(p => new PublishedInstrument(p.Name, p.Unit, p.Kind))]);
    }

    /// <summary>A write to the case while another transaction holds its stream row longer than the node's lock wait: 409 busy.</summary>
    private static async Task Busy(OwnDatabase database, IAlbaHost node, string jail, Guid caseId, CancellationToken ct)
    {
        await using var holder = new NpgsqlConnection(database.ConnectionString);
        await holder.OpenAsync(ct);
        await using var transaction = await holder.BeginTransactionAsync(ct);
        await new NpgsqlCommand($"select 1 from {PersistenceSetup.SchemaName}.mt_streams where id = @id for update", holder, transaction)
        {
            Parameters = { new("id", caseId) },
        }.ExecuteScalarAsync(ct);
        await node.PostCaseEvent(jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(2)), 409);
        await transaction.RollbackAsync(ct);
    }

    private static string ProblemCode(string problem) =>
        System.Text.Json.Nodes.JsonNode.Parse(problem)!["type"]!.GetValue<string>()[ProblemTypes.Prefix.Length..];
}
