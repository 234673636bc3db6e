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
        var sent = new List<(DemoWrite Write, JsonNode? Envelope)>();
        foreach (var write in writes)
        {
            var sender = await Authorized(write);
            foreach (var envelope in ItemsOf(write))
            {
                items.Add(BatchItem.Read(items.Count, envelope, sender, _intake.Json));
                sent.Add((write, envelope));
            }
        }

        // One trace for the window's items, as a batch request has: their access records carry its id.
        using var trace = new Activity("demo case writes").Start();
        await using var session = _store.QuerySession();
        foreach (var result in await PostBatchEndpoint.Apply(items, session, _intake, _governance, ct))
        {
            if (result.Status is not (BatchItemStatus.Applied or BatchItemStatus.Replayed))
            {
                var (write, envelope) = sent[result.Index];
                throw DemoRefusedException.Of(write, 200, (result.Problem as ProblemDetails)?.Type ?? result.Status.ToString(), $"item {result.Index} {envelope?["type"]}");
            }
        }
    }

    /// <summary>A write's envelopes as batch items: a case event names its case in <c>caseId</c>, as a batch's does (on a copy: the plan's body stays as sent).</summary>
    private static IEnumerable<JsonNode?> ItemsOf(DemoWrite write)
    {
        if (write.Path == WriteGroups.Batch)
            return write.Body["events"] as JsonArray ?? [];
        if (write.Path == WriteGroups.Bookings)
            return [write.Body];
        var envelope = (JsonObject)write.Body.DeepClone();
        envelope["caseId"] = WriteGroups.CaseOf(write.Path);
        return [envelope];
    }

    private async Task<ClaimsPrincipal> Authorized(DemoWrite write)
    {
        var key = DemoDispatch.KeyOf(write.By);
        if (!_senders.TryGetValue(key, out var sender))
            _senders.Add(key, sender = new ClaimsPrincipal(new ClaimsIdentity(DemoDispatch.ClaimsOf(write.By), "Bearer")));
        var policy = write.Path is WriteGroups.Bookings or WriteGroups.Batch ? Policies.WriteIntake : Policies.AppendCaseEvents;
        if (!_allowed.Contains((key, policy)))
        {
            if (!(await _authorization.AuthorizeAsync(sender, policy)).Succeeded)
                throw DemoRefusedException.Of(write, 403, $"(the sender lacks policy {policy})", write.Body["type"]?.ToString());
            _allowed.Add((key, policy));
        }

        return sender;
    }
}
