using CaseFlow.Ids;
using UUIDNext;

namespace CaseFlow.Import;

/// <summary>
/// A row's event id follows from what identifies the step, not from where the row sits: the same booking or the same
/// step (type and instant) of a booking is the same event on every run, so a row sent again is answered
/// <c>replayed</c> and a re-ordered or grown export duplicates nothing.
/// </summary>
public static class RowEventIds
{
    /// <summary>Never change it: ids already sent would no longer match their rows.</summary>
    private static readonly Guid Namespace = new("9e4b2c71-3a5d-4f08-b6c1-7d2e8f0a9b34");

    public const string BookingType = "BookingRecorded";

    public static Guid Booking(string ori, string bookingNumber) => Uuid.NewNameBased(Namespace, $"{ori}|{bookingNumber}|{BookingType}");

    public static Guid Step(string ori, string bookingNumber, string type, DateTimeOffset occurredAt) =>
        Uuid.NewNameBased(Namespace, $"{ori}|{bookingNumber}|{type}|{occurredAt.UtcDateTime:O}");

    public static Guid Case(string ori, string bookingNumber) => CaseFlowIds.Case(ori, bookingNumber);
}
