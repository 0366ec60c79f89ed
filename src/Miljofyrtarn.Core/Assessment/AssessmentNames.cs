using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;

namespace Miljofyrtarn.Core.Assessment;

/// <summary>
/// Names of the assessment's values in the reader's language, for frontends: a status (<i>oppfylt</i>), an obligation
/// (<i>må</i>/<i>bør</i>), who fulfils a criterion (<i>hovedkontoret</i> or the unit) and a unit's role (HK/UE).
/// </summary>
public static class AssessmentNames
{
    /// <summary>The status's name, for example «Oppfylt».</summary>
    /// <param name="status">The status.</param>
    /// <param name="language">The language.</param>
    /// <returns>The name.</returns>
    public static string GetName(this FulfilmentStatus status, Language language) => Terms.Get("status", status.ToString(), language);

    /// <summary>The obligation's name: «Må» or «Bør».</summary>
    /// <param name="obligation">The obligation.</param>
    /// <param name="language">The language.</param>
    /// <returns>The name.</returns>
    public static string GetName(this Obligation obligation, Language language) => Terms.Get("obligation", obligation.ToString(), language);

    /// <summary>Who fulfils a criterion: «Hovedkontoret» or «Enheten selv».</summary>
    /// <param name="party">The responsible party.</param>
    /// <param name="language">The language.</param>
    /// <returns>The name.</returns>
    public static string GetName(this ResponsibleParty party, Language language) => Terms.Get("party", party.ToString(), language);

    /// <summary>The role's name, for example «Hovedkontor (HK)».</summary>
    /// <param name="role">The role.</param>
    /// <param name="language">The language.</param>
    /// <returns>The name.</returns>
    public static string GetName(this UnitRole role, Language language) => Terms.Get("role", role.ToString(), language);
}
