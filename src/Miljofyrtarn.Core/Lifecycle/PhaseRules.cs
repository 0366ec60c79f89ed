using System.Collections.Immutable;
using Miljofyrtarn.Core.Localization;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>A rule of the phase table: the phase applies when the condition holds and no earlier rule did.</summary>
internal sealed record PhaseRule(OrganisationPhase Phase, LocalizedText Condition, Func<LifecycleState, bool> Holds);

/// <summary>
/// The organisation's phase, read top to bottom: the first rule that holds. The phase follows from the units'
/// states and is never set by hand. Units covered by another unit's certificate are left out.
/// </summary>
internal static class PhaseRules
{
    public static readonly ImmutableArray<PhaseRule> Rules =
    [
        new(OrganisationPhase.StartUp, new LocalizedText("oppstarten er ikke fullført", "oppstarten er ikkje fullført", "start-up not completed"), static s => s.StartUpListSentOn is null),
        new(OrganisationPhase.MeasuresAndCriteria, new LocalizedText("hovedkontoret aldri sertifisert", "hovudkontoret aldri sertifisert", "headquarters never certified"), static s => s.Units[0].FirstApprovedOn is null),
        new(OrganisationPhase.Approval, new LocalizedText("en enhet aldri sertifisert", "ei eining aldri sertifisert", "a unit never certified"), static s => Own(s).Any(u => u.FirstApprovedOn is null)),
        new(OrganisationPhase.Recertification, new LocalizedText("en enhet i resertifisering eller utløpt", "ei eining i resertifisering eller utgått", "a unit in recertification or expired"), static s => Own(s).Any(u => u.State is UnitState.RecertificationOpen or UnitState.RecertificationDelivered or UnitState.Expired)),
        new(OrganisationPhase.Improvement, new LocalizedText("ellers: alle enheter sertifisert", "elles: alle einingar sertifiserte", "otherwise: every unit certified"), static _ => true),
    ];

    public static OrganisationPhase Evaluate(LifecycleState state)
    {
        foreach (var rule in Rules)
        {
            if (rule.Holds(state))
            {
                return rule.Phase;
            }
        }

        throw new InvalidOperationException("The last phase rule always holds.");
    }

    private static IEnumerable<UnitLifecycle> Own(LifecycleState state) =>
        state.Units.Where((_, i) => state.Organisation.AllUnits[i].Certificate.Host is null);
}
