using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Complaints;
using CaseFlow.Domain.Officers;

namespace CaseFlow.Server.Audit;

/// <summary>How the access log names the kind of record a stream is ("case:&lt;id&gt;").</summary>
public static class AccessRecordKinds
{
    public static string Of(Type state) => state switch
    {
        var t when t == typeof(CaseFile) => "case",
        var t when t == typeof(Officer) => "officer",
        var t when t == typeof(Agreement) => "agreement",
        var t when t == typeof(Complaint) => "complaint",
        var t => t.Name.ToLowerInvariant(),
    };
}
