namespace CaseFlow.Server.Security;

/// <summary>
/// Response headers for an API that serves criminal justice information: nothing is cached, sniffed, framed or
/// referred. The reference page at <c>/docs</c> runs scripts, so only it goes without the strict content policy; the
/// monthly report's page keeps it but for its own inline style (<see cref="ReportPagePolicy"/>).
/// HSTS and HTTPS redirection apply outside Development (redirection once an HTTPS port is configured).
/// </summary>
public static class SecurityHeaders
{
    public const string StrictPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>The report page's policy: its inline style applies, nothing is loaded or run.</summary>
    public const string ReportPagePolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

    public static void UseCaseFlowSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            if (!string.IsNullOrEmpty(app.Configuration["HTTPS_PORTS"] ?? app.Configuration["https_port"]))
                app.UseHttpsRedirection();
        }

        // Set as the answer starts, so an error page (the exception handler clears the headers) carries them too.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-store";
                headers.Remove("Pragma");
                headers.Remove("Expires");
                if (!context.Request.Path.StartsWithSegments("/docs") && headers.ContentSecurityPolicy != ReportPagePolicy)
                    headers.ContentSecurityPolicy = StrictPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
