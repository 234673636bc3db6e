using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Domain.Integrity;
using CaseFlow.Domain.Reports;
using CaseFlow.Domain.Reports.Disclosure;

namespace CaseFlow.Server.Reports;

/// <summary>A report as the bytes that are proposed, hashed, released and answered: its canonical JSON (RFC 8785), and their SHA-256.</summary>
public sealed record ReportDocument(string Json, string Sha256)
{
    public const string MediaType = "application/json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <param name="report">A <see cref="MonthlyReport"/>, or its <see cref="PublicMonthlyReport"/>.</param>
    public static ReportDocument Of<TReport>(TReport report)
    {
        var json = CanonicalJson.Canonicalize(JsonSerializer.Serialize(report, Options));
        return new ReportDocument(json, HashOf(json));
    }

    /// <summary>Lower-case hex SHA-256 of the document's UTF-8 bytes.</summary>
    public static string HashOf(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    public MonthlyReport Report => JsonSerializer.Deserialize<MonthlyReport>(Json, Options)!;

    public PublicMonthlyReport ReadPublicReport() => JsonSerializer.Deserialize<PublicMonthlyReport>(Json, Options)!;

    /// <summary>The ETag of the document: its hash, quoted.</summary>
    public string ETag => $"\"{Sha256}\"";
}
