using UUIDNext;

namespace CaseFlow.Domain.Agreements;

/// <summary>Agreement stream ids are name-based, so an agreement's id follows from its agency and model.</summary>
public static class AgreementId
{
    /// <summary>The UUIDv5 namespace for agreement ids (published in the README; never change it).</summary>
    public static readonly Guid Namespace = new("5d1f3c1e-6f0a-4c52-9a35-2a8f6f1b8e01");

    public static Guid For(string ori, ProgramModel model) => Uuid.NewNameBased(Namespace, $"{ori}|{model}");
}
