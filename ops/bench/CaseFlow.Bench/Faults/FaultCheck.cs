using CaseFlow.Server.Platform;
using Npgsql;

namespace CaseFlow.Bench.Faults;

/// <summary>
/// Compares the load's log with the store: lost = acknowledged and not in mt_events; duplicated = a logical request
/// (its event id, or the booking its case stands for) stored more than once, acknowledged or not.
/// </summary>
public static class FaultCheck
{
    public static async Task<int> Run(string[] args)
    {
        var options = FaultOptions.Parse(args);
        var logged = LoggedRequest.ReadAll(options.Required("log"));
        var acknowledged = logged.Where(r => r.Acknowledged).Select(r => r.EventId).ToArray();

        await using var connection = new NpgsqlConnection(options.Required("connection"));
        await connection.OpenAsync();
        var schema = PersistenceSetup.SchemaName;
        var lost = await Count(connection, $"select count(*) from unnest(@ids) as acked(id) where not exists (select from {schema}.mt_events e where e.id = acked.id)",
            acknowledged);
        var duplicatedIds = await Count(connection, $"select count(*) from (select id from {schema}.mt_events where id = any(@ids) group by id having count(*) > 1) d",
            logged.Select(r => r.EventId).ToArray());
        var duplicatedBookings = await Count(connection,
            $"select count(*) from (select stream_id from {schema}.mt_events where stream_id = any(@ids) and type = 'BookingRecorded' group by stream_id having count(*) > 1) d",
            logged.Select(r => r.CaseId).ToArray());

        Console.WriteLine($"acknowledged {acknowledged.Length} / lost {lost} / duplicated {duplicatedIds + duplicatedBookings}");
        return acknowledged.Length > 0 && lost == 0 && duplicatedIds + duplicatedBookings == 0 ? 0 : 1;
    }

    private static async Task<long> Count(NpgsqlConnection connection, string sql, Guid[] ids)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new("ids", ids) } };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
