using CaseFlow.Domain.Agreements;
using Marten;

namespace CaseFlow.Server.Governance;

/// <summary>Agencies' IANA time zones, read from their agreements (an agency's agreements share its zone).</summary>
public static class AgencyTimeZones
{
    /// <summary>Every officer was nominated under an agreement of the agency, so an ORI without one is not expected; it reads as UTC.</summary>
    public const string Unknown = "UTC";

    public static async Task<Func<string, string>> Of(IQuerySession session, IEnumerable<string> oris, CancellationToken ct)
    {
        var wanted = oris.Distinct().ToArray();
        var agreements = await session.Query<Agreement>().Where(a => wanted.Contains(a.Ori)).ToListAsync(ct);
        var zones = agreements.GroupBy(a => a.Ori).ToDictionary(g => g.Key, g => g.First().TimeZone);
        return ori => zones.GetValueOrDefault(ori, Unknown);
    }
}
