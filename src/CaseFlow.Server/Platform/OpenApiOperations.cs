using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Wolverine.Http;

namespace CaseFlow.Server.Platform;

/// <summary>
/// Names every operation as generated clients call it: the operationId is the endpoint's route name
/// (<c>[WolverinePost(..., Name = "PostBooking")]</c>) and the tag is its slice (the namespace under
/// <c>CaseFlow.Server</c>: Intake, Cases, Governance, ...), so a client gets <c>IntakeClient.PostBookingAsync</c>. The
/// endpoint's doc comment is the description, its first sentence the summary.
/// </summary>
public static class OpenApiOperations
{
    private static readonly Dictionary<string, string> AreaDescriptions = new()
    {
        ["Intake"] = "Bookings, case events and batches posted by jail systems.",
        ["Cases"] = "Case summaries, histories and integrity checks.",
        ["Feed"] = "What CaseFlow decided about an agency's cases, in order.",
        ["Governance"] = "287(g) agreements, designated officers and complaints.",
        ["Subjects"] = "The person behind a case: search, identifiers, sealing and erasure orders.",
        ["Audit"] = "The access audit.",
        ["Integrity"] = "Signed checkpoints and the verification of the whole store against them.",
        ["Queues"] = "Supervisors' queues, boards and case searches with live deadlines.",
        ["Statistics"] = "Per-jurisdiction statistics with ICE's definitions, by agency, state, field office and nation; JSON or CSV.",
        ["Reports"] = "The monthly 287(g) report: drafts, release proposals and approvals, released versions; JSON, CSV or a printable page.",
        ["Operations"] = "Projections, dead letters and the subject vault, for administrators.",
    };

    public static Task NameAndTag(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var chain = metadata.OfType<HttpChain>().SingleOrDefault();
        if (chain is null)
            return Task.CompletedTask;
        operation.OperationId = chain.Method.Method.GetCustomAttribute<WolverineHttpMethodAttribute>()?.Name
            ?? throw new InvalidOperationException($"{chain.RoutePattern?.RawText}: name the endpoint ([Wolverine...(\"route\", Name = \"VerbNoun\")]).");
        operation.Tags = new HashSet<OpenApiTagReference> { new(AreaOf(chain.Method.HandlerType), context.Document) };
        if (operation.Summary is { } summary && summary != chain.OperationId)
        {
            // The doc comment as one paragraph: its line breaks are where the source wrapped, not the author's.
            var comment = string.Join(' ', summary.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
            operation.Description = comment;
            operation.Summary = FirstSentence(comment);
        }

        return Task.CompletedTask;
    }

    private static string FirstSentence(string text) =>
        text.IndexOf(". ", StringComparison.Ordinal) is > 0 and var end ? text[..(end + 1)] : text;

    /// <summary>The tags the operations use, described, in name order.</summary>
    public static Task DescribeTags(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var used = document.Paths.Values.SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name!).Distinct().Order(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag { Name = name, Description = AreaDescriptions.GetValueOrDefault(name) }));
        return Task.CompletedTask;
    }

    private static string AreaOf(Type endpoint) =>
        endpoint.Namespace!.Split('.') is [.., "Server", var area] ? area : throw new InvalidOperationException($"{endpoint} is outside a slice.");
}
