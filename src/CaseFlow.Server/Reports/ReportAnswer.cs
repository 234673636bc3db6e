using System.Text;
using CaseFlow.Domain.Reports;

namespace CaseFlow.Server.Reports;

/// <summary>How a report was released, for the page's header: absent for a draft.</summary>
public sealed record ReleaseStamp(int Version, DateTimeOffset ApprovedAt, string Sha256);

/// <summary>A report answered in the form asked for: its canonical JSON as stored, one CSV table, or the page.</summary>
public static class ReportAnswer
{
    public static IResult Of(ReportRequest request, ReportDocument document, ReleaseStamp? release, HttpResponse response)
    {
        response.Headers.ETag = document.ETag;
        response.Headers.Vary = "Accept";
        return request.Format switch
        {
            ReportFormat.Csv => Results.Text(ReportCsv.Write(document.Report, request.Table!), ReportCsv.MediaType, Encoding.UTF8),
            ReportFormat.Html => Html(ReportHtml.Write(document.Report, release), response),
            _ => Results.Bytes(document.Utf8, ReportDocument.MediaType),
        };
    }

    /// <summary>The page carries its own style and drawings and needs nothing else: its policy allows inline style and nothing to load.</summary>
    private static IResult Html(string page, HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = Security.SecurityHeaders.ReportPagePolicy;
        return Results.Text(page, ReportHtml.MediaType, Encoding.UTF8);
    }
}
