using CaseFlow.Demo.Year;

namespace CaseFlow.Demo.Tests;

/// <summary>The year acts under the seeded JEM and WSO agreements only, each sender with the claims its token would carry.</summary>
public class ScopeTests
{
    [Fact]
    public void No_write_names_an_agreement_agency_or_field_office_outside_the_seeded_list()
    {
        var agreements = Years.Agreements.Select(a => (a.Ori, a.Model.ToString())).ToHashSet();
        var agencies = Years.Agreements.Select(a => a.Ori).ToHashSet();
        var offices = Years.Agreements.Select(a => a.FieldOfficeCode).ToHashSet();
        foreach (var write in Years.Small.Value)
        {
            var claims = write.By.Claims.ToDictionary(c => c.Key, c => c.Value);
            switch (write.By.Role)
            {
                case Senders.ScreeningSystem:
                    agencies.ShouldContain(claims["ori"]);
                    break;
                case Senders.Supervisor:
                    offices.ShouldContain(claims["field_office"]);
                    claims["warrant_authority"].ShouldStartWith("I-200");
                    break;
                default:
                    write.By.Role.ShouldBe(Senders.Admin);
                    var segments = write.Path.Split('/');
                    agreements.ShouldContain((segments[3], segments[4]));
                    break;
            }

            foreach (var envelope in Years.Events(write).Where(e => (string)e["type"]! == "BookingRecorded"))
                agreements.ShouldContain((write.By.Claims.Single(c => c.Key == "ori").Value, (string)envelope["data"]!["model"]!));
        }
    }

    [Fact]
    public void Person_data_is_only_in_booking_bodies()
    {
        foreach (var envelope in Years.Small.Value.SelectMany(Years.Events))
        {
            var isBooking = (string)envelope["type"]! == "BookingRecorded";
            (envelope["data"]!["subject"] is not null).ShouldBe(isBooking);
            envelope.ToJsonString().Contains("dateOfBirth", StringComparison.Ordinal).ShouldBe(isBooking);
        }
    }
}
