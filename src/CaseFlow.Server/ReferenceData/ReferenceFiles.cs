using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace CaseFlow.Server.ReferenceData;

/// <summary>Reads the published reference files embedded in this assembly (see Files/SOURCES.md).</summary>
public static class ReferenceFiles
{
    public const string Agreements = "287g-agreements.csv";
    public const string FieldOffices = "ero-field-offices.csv";
    public const string TimeZones = "county-timezones.csv";
    public const string CountyOverrides = "county-overrides.csv";

    private static readonly CsvConfiguration Csv = new(CultureInfo.InvariantCulture)
    {
        PrepareHeaderForMatch = args => args.Header.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant(),
    };

    public static IReadOnlyList<T> Read<T>(string fileName)
    {
        using var stream = typeof(ReferenceFiles).Assembly.GetManifestResourceStream($"CaseFlow.Server.ReferenceData.Files.{fileName}")
            ?? throw new InvalidOperationException($"Reference file {fileName} is not embedded in the server assembly.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, Csv);
        return csv.GetRecords<T>().ToList();
    }
}

public sealed record AgreementRow(
    DateOnly SnapshotDate, string State, string StateCode, string AgencyName, string? County, string? Ori,
    string Model, DateOnly SignedDate, string Source);

public sealed record FieldOfficeRow(string FieldOfficeCode, string FieldOfficeName, string StateCode, string? County, string Source);

public sealed record TimeZoneRow(string StateCode, string? County, string IanaZone, string Source);

public sealed record CountyOverrideRow(string StateCode, string AgencyName, string Model, string County, string Reason);
