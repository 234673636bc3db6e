using CaseFlow.Domain;
using CaseFlow.Domain.Agencies;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Writing;
using Marten;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>
/// Agencies made up for one test (a surrogate ORI of their own, on Guam: San Francisco field office, Guam time, where
/// ICE's list has no agreement), so a test that suspends or terminates an agreement changes nothing another test
/// relies on, and the published counts stay as published. Their agreements are staged like the seeded ones.
/// </summary>
public static class SyntheticAgencies
{
    public const string Source = "test fixture";
    public const string State = "GU";
    public const string FieldOffice = "SFR";
    public const string TimeZone = "Pacific/Guam";
    public static readonly DateOnly SignedOn = new(2025, 1, 6);

    /// <summary>Where the made-up agencies are unless a test places one elsewhere: Guam.</summary>
    public static readonly SyntheticPlace Guam = new(State, FieldOffice, TimeZone);

    public static Task<string> Sign(IDocumentStore store, params ProgramModel[] models) => Sign(store, Guam, models);

    public static async Task<string> Sign(IDocumentStore store, SyntheticPlace place, params ProgramModel[] models)
    {
        var name = $"Test County Sheriff's Office {Guid.NewGuid():N}";
        var ori = Ori.Surrogate(place.State, name);
        await using var session = store.LightweightSession();
        foreach (var model in models)
        {
            var signed = new AgreementSigned(AgreementId.For(ori, model), ori, true, name, place.State, null, model, SignedOn,
                place.FieldOffice, place.TimeZone, new DateOnly(2025, 7, 18), Source);
            var incoming = IncomingEvent.System(Guid.NewGuid(), signed.AgreementId, nameof(AgreementSigned), LocalDay.Start(SignedOn, signed.TimeZone), late: true);
            session.Events.StartStream<Agreement>(signed.AgreementId,
                EventStager.Stage(session, signed.AgreementId, 1, EventChain.Genesis, incoming, signed, AgreementSeed.Actor));
        }

        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        return ori;
    }
}

/// <summary>The state, ICE field office and IANA time zone a made-up agency is placed in.</summary>
public sealed record SyntheticPlace(string State, string FieldOffice, string TimeZone);
