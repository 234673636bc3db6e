using System.Globalization;
using System.Text.Json;
using CaseFlow.Domain.Cases;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>The facts ICE's statistics count by: recorded on the determination and the records check, derived on the case.</summary>
public class StatisticsFactsTests
{
    private static readonly Charge Dwi = new("TX PC 49.04", "DWI", ChargeLevel.Misdemeanor);
    private static readonly Charge Robbery = new("TX PC 29.02", "Robbery", ChargeLevel.Felony);
    private static readonly Charge Speeding = new("TX TC 545.351", "Speeding", ChargeLevel.Infraction);

    private static CaseFile Screened(IReadOnlyList<PriorConviction>? convictions, params Charge[] charges) => Fold(
    [
        Booking(charges),
        new ScreeningOpened(T0.AddHours(1)),
        new RecordsCheckCompleted(T0.AddHours(2), ["IDENT"], BiometricMatch: true, convictions),
    ]);

    private static PriorConviction[] Convictions(string spec) => spec == "" ? [] :
        [.. spec.Split(' ').Select(c => new PriorConviction(c == "F" ? ConvictionLevel.Felony : ConvictionLevel.Misdemeanor, OffenceCategory.DangerousDrugs))];

    /// <summary>ICE's classes: 1 a prior conviction, 2 a pending criminal charge and none, 3 neither; unknown until convictions are recorded.</summary>
    [Theory]
    [InlineData(null, "M", null)]
    [InlineData("", "M", CriminalityClass.PendingCriminalCharges)]
    [InlineData("", "F", CriminalityClass.PendingCriminalCharges)]
    [InlineData("M", "M", CriminalityClass.ConvictedCriminal)]
    [InlineData("F", "I", CriminalityClass.ConvictedCriminal)]
    [InlineData("", "I", CriminalityClass.OtherImmigrationViolator)]
    [InlineData("", "", CriminalityClass.OtherImmigrationViolator)]
    public void the_criminality_class_follows_the_convictions_and_the_current_charges(string? convictions, string charges, CriminalityClass? expected)
    {
        var booked = charges switch { "M" => Dwi, "F" => Robbery, _ => Speeding };
        var state = Screened(convictions is null ? null : Convictions(convictions), Dwi);
        if (charges != "M")
            state = CaseFile.Evolve(state, Id(9), new ChargesAmended(charges == "" ? [] : [booked], "amended"))!;

        Criminality.ClassOf(state).ShouldBe(expected);
    }

    [Fact]
    public void an_amendment_of_charges_moves_the_case_between_classes()
    {
        var pending = Screened([], Dwi);
        var dismissed = CaseFile.Evolve(pending, Id(9), new ChargesAmended([Speeding], "DWI dismissed; citation stands"))!;
        var refiled = CaseFile.Evolve(dismissed, Id(10), new ChargesAmended([Robbery], "indicted"))!;

        Criminality.ClassOf(pending).ShouldBe(CriminalityClass.PendingCriminalCharges);
        Criminality.ClassOf(dismissed).ShouldBe(CriminalityClass.OtherImmigrationViolator);
        Criminality.ClassOf(refiled).ShouldBe(CriminalityClass.PendingCriminalCharges);
        Criminality.MostSerious(refiled).ShouldBe(new MostSeriousOffence(ChargeLevel.Felony, false, null));
    }

    [Theory]
    [InlineData(null, "M", ChargeLevel.Misdemeanor, false)]
    [InlineData("M", "M", ChargeLevel.Misdemeanor, true)] // at the same level the conviction is the most serious
    [InlineData("M", "F", ChargeLevel.Felony, false)]
    [InlineData("F M", "M", ChargeLevel.Felony, true)]
    [InlineData("", "I", ChargeLevel.Infraction, false)]
    public void the_most_serious_offence_is_the_highest_level_of_convictions_and_charges(string? convictions, string charges, ChargeLevel level, bool convicted)
    {
        var state = Screened(convictions is null ? null : Convictions(convictions), charges switch { "M" => Dwi, "F" => Robbery, _ => Speeding });

        var most = Criminality.MostSerious(state)!;
        most.Level.ShouldBe(level);
        most.Convicted.ShouldBe(convicted);
    }

    [Fact]
    public void convictions_found_by_several_checks_are_kept_and_a_check_without_them_keeps_what_was_found()
    {
        var state = Fold(
        [
            Booking(),
            new ScreeningOpened(T0.AddHours(1)),
            new RecordsCheckCompleted(T0.AddHours(2), ["NCIC"], false, [new PriorConviction(ConvictionLevel.Felony, OffenceCategory.Burglary)]),
            new RecordsCheckCompleted(T0.AddHours(3), ["IDENT"], true, []),
            new RecordsCheckCompleted(T0.AddHours(4), ["EID"], false),
        ]);

        state.PriorConvictions.ShouldBe([new PriorConviction(ConvictionLevel.Felony, OffenceCategory.Burglary)]);
    }

    [Theory]
    [InlineData("MX", null)]
    [InlineData("GT", null)]
    [InlineData("AX", null)]
    [InlineData("mx", "unknown-country-code")]
    [InlineData("MEX", "unknown-country-code")]
    [InlineData("XK", "unknown-country-code")] // user-assigned, not in ISO 3166-1
    [InlineData("UK", "unknown-country-code")] // reserved; the code is GB
    [InlineData("ZZ", "unknown-country-code")]
    [InlineData("", "unknown-country-code")]
    public void the_country_of_citizenship_is_an_assigned_iso_3166_code(string country, string? refusal) =>
        (CaseRules.Check(Fold(Path().Take(4)), new DeterminationRecorded(T0.AddHours(4), Determination.Removable, country, ImmigrationStatus.VisaOverstay),
            Context(at: T0.AddHours(4)))?.Code).ShouldBe(refusal);

    [Theory]
    [InlineData(Determination.Removable, "citizenship-contradicts-determination")]
    [InlineData(Determination.NotRemovable, "citizenship-contradicts-determination")]
    [InlineData(Determination.InsufficientInformation, null)]
    public void a_person_determined_a_foreign_national_is_not_a_us_citizen(Determination outcome, string? refusal) =>
        (CaseRules.Check(Fold(Path().Take(4)), new DeterminationRecorded(T0.AddHours(4), outcome, "US"), Context(at: T0.AddHours(4)))?.Code).ShouldBe(refusal);

    [Fact]
    public void the_country_list_is_iso_3166_1_in_full() => CountryCodes.Assigned.Count.ShouldBe(249);

    /// <summary>The determination instants are Chicago time: the fiscal year turns when 1 October begins there.</summary>
    [Theory]
    [InlineData(Determination.Removable, "2025-09-30T23:59:59-05:00", true, 2025)]
    [InlineData(Determination.Removable, "2025-10-01T04:59:59Z", true, 2025)] // 30 September in Chicago
    [InlineData(Determination.NotRemovable, "2025-10-01T00:00:00-05:00", true, 2026)]
    [InlineData(Determination.InsufficientInformation, "2025-10-01T00:00:00-05:00", false, null)]
    [InlineData(Determination.CitizenshipClaimed, "2025-10-01T00:00:00-05:00", false, null)]
    public void a_screened_person_determined_a_foreign_national_is_an_encounter_of_the_local_fiscal_year(
        Determination outcome, string determinedAt, bool counts, int? fiscalYear)
    {
        var at = DateTimeOffset.Parse(determinedAt, CultureInfo.InvariantCulture);
        var state = Fold([Booking(), new ScreeningOpened(at.AddHours(-2)), new DeterminationRecorded(at, outcome, "HN", ImmigrationStatus.EnteredWithoutInspection)]);

        var encounter = EncounterPolicy.Of(state);
        encounter.Counts.ShouldBe(counts);
        encounter.FiscalYear.ShouldBe(fiscalYear);
        encounter.PolicyVersion.ShouldBe(EncounterPolicy.Version);
        encounter.At.ShouldBe(counts ? at : null);
    }

    [Fact]
    public void an_unscreened_case_is_no_encounter() => EncounterPolicy.Of(Fold([Booking()])).Counts.ShouldBeFalse();

    /// <summary>Events of schema version 1 lack the statistics' members: they read, and the facts show as not recorded.</summary>
    [Fact]
    public void events_of_schema_version_1_read_with_the_facts_not_recorded()
    {
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        var determination = JsonSerializer.Deserialize<DeterminationRecorded>("""{"determinedAt":"2026-01-05T12:00:00-06:00","outcome":"Removable"}""", web)!;
        var check = JsonSerializer.Deserialize<RecordsCheckCompleted>("""{"completedAt":"2026-01-05T11:00:00-06:00","systemsChecked":["IDENT"],"biometricMatch":true}""", web)!;

        var state = Fold([Booking(), new ScreeningOpened(T0.AddHours(1)), check, determination]);
        var classification = CaseClassification.Of(state);
        classification.CitizenshipCountry.ShouldBeNull();
        classification.ImmigrationStatus.ShouldBeNull();
        classification.CriminalityClass.ShouldBeNull();
        classification.Encounter.Counts.ShouldBeTrue();
        EventCatalogue.SchemaVersionOf(typeof(DeterminationRecorded)).ShouldBe(2);
        EventCatalogue.SchemaVersionOf(typeof(BookingRecorded)).ShouldBe(1);
    }
}
