using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;

namespace CaseFlow.Domain;

/// <summary>
/// Every event type CaseFlow stores. Each is stored under its class name, which is also the <c>type</c> clients
/// send and read back, so a renamed class must keep its old name mapped.
/// </summary>
public static class EventCatalogue
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(AgreementSigned),
        typeof(BookingRecorded),
        typeof(ScheduledReleaseSet),
        typeof(ChargesAmended),
    ];
}
