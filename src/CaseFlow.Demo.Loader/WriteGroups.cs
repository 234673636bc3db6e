using System.Text.Json.Nodes;
using CaseFlow.Demo.Plan;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Security;

namespace CaseFlow.Demo.Loader;

/// <summary>
/// Splits a window of writes into groups that may run concurrently: writes touching a common stream are in one group,
/// in the plan's order. A case write names its case (a booking by the ORI and booking number it starts, a batch every
/// case of its items); any other write the resource of its path, or for a POST to a collection (a nomination, a
/// complaint) its sender and the collection, whose requests a real sender makes in turn.
/// </summary>
public static class WriteGroups
{
    public const string Bookings = "/api/bookings";
    public const string Batch = "/api/events/batch";
    private const string Cases = "/api/cases/";

    /// <summary>Whether the write touches cases only (bookings, case events, batches of them).</summary>
    public static bool TouchesCasesOnly(DemoWrite write) => write.Path is Bookings or Batch || write.Path.StartsWith(Cases, StringComparison.Ordinal);

    public static IReadOnlyList<List<DemoWrite>> Of(List<DemoWrite> window)
    {
        var groupOf = new Dictionary<string, List<DemoWrite>>();
        var groups = new List<List<DemoWrite>>();
        foreach (var write in window)
        {
            var keys = StreamsOf(write).ToList();
            var joined = keys.Select(k => groupOf.GetValueOrDefault(k)).OfType<List<DemoWrite>>().Distinct().ToList();
            var group = joined.Count == 0 ? [] : joined[0];
            if (joined.Count == 0)
                groups.Add(group);
            foreach (var other in joined.Skip(1))
            {
                // Two groups meet in this write: the later one's writes join the earlier, in the plan's order.
                group.AddRange(other);
                group.Sort((a, b) => window.IndexOf(a).CompareTo(window.IndexOf(b)));
                groups.Remove(other);
                foreach (var key in groupOf.Where(p => p.Value == other).Select(p => p.Key).ToList())
                    groupOf[key] = group;
            }

            group.Add(write);
            foreach (var key in keys)
                groupOf[key] = group;
        }

        return groups;
    }

    /// <summary>The case a case event's path names (<c>/api/cases/{caseId}/events</c>).</summary>
    public static string CaseOf(string path) => path.Split('/')[3];

    /// <summary>The streams the write touches, as <see cref="Of"/> groups by them (a case by its id).</summary>
    public static IEnumerable<string> StreamsOf(DemoWrite write)
    {
        if (write.Path == Bookings)
            return [BookedCase(write.By, write.Body)];
        if (write.Path == Batch)
            return (write.Body["events"] as JsonArray ?? []).Select(item => item?["caseId"]?.ToString() ?? BookedCase(write.By, item));
        if (write.Path.StartsWith(Cases, StringComparison.Ordinal))
            return [CaseOf(write.Path)];
        if (write.Path.Count(c => c == '/') > 2)
            return [write.Path];
        return [$"{write.By.Subject} {write.Path}"];
    }

    private static string BookedCase(DemoActor by, JsonNode? booking) =>
        CaseId.For(by.Claims.FirstOrDefault(c => c.Key == CaseFlowClaims.Ori).Value ?? "", booking?["data"]?["bookingNumber"]?.ToString() ?? "").ToString();
}
