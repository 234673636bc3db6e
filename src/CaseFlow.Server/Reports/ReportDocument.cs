using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Domain.Integrity;
using CaseFlow.Domain.Reports;
using CaseFlow.Domain.Reports.Disclosure;

namespace CaseFlow.Server.Reports;

/// <summary>
/// A report as the bytes that are proposed, hashed, released and answered: its canonical JSON (RFC 8785), and their
/// SHA-256. Held as UTF-8 (a report made here, to be hashed and answered) or as text (one stored), each made from the
/// other when first asked for: a draft of a national month is hundreds of kilobytes, and turning it from text to
/// bytes and back for every answer was much of its CPU in the collector (docs/benchmarks.md).
/// </summary>
public sealed class ReportDocument
{
    public const string MediaType = "application/json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private string? _json;
    private byte[]? _utf8;

    /// <summary>A stored document: its canonical JSON and the SHA-256 it was stored with.</summary>
    public ReportDocument(string json, string sha256) => (_json, Sha256) = (json, sha256);

    private ReportDocument(byte[] utf8) => (_utf8, Sha256) = (utf8, Convert.ToHexStringLower(SHA256.HashData(utf8)));

    /// <summary>Lower-case hex SHA-256 of the document's UTF-8 bytes.</summary>
    public string Sha256 { get; }

    /// <summary>The canonical JSON as text, as it is stored.</summary>
    public string Json => _json ??= Encoding.UTF8.GetString(_utf8!);

    /// <summary>The canonical JSON as UTF-8, as it is hashed and answered.</summary>
    public byte[] Utf8 => _utf8 ??= Encoding.UTF8.GetBytes(_json!);

    /// <param name="report">A <see cref="MonthlyReport"/>, or its <see cref="PublicMonthlyReport"/>.</param>
    public static ReportDocument Of<TReport>(TReport report) =>
        new(CanonicalJson.CanonicalizeToUtf8(JsonSerializer.SerializeToUtf8Bytes(report, Options)));

    public MonthlyReport Report => JsonSerializer.Deserialize<MonthlyReport>(Utf8, Options)!;

    public PublicMonthlyReport ReadPublicReport() => JsonSerializer.Deserialize<PublicMonthlyReport>(Utf8, Options)!;

    /// <summary>The ETag of the document: its hash, quoted.</summary>
    public string ETag => $"\"{Sha256}\"";
}
