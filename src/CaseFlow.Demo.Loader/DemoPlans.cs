using CaseFlow.Demo.Plan;

namespace CaseFlow.Demo.Loader;

/// <summary>The demo year the loader runs: CaseFlow.Demo's one public <see cref="IDemoPlan"/>.</summary>
public static class DemoPlans
{
    public static IDemoPlan TheYear()
    {
        var plans = typeof(IDemoPlan).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDemoPlan).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null).ToList();
        return plans.Count == 1
            ? (IDemoPlan)Activator.CreateInstance(plans[0])!
            : throw new InvalidOperationException($"CaseFlow.Demo holds {plans.Count} plans of the year with a parameterless constructor; the loader needs exactly one.");
    }
}
