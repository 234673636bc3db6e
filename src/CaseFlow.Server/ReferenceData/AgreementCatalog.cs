using CaseFlow.Domain;
using CaseFlow.Domain.Agencies;
using CaseFlow.Domain.Agreements;

namespace CaseFlow.Server.ReferenceData;

/// <summary>
/// ICE's published JEM and WSO agreements joined to their ERO field office and local time zone: the
/// <see cref="AgreementSigned"/> events the agreement streams are seeded with. Task Force rows are out of scope.
/// </summary>
public static class AgreementCatalog
{
    public static IReadOnlyList<AgreementSigned> Load() => Build(
        ReferenceFiles.Read<AgreementRow>(ReferenceFiles.Agreements),
        ReferenceFiles.Read<FieldOfficeRow>(ReferenceFiles.FieldOffices),
        ReferenceFiles.Read<TimeZoneRow>(ReferenceFiles.TimeZones),
        ReferenceFiles.Read<CountyOverrideRow>(ReferenceFiles.CountyOverrides));

    public static IReadOnlyList<AgreementSigned> Build(
        IEnumerable<AgreementRow> agreements,
        IEnumerable<FieldOfficeRow> fieldOffices,
        IEnumerable<TimeZoneRow> timeZones,
        IEnumerable<CountyOverrideRow> overrides)
    {
        var offices = new CountyTable<string>(fieldOffices.Select(r => (r.StateCode, r.County, r.FieldOfficeCode)));
        var zones = new CountyTable<string>(timeZones.Select(r => (r.StateCode, r.County, r.IanaZone)));
        var countyFor = overrides.ToDictionary(o => (o.StateCode, o.AgencyName, o.Model), o => (string?)o.County);

        return agreements
            .Where(row => Enum.TryParse<ProgramModel>(row.Model, out _))
            .Select(row =>
            {
                var model = Enum.Parse<ProgramModel>(row.Model);
                var county = countyFor.GetValueOrDefault((row.StateCode, row.AgencyName, row.Model), row.County);
                var ori = string.IsNullOrEmpty(row.Ori) ? Ori.Surrogate(row.StateCode, row.AgencyName) : row.Ori;
                return new AgreementSigned(
                    AgreementId.For(ori, model),
                    ori,
                    OriIsSurrogate: string.IsNullOrEmpty(row.Ori),
                    row.AgencyName,
                    row.StateCode,
                    string.IsNullOrEmpty(county) ? null : county,
                    model,
                    row.SignedDate,
                    offices.Find(row.StateCode, county) ?? throw Unresolved(row, "field office"),
                    zones.Find(row.StateCode, county) ?? throw Unresolved(row, "time zone"),
                    row.SnapshotDate,
                    row.Source);
            })
            .ToList();
    }

    private static InvalidDataException Unresolved(AgreementRow row, string what) => new(
        $"No {what} for {row.AgencyName} ({row.StateCode}, county '{row.County}'): add a row to county-overrides.csv.");
}
