using Npgsql;

namespace CaseFlow.Server.Platform;

/// <summary>
/// A 503 that a retry can cure says when to retry: the database unreachable or refusing connections for a moment (a
/// failover, a restart, a full pool) and a node not ready. Clients wait <see cref="RetryAfter"/> and send the same
/// request again; a write keeps its event id, so it is stored once.
/// </summary>
public static class ServiceUnavailable
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public const string DatabaseUnavailable = "database-unavailable";

    public static void SetRetryAfter(HttpResponse response) => RetryAfterHeader.Set(response, RetryAfter);

    /// <summary>Whether the failure is the database's and transient (Npgsql's own judgement), however deep it is wrapped.</summary>
    public static bool IsDatabaseUnavailable(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true })
                return true;
        }

        return false;
    }
}
