using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Demo.Plan;
using CaseFlow.Demo.Year;
using CaseFlow.Domain.Agreements;
using CaseFlow.Server.ReferenceData;

namespace CaseFlow.Demo.Tests;

/// <summary>The seeded agreements, years drawn over them, and the events inside writes (a batch's items, or the body itself).</summary>
public static class Years
{
    public static readonly IReadOnlyList<AgreementSigned> Agreements = AgreementCatalog.Load();

    /// <summary>A small year (about 3,300 cases), drawn once and shared by the tests that read it.</summary>
    public static readonly Lazy<IReadOnlyList<DemoWrite>> Small = new(() => [.. Draw(7, SmallScale)]);

    public const double SmallScale = 0.03;

    public static IEnumerable<DemoWrite> Draw(int seed, double scale) => new DemoYear().Writes(new DemoSettings(seed, scale), Agreements);

    public static IEnumerable<JsonObject> Events(DemoWrite write) =>
        write.Path == YearSchedule.BatchPath ? write.Body["events"]!.AsArray().Select(e => e!.AsObject()) : [write.Body];

    /// <summary>SHA-256 over every write as sent: instant, sender and claims, path and body.</summary>
    public static string Hash(IEnumerable<DemoWrite> writes)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var write in writes)
        {
            var claims = string.Join(",", write.By.Claims.Select(c => $"{c.Key}={c.Value}"));
            sha.AppendData(Encoding.UTF8.GetBytes($"{write.SentAt:O}|{write.By.Role}|{write.By.Subject}|{claims}|{write.Path}|{write.Body.ToJsonString()}\n"));
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
