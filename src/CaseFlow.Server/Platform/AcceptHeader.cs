using Microsoft.Net.Http.Headers;

namespace CaseFlow.Server.Platform;

/// <summary>What a request's Accept header asks for.</summary>
public static class AcceptHeader
{
    /// <summary>Whether Accept lists <paramref name="mediaType"/> (with a quality above zero).</summary>
    public static bool Lists(HttpRequest request, string mediaType) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
}
