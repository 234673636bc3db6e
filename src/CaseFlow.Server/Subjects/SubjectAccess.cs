using CaseFlow.Domain.Subjects;
using CaseFlow.Server.Security;

namespace CaseFlow.Server.Subjects;

/// <summary>Who may read a subject's identifiers once the case is visible to them: anyone while active, auditors once sealed, nobody once erased.</summary>
public static class SubjectAccess
{
    public static bool MayRead(SubjectState state, CallerScope caller) =>
        state == SubjectState.Active || (state == SubjectState.Sealed && caller.Role == Roles.Auditor);

    public static string Name(SubjectState state) => state.ToString().ToLowerInvariant();
}
