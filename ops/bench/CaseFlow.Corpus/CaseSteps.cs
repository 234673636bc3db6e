using System.Security.Claims;
using CaseFlow.Domain.Agreements;

namespace CaseFlow.Corpus;

/// <summary>Writes one case of the corpus along its <see cref="CasePath"/>, every step at its own instant in the recent past.</summary>
public sealed class CaseSteps(CaseWrites writes, AgreementSigned agreement, string badge, DateTimeOffset now, CancellationToken ct)
{
    private readonly ClaimsPrincipal jail = CaseWrites.Jail(agreement.Ori);
    private readonly ClaimsPrincipal ice = CaseWrites.Supervisor(agreement.FieldOfficeCode);

    /// <returns>How many events the case holds.</returns>
    public async Task<int> Write(int index, CasePath path)
    {
        var random = new Random(index);
        var number = $"CORPUS-{index:D8}";
        DateTimeOffset HoursAgo(double from, double to) => now.AddMinutes(-random.Next((int)(from * 60), (int)(to * 60)));
        switch (path)
        {
            case CasePath.Booked:
                await writes.Book(agreement, number, HoursAgo(1, 48), now.AddMinutes(random.Next(60, 7 * 24 * 60)), ct);
                return 1;
            case CasePath.Released:
            {
                var referred = HoursAgo(6, 48);
                var caseId = await writes.Book(agreement, number, referred, null, ct);
                await Jail(caseId, "ReleasedFromLocalCustody", new { at = CaseWrites.Instant(referred.AddHours(2)), reason = "Bonded" }, referred.AddHours(2));
                await Jail(caseId, "CaseClosed", new { closedAt = CaseWrites.Instant(referred.AddHours(3)), disposition = "ReleasedWithoutTransfer" }, referred.AddHours(3));
                return 3;
            }
            case CasePath.ClaimOpen:
            {
                var referred = HoursAgo(3, 10);
                var caseId = await writes.Book(agreement, number, referred, null, ct);
                var asserted = referred.AddMinutes(random.Next(5, 60));
                await Jail(caseId, "CitizenshipClaimAsserted", new { assertedAt = CaseWrites.Instant(asserted), how = "Interview" }, asserted);
                if (index % 2 == 0)
                    return 2;
                var reported = asserted.AddMinutes(random.Next(10, 80));
                await Jail(caseId, "CitizenshipClaimReported", new { reportedAt = CaseWrites.Instant(reported), reportedTo = "ERO duty officer" }, reported);
                return 3;
            }
            default:
                return await Detainer(index, path, number, random);
        }
    }

    private async Task<int> Detainer(int index, CasePath path, string number, Random random)
    {
        var referred = path switch
        {
            CasePath.NoticeMissed => now.AddHours(-25 - random.Next(0, 24)),
            CasePath.Held => now.AddHours(-4 - random.Next(0, 56)),
            _ => now.AddHours(-2 - random.Next(0, 46)),
        };
        var release = path is CasePath.DetainerInEffect ? now.AddMinutes(random.Next(60, 10 * 24 * 60)) : (DateTimeOffset?)null;
        var caseId = await writes.Book(agreement, number, referred, release, ct);
        var events = 1;
        async Task Step(ClaimsPrincipal by, string type, int minutes, Func<string, object> data, string? officer = null)
        {
            var at = referred.AddMinutes(minutes);
            await writes.Post(caseId, by, type, data(CaseWrites.Instant(at)), at, officer, ct);
            events++;
        }

        await Step(jail, "ScreeningOpened", 5, at => new { openedAt = at }, badge);
        await Step(jail, "RecordsCheckCompleted", 10, at => new { completedAt = at, systemsChecked = new[] { "IDENT", "EID" }, biometricMatch = true }, badge);
        await Step(jail, "DeterminationRecorded", 15, at => new { determinedAt = at, outcome = "Removable" }, badge);
        await Step(jail, "DetainerPrepared", 20, at => new { preparedAt = at, bases = new[] { "BiometricAndRecords" }, warrantType = "I-200" }, badge);
        if (path is CasePath.DetainerAwaitingReview)
            return events;
        await Step(ice, "DetainerApproved", 25, at => new { approvedAt = at });
        await Step(jail, "DetainerLodged", 30, at => new { lodgedAt = at }, badge);
        await Step(jail, "DetainerServedOnSubject", 35, at => new { servedAt = at, method = "in person" }, badge);
        if (path is CasePath.NoticeMissed)
            return events;
        await Step(jail, "IceNotifiedOfDetainer", 40, at => new { notifiedAt = at });
        if (path is CasePath.Held)
        {
            await Step(jail, "ReleaseEligible", 60, at => new { at });
            return events + 1; // and the hold CaseFlow started
        }

        if (path is CasePath.PackageAwaitingReview)
        {
            await Step(jail, "I213Prepared", 50, at => new { preparedAt = at, documentRef = $"I213-{index}" }, badge);
            await Step(jail, "ChargingDocumentPrepared", 55, at => new { preparedAt = at, documentType = "NoticeToAppear", charges = new[] { "212(a)(6)(A)(i)" } }, badge);
            await Step(jail, "SubmittedForReview", 60, at => new { submittedAt = at, items = new[] { "I213", "ChargingDocument" } }, badge);
        }

        return events;
    }

    private Task Jail(Guid caseId, string type, object data, DateTimeOffset at) => writes.Post(caseId, jail, type, data, at, null, ct);
}
