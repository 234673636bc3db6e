using Alba;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Security;

public class SecurityHeaderTests(AppFixture app)
{
    [Theory]
    [InlineData("/api/agreements?limit=1", 200)]
    [InlineData("/api/cases/00000000-0000-0000-0000-000000000001", 404)]
    public async Task api_answers_are_not_cached_sniffed_framed_or_referred(string url, int status)
    {
        var result = await app.Host.GetAs(app.Tokens.For(Roles.Auditor), url, status);
        var headers = result.Context.Response.Headers;

        headers.CacheControl.ToString().ShouldBe("no-store");
        headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
        headers.XFrameOptions.ToString().ShouldBe("DENY");
        headers["Referrer-Policy"].ToString().ShouldBe("no-referrer");
        headers.ContentSecurityPolicy.ToString().ShouldBe("default-src 'none'; frame-ancestors 'none'");
    }
}
