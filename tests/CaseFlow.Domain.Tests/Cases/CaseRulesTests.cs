using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;

namespace CaseFlow.Domain.Tests.Cases;

public class CaseRulesTests
{
    private static readonly Agreement FortBendJem = CaseKit.Jem;
    private static readonly Charge Dwi = new("TX PC 49.04", "Driving while intoxicated", ChargeLevel.Misdemeanor);
    private static readonly Charge Speeding = new("TC 545.351", "Speeding", ChargeLevel.Infraction);
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 16, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ChargeLevel.Felony, null)]
    [InlineData(ChargeLevel.Misdemeanor, null)]
    [InlineData(ChargeLevel.Infraction, "no-criminal-charge")]
    [InlineData(ChargeLevel.Civil, "no-criminal-charge")]
    public void a_booking_needs_a_criminal_charge(ChargeLevel level, string? refusal) =>
        (CaseRules.CheckBooking(CaseKit.Booking(new Charge("X", "X", level)), FortBendJem, Now, Now)?.Code).ShouldBe(refusal);

    [Fact]
    public void one_criminal_charge_among_others_is_enough() =>
        CaseRules.CheckBooking(CaseKit.Booking(Speeding, Dwi), FortBendJem, Now, Now).ShouldBeNull();

    [Fact]
    public void no_agreement_for_the_model_is_refused() =>
        CaseRules.CheckBooking(CaseKit.Booking(Dwi), agreement: null, Now, Now)!.Code.ShouldBe("no-agreement-for-model");

    [Theory]
    [InlineData("2025-05-27T23:59:59-05:00", "agreement-not-in-force")]
    [InlineData("2025-05-28T04:59:59+00:00", "agreement-not-in-force")]
    [InlineData("2025-05-28T00:00:00-05:00", null)]
    [InlineData("2025-05-28T05:00:00+00:00", null)]
    public void the_agreement_is_in_force_from_the_start_of_its_signing_day_in_the_agencys_time_zone(string occurredAt, string? refusal)
    {
        var at = DateTimeOffset.Parse(occurredAt, System.Globalization.CultureInfo.InvariantCulture);
        (CaseRules.CheckBooking(CaseKit.Booking(Dwi) with { BookedAt = at }, FortBendJem, at, Now)?.Code).ShouldBe(refusal);
    }

    [Fact]
    public void a_release_cannot_precede_the_booking()
    {
        var state = CaseKit.After(1);

        CaseRules.Check(state, new ScheduledReleaseSet(state.BookedAt.AddMinutes(-1)), CaseKit.Context())!.Code.ShouldBe("release-before-booking");
        CaseRules.Check(state, new ScheduledReleaseSet(state.BookedAt.AddDays(3)), CaseKit.Context()).ShouldBeNull();
    }

    [Fact]
    public void the_whole_path_is_accepted_step_by_step_and_ends_closed()
    {
        var path = CaseKit.Path();
        for (var step = 1; step < path.Count; step++)
        {
            var actor = CaseRules.SupervisorDecisions.Contains(path[step].GetType()) ? CaseKit.Supervisor : CaseKit.Jail;
            CaseKit.Judge(CaseKit.After(step), path[step], CaseKit.Context(actor)).ShouldBeNull($"step {step}: {path[step].GetType().Name}");
        }

        CaseKit.Fold(path).Status.ShouldBe(CaseStatus.Closed);
    }
}
