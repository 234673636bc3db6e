using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json.Nodes;
using CaseFlow.Demo.Plan;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseFlow.Demo.Loader;

/// <summary>
/// A window's case writes (bookings, case events, jails' batches), of every sender, applied together in process by the
/// batch endpoint's own path (<see cref="PostBatchEndpoint.Apply"/>): each item with its sender, judged by the same
/// rules, chained, vaulted and audited as over HTTP, a case's items in the plan's order, many cases per transaction.
/// Over HTTP each single write would be a request and, at the national year's pace, a transaction of two or three
/// events. Each write's sender must hold the policy of the endpoint it would have been sent to, as its token would be
/// checked. Anything not applied (or replayed) is a <see cref="DemoRefusedException"/>.
/// </summary>
public sealed class CaseWritesInProcess(IServiceProvider services)
{
    private const string Bookings = "/api/bookings";
    private const string Batch = "/api/events/batch";

    private readonly IAuthorizationService _authorization = services.GetRequiredService<IAuthorizationService>();
    private readonly IntakeServices _intake = services.GetRequiredService<IntakeServices>();
    private readonly IDocumentStore _store = services.GetRequiredService<IDocumentStore>();
    private readonly GovernanceOptions _governance = services.GetRequiredService<IOptions<GovernanceOptions>>().Value;
    // By sender (DemoDispatch.KeyOf): a plan run in a child process sends a new DemoActor with every write.
    private readonly Dictionary<string, ClaimsPrincipal> _senders = [];
    private readonly HashSet<(string, string)> _allowed = [];

    public async Task Send(IReadOnlyList<DemoWrite> writes, CancellationToken ct)
    {
        var items = new List<BatchItem>();
        var sentBy = new List<DemoWrite>();
        foreach (var write in writes)
        {
            var sender = await Authorized(write, ct);
            foreach (var envelope in ItemsOf(write))
            {
                items.Add(BatchItem.Read(items.Count, envelope, sender, _intake.Json));
                sentBy.Add(write);
            }
        }

        // One trace for the window's items, as a batch request has: their access records carry its id.
        using var trace = new Activity("demo case writes").Start();
        await using var session = _store.QuerySession();
        foreach (var result in await PostBatchEndpoint.Apply(items, session, _intake, _governance, ct))
        {
            if (result.Status is not (BatchItemStatus.Applied or BatchItemStatus.Replayed))
            {
                throw DemoRefusedException.Of(sentBy[result.Index], 200, (result.Problem as ProblemDetails)?.Type ?? result.Status.ToString(),
                    $"item {result.Index} {ItemsOf(sentBy[result.Index]).FirstOrDefault()?["type"]}");
            }
        }
    }

    /// <summary>A write's envelopes as batch items: a case event names its case in <c>caseId</c>, as a batch's does.</summary>
    private static IEnumerable<JsonNode?> ItemsOf(DemoWrite write)
    {
        if (write.Path == Batch)
            return (write.Body["events"] as JsonArray ?? []).Select(item => item?.DeepClone());
        var envelope = (JsonObject)write.Body.DeepClone();
        if (write.Path != Bookings)
            envelope["caseId"] = write.Path.Split('/')[3];
        return [envelope];
    }

    private async Task<ClaimsPrincipal> Authorized(DemoWrite write, CancellationToken ct)
    {
        var key = DemoDispatch.KeyOf(write.By);
        if (!_senders.TryGetValue(key, out var sender))
            _senders.Add(key, sender = new ClaimsPrincipal(new ClaimsIdentity(DemoDispatch.ClaimsOf(write.By), "Bearer")));
        var policy = write.Path is Bookings or Batch ? Policies.WriteIntake : Policies.AppendCaseEvents;
        if (!_allowed.Contains((key, policy)))
        {
            ct.ThrowIfCancellationRequested();
            if (!(await _authorization.AuthorizeAsync(sender, policy)).Succeeded)
                throw DemoRefusedException.Of(write, 403, $"(the sender lacks policy {policy})", write.Body["type"]?.ToString());
            _allowed.Add((key, policy));
        }

        return sender;
    }
}
