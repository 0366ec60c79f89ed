using System.Text;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Tests.Organisations;

namespace Miljofyrtarn.Core.Tests.Lifecycle;

/// <summary>Everything observable about a lifecycle, as text.</summary>
internal static class LifecycleFingerprint
{
    public static string Of(OrganisationLifecycle lifecycle)
    {
        var text = new StringBuilder(OrganisationState.Fingerprint(lifecycle.Organisation));
        text.Append($"version {lifecycle.Version} phase {lifecycle.Phase} startup {lifecycle.StartUpListSentOn}\n");
        text.Append($"recomputations {string.Join(", ", lifecycle.Recomputations)}\n");
        if (lifecycle.ClimateTarget is { } target)
        {
            text.Append($"target {target.BaseYear} {target.Method} {target.BaseEmissions} {string.Join(", ", target.Milestones)}\n");
        }

        foreach (var unit in lifecycle.Organisation.AllUnits)
        {
            var unitLifecycle = lifecycle.GetUnitLifecycle(unit.Id);
            text.Append($"{unit.Id}: {unitLifecycle.State} first {unitLifecycle.FirstApprovedOn}\n");
            foreach (var certificate in unitLifecycle.Certificates)
            {
                text.Append($"  {certificate} [{string.Join(",", certificate.Units)}]\n");
            }

            foreach (var report in unitLifecycle.Reports.Values)
            {
                text.Append($"  {report}\n");
            }

            text.Append($"  allowed {lifecycle.GetAllowedActions(unit.Id)}\n");
        }

        return text.ToString();
    }
}
