using System.Security.Claims;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Subjects;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Subjects;

public static class ApproveSubjectOrderEndpoint
{
    /// <summary>
    /// A second admin approves an order and it is carried out: <c>SubjectSealed</c> or <c>SubjectErased</c> on the
    /// case's stream and, in the same transaction, the vault's subject sealed or its key material destroyed. The
    /// proposing admin may not approve (403 <c>same-admin</c>); the same approval sent again answers as the first time.
    /// </summary>
    [WolverinePost("/api/subjects/{subjectRef}/orders/{orderId}/approval", Name = "ApproveSubjectOrder")]
    [Authorize(Policy = Policies.OrderSubjects)]
    [ProducesResponseType<SubjectOrderAnswer>(200)]
    [ProducesResponseType(404)]
    [ProducesResponseType(409)]
    [ProducesResponseType(422)]
    public static async Task<IResult> Post(
        Guid subjectRef, Guid orderId, ClaimsPrincipal user, IQuerySession session, IntakeServices intake,
        HttpResponse response, CancellationToken ct)
    {
        if (await session.LoadAsync<VaultedSubject>(subjectRef, ct) is not { } subject
            || await session.LoadAsync<CaseFile>(subject.CaseId, ct) is not { } known)
            return Problems.NotFound("subject");

        // Who proposed an order and who carried it out never change once recorded, so these are judged before the lock.
        var caller = CallerScope.From(user);
        var order = known.SubjectOrders.FirstOrDefault(o => o.OrderId == orderId);
        if (order is null)
            return Problems.NotFound("subject-order");
        if (SubjectOrderRules.CheckApproval(known, orderId, caller.Subject) is { Code: "same-admin" } sameAdmin)
            return WriteResults.Refused(StatusCodes.Status403Forbidden, sameAdmin);
        if (order.ApprovedBy is { } approver && approver != caller.Subject)
            return WriteResults.Refused(StatusCodes.Status409Conflict, SubjectOrderRules.CheckApproval(known, orderId, caller.Subject)!);

        var carriedOut = SubjectOrderRules.CarryOut(order, subjectRef, caller.Subject);
        var incoming = SubjectOrderWrites.Incoming(SubjectOrderRules.ApprovalEventId(orderId), subject.CaseId, carriedOut, intake.Clock.GetUtcNow(), intake.Json);
        var outcome = await intake.Writer.Write(
            WritePlan<CaseFile>.Of(subject.CaseId, incoming, caller, state => Decision.Judge(carriedOut, SubjectOrderRules.CheckApproval(state!, orderId, caller.Subject)),
                writing => VaultChanges.CarryOut(writing, subjectRef, order.Action, orderId)),
            ct);
        return SubjectOrderWrites.Answer(outcome, orderId, StatusCodes.Status200OK, response);
    }
}
