using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace CaseFlow.Import;

/// <summary>
/// The per-row results, one line per row of the exports in their order, rewritten whole (through a temporary file and
/// a rename, so a crash leaves the previous version) after every batch. It is also what a run resumes from: rows
/// recorded as applied or replayed are not sent again.
/// </summary>
public static class ResultsFile
{
    private static readonly string[] Header = ["file", "line", "booking_number", "type", "event_id", "status", "case_id", "version", "problem_type", "detail"];

    /// <summary>The rows an earlier run stored, by event id.</summary>
    public static IReadOnlyDictionary<Guid, (string Status, Guid? CaseId, long? Version)> Stored(string path)
    {
        var stored = new Dictionary<Guid, (string, Guid?, long?)>();
        if (!File.Exists(path))
            return stored;
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        if (!csv.Read() || !csv.ReadHeader())
            return stored;
        while (csv.Read())
        {
            var status = csv.GetField("status");
            if (status is RowResult.Applied or RowResult.Replayed && Guid.TryParse(csv.GetField("event_id"), out var eventId))
                stored[eventId] = (status, Guid.TryParse(csv.GetField("case_id"), out var caseId) ? caseId : null,
                    long.TryParse(csv.GetField("version"), out var version) ? version : null);
        }
        return stored;
    }

    public static void Write(string path, IEnumerable<RowResult> results)
    {
        var temporary = path + ".writing";
        using (var writer = new StreamWriter(temporary))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            foreach (var column in Header)
                csv.WriteField(column);
            csv.NextRecord();
            foreach (var result in results)
            {
                csv.WriteField(result.Row.File);
                csv.WriteField(result.Row.Line);
                csv.WriteField(result.Row.BookingNumber);
                csv.WriteField(result.Row.Type);
                csv.WriteField(result.Row.EventId);
                csv.WriteField(result.Status);
                csv.WriteField(result.CaseId);
                csv.WriteField(result.Version);
                csv.WriteField(result.ProblemType);
                csv.WriteField(result.Detail);
                csv.NextRecord();
            }
        }
        File.Move(temporary, path, overwrite: true);
    }
}
