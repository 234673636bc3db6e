using CaseFlow.Ids;

namespace CaseFlow.Domain.Agreements;

/// <summary>Agreement stream ids are name-based (<see cref="CaseFlowIds.Agreement"/>), so an agreement's id follows from its agency and model.</summary>
public static class AgreementId
{
    public static Guid For(string ori, ProgramModel model) => CaseFlowIds.Agreement(ori, model.ToString());
}
