using System.Globalization;
using CaseFlow.Server.Platform;
using Npgsql;

namespace CaseFlow.Bench.Faults;

/// <summary>
/// Compares the load's log with a store restored to a point in time: every event acknowledged at or before the restore
/// point was committed before it, so it must be there (lost before it: must be 0); of those acknowledged after it, the
/// ones committed after it are gone (counted, and listed by event id).
/// </summary>
public static class RestoreCheck
{
    public static async Task<int> Run(string[] args)
    {
        var options = FaultOptions.Parse(args);
        var restorePoint = DateTimeOffset.Parse(options.Required("restore-point"), CultureInfo.InvariantCulture);
        var acknowledged = LoggedRequest.ReadAll(options.Required("log"))
            .Where(r => r.Acknowledged)
            .Select(r => (r.EventId, At: r.AcknowledgedAt!.Value))
            .ToList();

        await using var connection = new NpgsqlConnection(options.Required("connection"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select id from {PersistenceSetup.SchemaName}.mt_events where id = any(@ids)", connection)
        {
            Parameters = { new("ids", acknowledged.Select(a => a.EventId).ToArray()) },
        };
        var stored = new HashSet<Guid>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                stored.Add(reader.GetGuid(0));
        }

        var before = acknowledged.Where(a => a.At <= restorePoint).ToList();
        var after = acknowledged.Where(a => a.At > restorePoint).ToList();
        var lostBefore = before.Where(a => !stored.Contains(a.EventId)).ToList();
        var goneAfter = after.Where(a => !stored.Contains(a.EventId)).ToList();
        Console.WriteLine($"acknowledged {acknowledged.Count}: {before.Count} at or before the restore point (lost {lostBefore.Count}), {after.Count} after it ({goneAfter.Count} gone, {after.Count - goneAfter.Count} kept: committed before it)");
        foreach (var lost in lostBefore)
            Console.WriteLine($"lost before the restore point: event {lost.EventId} acknowledged {lost.At:O}");
        foreach (var gone in goneAfter)
            Console.WriteLine($"gone after the restore point: event {gone.EventId} acknowledged {gone.At:O}");
        return lostBefore.Count == 0 ? 0 : 1;
    }
}
