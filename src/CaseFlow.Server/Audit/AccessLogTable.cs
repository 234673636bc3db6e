namespace CaseFlow.Server.Audit;

/// <summary>
/// The access audit table (created by <c>ops/sql/database.sql</c>, owned by a role the application is not):
/// the application may INSERT and SELECT, never UPDATE, DELETE or TRUNCATE.
/// </summary>
public static class AccessLogTable
{
    public const string Name = "caseflow_audit.access_log";

    public const string Columns = "at, user_id, role, agency, record, case_id, action, outcome, source, trace_id";

    /// <summary>One row, with Marten's "?" placeholders, for a write's own transaction.</summary>
    public const string InsertOne = $"insert into {Name} ({Columns}) values (?, ?, ?, ?, ?, nullif(?, '')::uuid, ?, ?, ?, ?)";

    /// <summary>The same row with positional parameters, for a transaction outside Marten.</summary>
    public const string InsertOnePositional = $"insert into {Name} ({Columns}) values ($1, $2, $3, $4, $5, nullif($6, '')::uuid, $7, $8, $9, $10)";

    public static object[] ValuesOf(AccessRecord r) =>
        [r.At.ToUniversalTime(), r.User, r.Role, r.Agency, r.Record, r.CaseId?.ToString() ?? "", r.Action, r.Outcome, r.Source, r.TraceId];
}
