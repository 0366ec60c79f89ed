using System.Text.Json.Serialization;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Internal.Json;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Contracts;

/// <summary>Starts an organisation's certification: its name, kind, number and headquarters (HK).</summary>
/// <param name="Name">The organisation's name.</param>
/// <param name="Kind">Municipality, county or other.</param>
/// <param name="Number">The organisation number (<i>organisasjonsnummer</i>), nine digits.</param>
/// <param name="Headquarters">Headquarters, usually the town hall (<i>rådhuset</i>).</param>
public sealed record StartOrganisationCommand(string Name, [property: JsonConverter(typeof(CamelCaseEnumConverter<OrganisationKind>))] OrganisationKind Kind, string Number, UnitInput Headquarters)
{
    /// <summary>
    /// The organisation's other units (<i>underenheter</i>: kindergartens, schools, nursing homes), added in order right
    /// after it starts, so a frontend creates an organisation with its units in one call; none when null.
    /// </summary>
    public IReadOnlyList<UnitInput>? Units { get; init; }

    /// <summary>Starts the lifecycle, as <see cref="OrganisationLifecycle.Start"/> does, then adds <see cref="Units"/>.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="actor">Who starts it.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="rules">The rule book; the default when null.</param>
    /// <returns>The lifecycle, at version 1 and one more for each unit.</returns>
    /// <exception cref="MiljofyrtarnException">A field is missing or invalid, or a unit cannot be added; every problem is listed.</exception>
    public OrganisationLifecycle Start(CriteriaCatalog catalog, string actor, IClock clock, SchemeRuleBook? rules = null)
    {
        CommandChecks.Require(Name, "$.name");
        var number = OrganisationNumber.Parse(CommandChecks.Require(Number, "$.number"));
        var headquarters = CommandChecks.Require(Headquarters, "$.headquarters").ToDefinition("$.headquarters");
        var units = (Units ?? []).Select((unit, i) => CommandChecks.Require(unit, $"$.units[{i}]").ToDefinition($"$.units[{i}]")).ToList();
        var lifecycle = OrganisationLifecycle.Start(catalog, Name, Kind, number, headquarters, actor, clock, rules);
        foreach (var unit in units)
        {
            lifecycle = lifecycle.AddUnit(unit, actor);
        }

        return lifecycle;
    }
}
