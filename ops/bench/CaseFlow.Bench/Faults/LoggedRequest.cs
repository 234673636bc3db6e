using System.Globalization;

namespace CaseFlow.Bench.Faults;

/// <summary>
/// One logical request of the fault load (a booking, or a later event on its case), as its log keeps it (a line
/// <c>eventId,caseId,acknowledged,acknowledgedAt</c>): written by <see cref="FaultLoad"/>, read by
/// <see cref="FaultCheck"/> and <see cref="RestoreCheck"/>.
/// </summary>
public sealed class LoggedRequest(Guid eventId, Guid caseId)
{
    public Guid EventId { get; } = eventId;

    public Guid CaseId { get; } = caseId;

    public bool Acknowledged { get; set; }

    /// <summary>When the answer came (after the commit): ops/drill-restore splits the log at its restore point by it.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string ToLine() =>
        $"{EventId},{CaseId},{(Acknowledged ? 1 : 0)},{AcknowledgedAt?.ToString("O", CultureInfo.InvariantCulture)}";

    /// <summary>Every request of the logs (a comma-separated list of files).</summary>
    public static List<LoggedRequest> ReadAll(string logs) =>
        logs.Split(',').SelectMany(File.ReadAllLines).Select(Parse).ToList();

    private static LoggedRequest Parse(string line)
    {
        var fields = line.Split(',');
        return new LoggedRequest(Guid.Parse(fields[0]), Guid.Parse(fields[1]))
        {
            Acknowledged = fields[2] == "1",
            AcknowledgedAt = fields[3].Length == 0 ? null : DateTimeOffset.Parse(fields[3], CultureInfo.InvariantCulture),
        };
    }
}
