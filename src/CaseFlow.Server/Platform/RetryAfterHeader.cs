using System.Globalization;

namespace CaseFlow.Server.Platform;

/// <summary>The <c>Retry-After</c> header of an answer a client may send again, in whole seconds.</summary>
public static class RetryAfterHeader
{
    public static void Set(HttpResponse response, TimeSpan after) =>
        response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
