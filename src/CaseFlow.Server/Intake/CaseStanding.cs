using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;

namespace CaseFlow.Server.Intake;

/// <summary>
/// A case as a case event is prepared against before the write locks it: its agency, field office and model, which
/// never change. Read as these fields of the case document, not the whole case, whose facts grow with every event.
/// </summary>
public sealed class CaseStanding
{
    public Guid Id { get; init; }
    public string Ori { get; init; } = "";
    public string FieldOfficeCode { get; init; } = "";
    public ProgramModel Model { get; init; }

    /// <summary>
    /// The case a booking opens, for the events sent after it in the same batch: the caller's agency and the booking's
    /// model. Its field office comes with the agreement, read under the lock; the agency callers that send bookings see
    /// their cases by agency alone. None for a model the booking's validation refuses (its case's items end with it).
    /// </summary>
    public static CaseStanding? OpenedBy(Guid caseId, CallerScope caller, BookingData booking) =>
        caller.IsAgency && Enum.TryParse<ProgramModel>(booking.Model, out var model) && Enum.IsDefined(model)
            ? new CaseStanding { Id = caseId, Ori = caller.Ori!, Model = model }
            : null;

    public static async Task<CaseStanding?> Of(IQuerySession session, Guid caseId, CancellationToken ct) =>
        (await Of(session, [caseId], ct)).SingleOrDefault();

    /// <remarks>
    /// SQL rather than a LINQ Select, which Marten parses on every call (a single case event reads its standing once).
    /// The members are the case document's as its serializer names them.
    /// </remarks>
    public static Task<IReadOnlyList<CaseStanding>> Of(IQuerySession session, IReadOnlyCollection<Guid> caseIds, CancellationToken ct) =>
        session.QueryAsync<CaseStanding>(
            "select jsonb_build_object('id', d.id, 'ori', d.data -> 'ori', 'fieldOfficeCode', d.data -> 'fieldOfficeCode', 'model', d.data -> 'model') "
            + $"from {session.TableOf<CaseFile>()} d where d.id = any(?)", ct, [caseIds.ToArray()]); // one parameter: the array
}
