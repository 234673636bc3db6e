using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>
/// Waits for a row that another process or thread commits, without polling: a trigger the test adds to its own database
/// sends a notification for each row written to <c>table</c> that matches the condition, and PostgreSQL delivers a
/// notification only when the transaction that sent it commits. Each notification carries the database's clock when the
/// row was written. The test listens before it looks, so a row committed between the look and the wait is not missed.
/// The trigger's function lives outside CaseFlow's schema, which the node's schema comparison reads.
/// </summary>
public sealed class CommitSignal : IAsyncDisposable
{
    private const string Schema = "caseflow_test_signal";

    private readonly NpgsqlConnection _listener;
    private readonly ConcurrentQueue<string> _writtenAt = new();

    private CommitSignal(NpgsqlConnection listener)
    {
        _listener = listener;
        _listener.Notification += (_, notification) => _writtenAt.Enqueue(notification.Payload);
    }

    /// <summary>
    /// Adds the trigger on <paramref name="table"/> for rows where <paramref name="condition"/> (SQL over <c>new</c>)
    /// holds, and starts listening for it on a connection of the database's superuser.
    /// </summary>
    public static async Task<CommitSignal> Listen(OwnDatabase database, string name, string table, string condition)
    {
        var ct = TestContext.Current.CancellationToken;
        var listener = new NpgsqlConnection(database.SuperuserConnectionString);
        await listener.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"""
            create schema if not exists {Schema};
            create or replace function {Schema}.{name}() returns trigger language plpgsql as $$
            begin
                perform pg_notify('{name}', to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
                return null;
            end $$;
            create trigger {name} after insert or update on {table} for each row when ({condition}) execute function {Schema}.{name}();
            listen {name};
            """, listener);
        await command.ExecuteNonQueryAsync(ct);
        return new CommitSignal(listener);
    }

    /// <summary>
    /// The database's clock when the next matching row was written, once its transaction has committed; null when none
    /// committed within <paramref name="timeout"/>.
    /// </summary>
    public async Task<DateTimeOffset?> Committed(TimeSpan timeout)
    {
        var giveUp = DateTimeOffset.UtcNow + timeout;
        string? writtenAt;
        while (!_writtenAt.TryDequeue(out writtenAt))
        {
            var left = giveUp - DateTimeOffset.UtcNow;
            // Any message from the server ends a wait, not only a notification: wait again until one is queued.
            if (left <= TimeSpan.Zero || !await _listener.WaitAsync(left, TestContext.Current.CancellationToken))
                return null;
        }

        return DateTimeOffset.Parse(writtenAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
