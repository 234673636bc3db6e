using System.Globalization;
using System.Runtime.CompilerServices;
using CaseFlow.Client.Generated;
using CaseFlow.Client.Generated.Models;

namespace CaseFlow.Client;

/// <summary>
/// Reads what CaseFlow decided about the agency's cases (<c>GET /api/feed</c>), in order, page after page, from a
/// position the caller keeps: the <see cref="FeedEntry.Id"/> of the last entry it handled (nothing to start from the
/// beginning). Entries are never skipped nor repeated across pages, so a reader that stores the position after
/// handling each entry resumes exactly where it stopped. The enumeration ends once the feed is read to its end.
/// </summary>
public sealed class CaseFlowFeedReader(CaseFlowApiClient client, int pageSize = 100)
{
    public async IAsyncEnumerable<FeedEntry> ReadAsync(long? after = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var position = after?.ToString(CultureInfo.InvariantCulture);
        while (true)
        {
            var page = await client.Api.Feed.GetAsync(request =>
            {
                request.QueryParameters.After = position;
                request.QueryParameters.Limit = pageSize;
            }, cancellationToken);
            var entries = page?.Items ?? [];
            foreach (var entry in entries)
                yield return entry;
            if (entries.Count < pageSize || page?.Next is null)
                yield break;
            position = page.Next;
        }
    }
}
