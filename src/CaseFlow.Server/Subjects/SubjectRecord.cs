namespace CaseFlow.Server.Subjects;

public sealed record PersonName(string Given, string Family, string? Middle);

/// <summary>The identifiers of the person booked: the only place CaseFlow keeps them (never in an event, log or trace).</summary>
public sealed record SubjectIdentifiers(PersonName Name, DateOnly DateOfBirth, string? ANumber, string? FbiNumber, string? StateId);

/// <summary>
/// A case's subject, outside the event store and referenced from events by <see cref="Id"/> (the subjectRef).
/// Field-level encryption with per-subject keys comes with the subject vault.
/// </summary>
public sealed record SubjectRecord(Guid Id, Guid CaseId, string Ori, SubjectIdentifiers Identifiers);
