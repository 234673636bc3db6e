using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;

namespace CaseFlow.Domain.Tests.Cases;

public class CaseRulesTests
{
    // Signed 2025-05-28 in America/Chicago: in force from 2025-05-28T00:00-05:00 (CDT).
    private static readonly Agreement FortBendJem = Agreement.Sign(new AgreementSigned(
        AgreementId.For("TX0790000", ProgramModel.JEM), "TX0790000", false, "Fort Bend County Sheriff's Office", "TX", "Fort Bend County",
        ProgramModel.JEM, new DateOnly(2025, 5, 28), "HOU", "America/Chicago", new DateOnly(2025, 7, 18), "ICE list"));

    private static readonly Charge Dwi = new("TX PC 49.04", "Driving while intoxicated", ChargeLevel.Misdemeanor);
    private static readonly Charge Speeding = new("TC 545.351", "Speeding", ChargeLevel.Infraction);
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 16, 0, 0, TimeSpan.Zero);

    private static BookingRecorded Booking(params Charge[] charges) => new(
        Guid.NewGuid(), "TX0790000", ProgramModel.JEM, "B-1", Now.AddHours(-2), charges, null, Guid.NewGuid(), FortBendJem.Id, "HOU", "America/Chicago");

    [Theory]
    [InlineData(ChargeLevel.Felony, null)]
    [InlineData(ChargeLevel.Misdemeanor, null)]
    [InlineData(ChargeLevel.Infraction, "no-criminal-charge")]
    [InlineData(ChargeLevel.Civil, "no-criminal-charge")]
    public void a_booking_needs_a_criminal_charge(ChargeLevel level, string? refusal) =>
        (CaseRules.CheckBooking(Booking(new Charge("X", "X", level)), FortBendJem, Now, Now)?.Code).ShouldBe(refusal);

    [Fact]
    public void one_criminal_charge_among_others_is_enough() =>
        CaseRules.CheckBooking(Booking(Speeding, Dwi), FortBendJem, Now, Now).ShouldBeNull();

    [Fact]
    public void no_agreement_for_the_model_is_refused() =>
        CaseRules.CheckBooking(Booking(Dwi), agreement: null, Now, Now)!.Code.ShouldBe("no-agreement-for-model");

    [Theory]
    [InlineData("2025-05-27T23:59:59-05:00", "agreement-not-in-force")]
    [InlineData("2025-05-28T04:59:59+00:00", "agreement-not-in-force")]
    [InlineData("2025-05-28T00:00:00-05:00", null)]
    [InlineData("2025-05-28T05:00:00+00:00", null)]
    public void the_agreement_is_in_force_from_the_start_of_its_signing_day_in_the_agencys_time_zone(string occurredAt, string? refusal) =>
        (CaseRules.CheckBooking(Booking(Dwi), FortBendJem, DateTimeOffset.Parse(occurredAt, System.Globalization.CultureInfo.InvariantCulture), Now)?.Code).ShouldBe(refusal);

    [Fact]
    public void a_release_cannot_precede_the_booking()
    {
        var state = CaseFile.Open(Booking(Dwi));

        CaseRules.CheckScheduledRelease(state, new ScheduledReleaseSet(state.BookedAt.AddMinutes(-1)))!.Code.ShouldBe("release-before-booking");
        CaseRules.CheckScheduledRelease(state, new ScheduledReleaseSet(state.BookedAt.AddDays(3))).ShouldBeNull();
    }

    [Fact]
    public void evolve_tracks_the_jails_booking_facts()
    {
        var booking = Booking(Dwi);
        var release = Now.AddDays(30);

        var state = new object[] { booking, new ScheduledReleaseSet(release), new ChargesAmended([Speeding], "reduced by the prosecutor") }
            .Aggregate((CaseFile?)null, CaseFile.Evolve)!;

        state.Status.ShouldBe(CaseStatus.Booked);
        state.ScheduledRelease.ShouldBe(release);
        state.Charges.ShouldBe([Speeding]);
        state.FieldOfficeCode.ShouldBe("HOU");
    }
}
