using CaseFlow.Domain.Subjects;

namespace CaseFlow.Server.Subjects;

public sealed record PersonName(string Given, string Family, string? Middle);

/// <summary>The identifiers of the person booked. CaseFlow keeps them only encrypted in the vault (never in an event, log or trace).</summary>
public sealed record SubjectIdentifiers(PersonName Name, DateOnly DateOfBirth, string? ANumber, string? FbiNumber, string? StateId);

/// <summary>
/// A case's subject in the vault, referenced from events by <see cref="Id"/> (the subjectRef). The identifiers are
/// encrypted under a data key of this subject's own (<see cref="Ciphertext"/>); the data key is stored wrapped by the
/// master key <see cref="MasterKeyId"/>; <see cref="SearchTags"/> are keyed hashes of the normalised A-number and FBI
/// number, made with the search key <see cref="SearchKeyId"/> names. Erasure destroys the wrapped key, the ciphertext
/// and the tags; <see cref="StateOrderId"/> names the order that sealed or erased the subject.
/// </summary>
public sealed record VaultedSubject(
    Guid Id, Guid CaseId, string Ori, string? MasterKeyId, byte[]? WrappedDataKey, byte[]? Ciphertext, IReadOnlyList<string> SearchTags,
    SubjectState State = SubjectState.Active, Guid? StateOrderId = null, string? SearchKeyId = null);
