namespace CaseFlow.Domain.Cases;

/// <summary>
/// WSO step W1: ICE placed its warrant (I-200 or I-205) with the jail for a person in its custody, under ICE's own
/// detainer. A WSO officer may only serve and execute it at the scheduled release; ICE does the rest.
/// </summary>
public sealed record WarrantReceivedFromIce(DateTimeOffset ReceivedAt, WarrantType WarrantType, string IceDetainerRef) : CaseEvent;

/// <summary>WSO step W3: the jail told ICE "immediately after" the warrant was served.</summary>
public sealed record IceNotifiedOfService(DateTimeOffset NotifiedAt) : CaseEvent;
