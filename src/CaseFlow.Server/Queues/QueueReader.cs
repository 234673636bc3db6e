using System.Text;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;

namespace CaseFlow.Server.Queues;

/// <summary>
/// Reads a page of <see cref="CaseQueueRow"/> (or of another document with the same <c>ori</c> and
/// <c>field_office_code</c> columns, a complaint) in the order of one indexed instant column, after a keyset cursor,
/// within the caller's scope: a supervisor sees the field office of their token, whatever they ask for; an auditor sees all.
/// </summary>
public static class QueueReader
{
    /// <param name="column">The row's instant column the queue sorts by (and that is null for cases not on it).</param>
    /// <param name="until">Only rows whose instant is at or before this (a window), if given.</param>
    /// <param name="descending">Newest first (the case search) rather than soonest first (the queues).</param>
    public static async Task<IReadOnlyList<TDocument>> Page<TDocument>(
        IQuerySession session, string column, QueueQuery query, CallerScope scope, DateTimeOffset? until, CancellationToken ct,
        IReadOnlyList<(string Sql, object Value)>? more = null, bool descending = false)
    {
        var (where, values) = Where(column, query, scope, until, more, descending);
        return await session.QueryAsync<TDocument>(where, ct, values);
    }

    /// <summary>
    /// A queue's page of case rows as <see cref="QueueViewRow"/>s: each row's sort instant and <see cref="QueueView"/>,
    /// selected from the document in PostgreSQL, so the case with its facts is neither sent nor deserialized.
    /// </summary>
    public static Task<IReadOnlyList<QueueViewRow>> Views(
        IQuerySession session, string column, QueueQuery query, CallerScope scope, DateTimeOffset? until, CancellationToken ct)
    {
        var (sql, values) = ViewsSql(session, column, query, scope, until);
        return session.AdvancedSql.QueryAsync<QueueViewRow>(sql, ct, values);
    }

    /// <summary>The statement of <see cref="Views"/>, for a caller that batches it with another query.</summary>
    public static (string Sql, object[] Values) ViewsSql(IQuerySession session, string column, QueueQuery query, CallerScope scope, DateTimeOffset? until)
    {
        var (where, values) = Where(column, query, scope, until);
        return ($"select jsonb_build_object('at', d.{column}, 'view', d.data -> 'view') from {session.TableOf<CaseQueueRow>()} d {where}", values);
    }

    /// <summary>The filter, order and limit of <see cref="Page{TDocument}"/>, for a caller that batches it with another query.</summary>
    public static (string Sql, object[] Values) Where(
        string column, QueueQuery query, CallerScope scope, DateTimeOffset? until, IReadOnlyList<(string Sql, object Value)>? more = null, bool descending = false)
    {
        var sql = new StringBuilder($"where d.{column} is not null");
        var values = new List<object>();
        void And(string condition, params object[] parameters)
        {
            sql.Append(" and ").Append(condition);
            values.AddRange(parameters);
        }

        if (scope.IsAgency)
            And("d.ori = ?", scope.Ori!);
        if (scope.IsSupervisor)
            And("d.field_office_code = ?", scope.FieldOffice!);
        if (query.FieldOffice is { } fieldOffice)
            And("d.field_office_code = ?", fieldOffice);
        if (query.Ori is { } ori)
            And("d.ori = ?", ori);
        if (query.Model is { } model)
            And("d.model = ?", model.ToString());
        if (until is { } bound)
            And($"d.{column} <= ?", bound);
        foreach (var (condition, value) in more ?? [])
            And(condition, value);
        if (query.After is var (at, id))
            And($"(d.{column}, d.id) {(descending ? "<" : ">")} (?, ?)", at, id);
        var direction = descending ? "desc" : "asc";
        sql.Append($" order by d.{column} {direction}, d.id {direction} limit {query.Limit + 1}");
        return (sql.ToString(), [.. values]);
    }
}
