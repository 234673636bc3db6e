using System.Globalization;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;

namespace CaseFlow.Server.Audit;

/// <summary>The filters of the access log: <c>user</c>, <c>case</c>, <c>from</c> (inclusive), <c>to</c> (exclusive), and paging.</summary>
public sealed record AccessLogQuery(
    string? User = null, string? Case = null, [property: ReadAs<InstantParameter>] string? From = null, [property: ReadAs<InstantParameter>] string? To = null,
    [property: ReadAs<PositionCursor>] string? After = null, string? Limit = null);

/// <summary>One stored access, as auditors read it.</summary>
public sealed record AccessEntry(
    long Id, DateTimeOffset At, string User, string Role, string Agency, string Record, Guid? CaseId, string Action, string Outcome, string Source, string TraceId);

public static class GetAccessLogEndpoint
{
    /// <summary>
    /// Who accessed what, when, and with which outcome, oldest first; <c>after</c> is the <c>next</c> of the page before.
    /// Records this node still has queued are stored before the query, so the answer includes the reads just made.
    /// </summary>
    [WolverineGet("/api/audit/access", Name = "GetAccessLog")]
    [Authorize(Policy = Policies.ReadAccessLog)]
    [AccessAudited("access-log")]
    [ProducesResponseType<Page<AccessEntry>>(200)]
    public static async Task<IResult> Get([FromQuery] AccessLogQuery query, AccessLog log, AccessLogDatabase database, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var limit = errors.Limit(query.Limit);
        var after = errors.Position("after", query.After);
        var from = errors.Instant("from", query.From, DateTimeOffset.MinValue);
        var to = errors.Instant("to", query.To, DateTimeOffset.MaxValue);
        Guid? caseId = null;
        if (query.Case is not null)
        {
            if (Guid.TryParse(query.Case, out var parsed))
                caseId = parsed;
            else
                errors.Add("case", "case must be a case id (a UUID).");
        }

        if (query.User is { Length: > TokenPrincipal.MaxSubjectLength })
            errors.Add("user", $"user must be a token subject of at most {TokenPrincipal.MaxSubjectLength} characters.");
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());

        await log.Flush(ct);
        var entries = await Read(database.DataSource, query.User, caseId, from, to, after, limit + 1, ct);
        var items = entries.Take(limit).ToList();
        var next = entries.Count > limit ? items[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return Results.Ok(new Page<AccessEntry>(items, next));
    }

    /// <remarks>
    /// Only the filters given are in the statement, so that PostgreSQL plans each shape for itself: a user's or a case's
    /// records through their index from the cursor on, a time range only in the months it covers (the log is partitioned
    /// by month), rather than one generic plan walking every partition's id order.
    /// </remarks>
    private static async Task<List<AccessEntry>> Read(
        NpgsqlDataSource source, string? user, Guid? caseId, DateTimeOffset from, DateTimeOffset to, long after, int take, CancellationToken ct)
    {
        await using var command = source.CreateCommand();
        var where = new List<string> { Parameter(command, "id >", after, NpgsqlTypes.NpgsqlDbType.Bigint) };
        if (user is not null)
            where.Add(Parameter(command, "user_id =", user, NpgsqlTypes.NpgsqlDbType.Text));
        if (caseId is { } id)
            where.Add(Parameter(command, "case_id =", id, NpgsqlTypes.NpgsqlDbType.Uuid));
        if (from != DateTimeOffset.MinValue)
            where.Add(Parameter(command, "at >=", from.ToUniversalTime(), NpgsqlTypes.NpgsqlDbType.TimestampTz));
        if (to != DateTimeOffset.MaxValue)
            where.Add(Parameter(command, "at <", to.ToUniversalTime(), NpgsqlTypes.NpgsqlDbType.TimestampTz));
        command.CommandText = $"""
             select id, at, user_id, role, agency, record, case_id, action, outcome, source, trace_id from {AccessLogTable.Name}
             where {string.Join(" and ", where)}
             order by id limit {Parameter(command, "", take, NpgsqlTypes.NpgsqlDbType.Integer)}
             """;

        var entries = new List<AccessEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new AccessEntry(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetGuid(6), reader.GetString(7), reader.GetString(8), reader.GetString(9),
                reader.GetString(10)));
        }

        return entries;
    }

    /// <summary>Adds <paramref name="value"/> as the next positional parameter and answers "<paramref name="comparison"/> $n".</summary>
    private static string Parameter(NpgsqlCommand command, string comparison, object value, NpgsqlTypes.NpgsqlDbType type)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
        return $"{comparison} ${command.Parameters.Count}".TrimStart();
    }
}
