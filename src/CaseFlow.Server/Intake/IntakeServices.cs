using System.Text.Json;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Subjects;
using CaseFlow.Server.Writing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Intake;

/// <summary>What every write endpoint needs besides the request itself, injected as one.</summary>
public sealed class IntakeServices(
    EventWriter writer, WriteQueue queue, AccessLog audit, TimeProvider clock, IOptions<IntakeOptions> intake, IOptions<JsonOptions> json, SubjectVault vault,
    IOptions<Queues.QueueOptions> queues, Operations.CaseFlowMetrics metrics)
{
    public EventWriter Writer => writer;

    /// <summary>Where a single request's write goes to share a transaction with concurrent ones.</summary>
    public WriteQueue Queue => queue;

    public AccessLog Audit => audit;
    public TimeProvider Clock => clock;
    public IntakeOptions Options => intake.Value;
    public JsonSerializerOptions Json => json.Value.SerializerOptions;
    public SubjectVault Vault => vault;
    public TimeSpan ReviewClaimLifetime => queues.Value.ReviewClaimLifetime;

    /// <summary>An event refused before it reached the append path, counted as refused.</summary>
    public IntakeAnswer Rejected(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        metrics.Refused(problem.Type);
        return IntakeAnswer.Rejected(problem);
    }
}
