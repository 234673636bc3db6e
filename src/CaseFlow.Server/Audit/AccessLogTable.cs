namespace CaseFlow.Server.Audit;

/// <summary>
/// The access audit table (created by <c>ops/sql/database.sql</c>, owned by a role the application is not):
/// the application may INSERT and SELECT, never UPDATE, DELETE or TRUNCATE.
/// </summary>
public static class AccessLogTable
{
    public const string Name = "caseflow_audit.access_log";

    public const string Columns = "at, user_id, role, agency, record, case_id, action, outcome, source, trace_id";

    /// <summary>
    /// Rows given column by column as arrays (<see cref="ColumnsOf"/>), with Marten's "?" placeholders: a write's
    /// transaction stores the records of all its events in one statement.
    /// </summary>
    public const string InsertMany = $"insert into {Name} ({Columns}) select at, user_id, role, agency, record, nullif(case_id, '')::uuid, action, outcome, source, trace_id "
        + "from unnest(?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
        + $"as r({Columns})";

    /// <summary>The same row with positional parameters, for a transaction outside Marten.</summary>
    public const string InsertOnePositional = $"insert into {Name} ({Columns}) values ($1, $2, $3, $4, $5, nullif($6, '')::uuid, $7, $8, $9, $10)";

    public static object[] ColumnsOf(IReadOnlyList<AccessRecord> records)
    {
        var rows = records.Select(ValuesOf).ToList();
        return [rows.Select(row => (DateTimeOffset)row[0]).ToArray(), .. Enumerable.Range(1, 9).Select(column => rows.Select(row => (string?)row[column]).ToArray())];
    }

    public static object[] ValuesOf(AccessRecord r) =>
        [r.At.ToUniversalTime(), r.User, r.Role, r.Agency, r.Record, r.CaseId?.ToString() ?? "", r.Action, r.Outcome, r.Source, r.TraceId];
}
