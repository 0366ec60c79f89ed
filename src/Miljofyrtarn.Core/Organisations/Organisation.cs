using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Resolution;
using NodaTime;

namespace Miljofyrtarn.Core.Organisations;

/// <summary>
/// An organisation certified under the headquarters model (hovedkontormodellen): exactly one headquarters
/// (HK) and any number of underlying units (UE), locked to one common-criteria version, with its
/// responsibility allocation (ansvarsfordeling) and the assessment of every criterion.
/// </summary>
/// <remarks>
/// <para>
/// Immutable and thread-safe. Every operation returns a new organisation, or throws a
/// <see cref="MiljofyrtarnException"/> listing every problem with its code; the organisation it was called on
/// never changes. States that share units, sets, answers and allocation share their resolution, so
/// recording assessments and computing readiness stay cheap.
/// </para>
/// <para>
/// What it is made of, and what it computes from that on first use (the resolution index, the readiness, the list of
/// units), is held by one internal state (<c>OrganisationState</c>): the one place that knows how units, assessments and
/// readiness are represented. Those values are computed from immutable data and published with one reference write,
/// without a lock: two threads that race compute equal values and either may be kept. Nothing a caller can observe
/// changes.
/// </para>
/// <para>Reference equality.</para>
/// </remarks>
public sealed partial class Organisation
{
    private Organisation(string name, OrganisationKind kind, OrganisationNumber number, LocalDate startedOn, CriteriaSet? pendingCommonSet, OrganisationState state)
    {
        Name = name;
        Kind = kind;
        Number = number;
        StartedOn = startedOn;
        PendingCommonSet = pendingCommonSet;
        State = state;
    }

    /// <summary>The catalog the organisation's criteria come from.</summary>
    public CriteriaCatalog Catalog => State.Catalog;

    /// <summary>The organisation's name, for example «Heim kommune».</summary>
    public string Name { get; }

    /// <summary>Municipality, county municipality, private or state.</summary>
    public OrganisationKind Kind { get; }

    /// <summary>The organisation number (organisasjonsnummer).</summary>
    public OrganisationNumber Number { get; }

    /// <summary>The date the organisation started with Miljøfyrtårn; it chose the common-criteria version.</summary>
    public LocalDate StartedOn { get; }

    /// <summary>
    /// The common criteria (felleskriterier) version the organisation is locked to: the version of the last approved
    /// responsibility allocation (ansvarsfordeling). Every underlying unit follows it, and so does headquarters unless
    /// <see cref="PendingCommonSet"/> is set.
    /// </summary>
    public CriteriaSet CommonSet => State.CommonSet;

    /// <summary>
    /// The newer common-criteria version headquarters is being recertified on, or null. When headquarters opens its
    /// recertification and a newer version applies, HK's mapping is done on the newer version while the underlying units
    /// keep <see cref="CommonSet"/>; when HK's recertification (or a later certification) is approved, every unit
    /// switches to it and this becomes null.
    /// </summary>
    public CriteriaSet? PendingCommonSet { get; }

    /// <summary>The common-criteria version headquarters follows now: <see cref="PendingCommonSet"/> if any, else <see cref="CommonSet"/>.</summary>
    public CriteriaSet HeadquartersCommonSet => PendingCommonSet ?? CommonSet;

    /// <summary>Headquarters (HK).</summary>
    public Unit Headquarters => State.UnitAt(0);

    /// <summary>The underlying units (UE), in the order they were added.</summary>
    public IEnumerable<Unit> Units => AllUnits.Skip(1);

    /// <summary>The organisation's own allocation of criteria, overriding the catalog's hint, by criterion ID.</summary>
    public ImmutableDictionary<int, ResponsibleParty> AllocationOverrides => State.Allocation;

    /// <summary>What the organisation is made of and computes: its units, assessments and readiness (see the remarks).</summary>
    internal OrganisationState State { get; }

    /// <summary>Which criteria apply to which unit, built on first use and then shared by every state with the same structure.</summary>
    internal ResolutionIndex Index => State.Index;

    /// <summary>
    /// Creates an organisation with its headquarters. The common-criteria version is chosen from the catalog by
    /// the organisation's kind and start date (<see cref="CriteriaCatalog.SelectCommonSet"/>).
    /// </summary>
    /// <param name="catalog">The criteria catalog.</param>
    /// <param name="name">The organisation's name; not blank.</param>
    /// <param name="kind">The kind of organisation.</param>
    /// <param name="number">The organisation number.</param>
    /// <param name="startedOn">The start date; headquarters' sets must be in force on it.</param>
    /// <param name="headquarters">Headquarters (HK).</param>
    /// <returns>The organisation.</returns>
    /// <exception cref="MiljofyrtarnException">Any rule is broken; every problem is listed.</exception>
    public static Organisation Create(CriteriaCatalog catalog, string name, OrganisationKind kind, OrganisationNumber number, LocalDate startedOn, UnitDefinition headquarters)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(headquarters);
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(ErrorCodes.BlankText, "name");
        }

        if (number.IsDefault)
        {
            problems.Add(ErrorCodes.InvalidOrganisationNumber, string.Empty);
        }

        if (!Enum.IsDefined(kind))
        {
            problems.Add(ErrorCodes.InvalidValue, (int)kind, "Municipality, CountyMunicipality, Private, State");
        }

        problems.ThrowIfAny();
        var commonSet = catalog.SelectCommonSet(kind, startedOn);
        var unit = BuildUnit(catalog, commonSet, headquarters, UnitRole.Headquarters, startedOn, problems);
        CheckArrangement(headquarters, [headquarters], problems);
        problems.ThrowIfAny();
        return new Organisation(name, kind, number, startedOn, null, OrganisationState.Of(catalog, commonSet, unit!));
    }

    /// <summary>The unit with the given ID.</summary>
    /// <param name="id">The unit's ID.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="MiljofyrtarnException">No such unit (<see cref="ErrorCodes.UnknownUnit"/>).</exception>
    public Unit GetUnit(UnitId id) => State.UnitAt(Position(id));

    /// <summary>Looks up a unit without throwing.</summary>
    /// <param name="id">The unit's ID.</param>
    /// <param name="unit">The unit, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetUnit(UnitId id, [NotNullWhen(true)] out Unit? unit)
    {
        var position = State.PositionOf(id);
        unit = position < 0 ? null : State.UnitAt(position);
        return unit is not null;
    }

    /// <summary>Adds an underlying unit (UE).</summary>
    /// <param name="definition">The unit.</param>
    /// <param name="on">The date the unit's sets are chosen; they must be in force on it.</param>
    /// <returns>The organisation with the unit.</returns>
    /// <exception cref="MiljofyrtarnException">Any rule is broken; every problem is listed.</exception>
    public Organisation AddUnit(UnitDefinition definition, LocalDate on) => AddUnit(definition, UnitRole.Unit, on);

    /// <summary>
    /// Adds a unit with a role taken from input, such as a form or a document. An organisation has exactly one
    /// headquarters, so <see cref="UnitRole.Headquarters"/> is refused (<see cref="ErrorCodes.SecondHeadquarters"/>).
    /// </summary>
    /// <param name="definition">The unit.</param>
    /// <param name="role">The unit's role.</param>
    /// <param name="on">The date the unit's sets are chosen; they must be in force on it.</param>
    /// <returns>The organisation with the unit.</returns>
    /// <exception cref="MiljofyrtarnException">Any rule is broken; every problem is listed.</exception>
    public Organisation AddUnit(UnitDefinition definition, UnitRole role, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new Problems();
        if (role == UnitRole.Headquarters)
        {
            problems.Add(ErrorCodes.SecondHeadquarters, definition.Name, Headquarters.Name);
        }
        else if (role != UnitRole.Unit)
        {
            problems.Add(ErrorCodes.InvalidValue, (int)role, "Headquarters, Unit");
        }

        if (State.PositionOf(definition.Id) >= 0)
        {
            problems.Add(ErrorCodes.DuplicateUnitId, definition.Id);
        }

        var unit = BuildUnit(Catalog, CommonSet, definition, UnitRole.Unit, on, problems);
        if (definition.Certificate?.Host is not null)
        {
            CheckArrangement(definition, [.. AllUnits.Select(u => u.Definition), definition], problems);
        }

        problems.ThrowIfAny();
        return With(State.WithAddedUnit(unit!));
    }

    /// <summary>Replaces a unit's details (matched by <see cref="UnitDefinition.Id"/>); its assessments are kept.</summary>
    /// <param name="definition">The unit's new details.</param>
    /// <param name="on">The date of the change; newly chosen sets must be in force on it.</param>
    /// <returns>The organisation with the changed unit.</returns>
    /// <exception cref="MiljofyrtarnException">Any rule is broken; every problem is listed.</exception>
    public Organisation UpdateUnit(UnitDefinition definition, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var position = Position(definition.Id);
        var current = State.UnitAt(position);
        var problems = new Problems();
        var unit = BuildUnit(Catalog, position == 0 ? HeadquartersCommonSet : CommonSet, definition, current.Role, on, problems, current.Sets);
        var definitions = AllUnits.Select(u => u.Definition).ToArray();
        definitions[position] = definition;
        foreach (var other in definitions)
        {
            CheckArrangement(other, definitions, problems);
        }

        problems.ThrowIfAny();
        return With(State.WithUnit(position, unit!));
    }

    /// <summary>Removes an underlying unit and its assessments.</summary>
    /// <param name="id">The unit's ID.</param>
    /// <returns>The organisation without the unit.</returns>
    /// <exception cref="MiljofyrtarnException">Unknown unit, headquarters, or other units share or are attached to its certificate.</exception>
    public Organisation RemoveUnit(UnitId id)
    {
        var position = Position(id);
        if (position == 0)
        {
            throw Problems.Single(ErrorCodes.UnitCannotBeRemoved, Headquarters.Name);
        }

        var problems = new Problems();
        var definitions = AllUnits.RemoveAt(position).Select(u => u.Definition).ToArray();
        foreach (var other in definitions)
        {
            CheckArrangement(other, definitions, problems);
        }

        problems.ThrowIfAny();
        return With(State.WithoutUnit(position));
    }

    /// <summary>
    /// Allocates a criterion to headquarters or to the units, overriding the catalog's hint, for the whole
    /// organisation. A criterion allocated to headquarters is fulfilled once by HK and never demanded of a UE.
    /// </summary>
    /// <param name="criterionId">The criterion's ID.</param>
    /// <param name="party">Who fulfils it.</param>
    /// <returns>The organisation with the allocation.</returns>
    /// <exception cref="MiljofyrtarnException">Unknown criterion (<see cref="ErrorCodes.UnknownCriterion"/>) or undefined party.</exception>
    public Organisation Allocate(int criterionId, ResponsibleParty party)
    {
        var criterion = CriterionOrThrow(criterionId);
        if (!Enum.IsDefined(party))
        {
            throw Problems.Single(ErrorCodes.InvalidValue, (int)party, "Headquarters, Unit");
        }

        var hint = criterion.FulfilledBy == ResponsibilityHint.Headquarters ? ResponsibleParty.Headquarters : ResponsibleParty.Unit;
        var allocation = party == hint ? AllocationOverrides.Remove(criterionId) : AllocationOverrides.SetItem(criterionId, party);
        return allocation == AllocationOverrides ? this : With(State.WithAllocation(allocation));
    }

    /// <summary>Who fulfils a criterion in this organisation: the override if any, else the catalog's hint.</summary>
    /// <param name="criterionId">The criterion's ID.</param>
    /// <returns>The responsible party.</returns>
    /// <exception cref="MiljofyrtarnException">Unknown criterion.</exception>
    public ResponsibleParty GetResponsibleParty(int criterionId) => ResolutionIndex.PartyFor(CriterionOrThrow(criterionId), AllocationOverrides);

    /// <summary>The criteria that apply to a unit, in catalog order, each with the reasons why and who fulfils it.</summary>
    /// <param name="unitId">The unit's ID.</param>
    /// <returns>The resolution.</returns>
    /// <exception cref="MiljofyrtarnException">Unknown unit.</exception>
    public UnitResolution Resolve(UnitId unitId)
    {
        var position = Position(unitId);
        var unit = State.UnitAt(position);
        var roles = Index.Roles[position];
        var reasons = new Dictionary<int, (List<CriteriaSet> Sets, List<Criterion> Replaces)>();
        foreach (var set in unit.Sets)
        {
            foreach (var member in set.Criteria)
            {
                var active = Catalog.ResolveActive(member);
                if (roles[active.Ordinal] == ResolutionIndex.None || !ResolutionIndex.Applies(active, unit.Answers))
                {
                    continue;
                }

                if (!reasons.TryGetValue(active.Ordinal, out var reason))
                {
                    reasons[active.Ordinal] = reason = ([], []);
                }

                if (!reason.Sets.Contains(set))
                {
                    reason.Sets.Add(set);
                }

                if (member != active && !reason.Replaces.Contains(member))
                {
                    reason.Replaces.Add(member);
                }
            }
        }

        var criteria = ImmutableArray.CreateBuilder<ResolvedCriterion>(Index.Ordinals[position].Length);
        foreach (var ordinal in Index.Ordinals[position])
        {
            var criterion = Catalog.Criteria[ordinal];
            reasons.TryGetValue(ordinal, out var reason);
            var demandedBy = position == 0
                ? [.. Index.InheritorsOf(ordinal).Select(u => State.UnitAt(u).Id)]
                : ImmutableArray<UnitId>.Empty;
            criteria.Add(new ResolvedCriterion(
                criterion,
                reason.Sets is null ? [] : [.. reason.Sets],
                criterion.AppliesWhen,
                reason.Replaces is null ? [] : [.. reason.Replaces],
                roles[ordinal] == ResolutionIndex.ByHeadquarters ? ResponsibleParty.Headquarters : ResponsibleParty.Unit,
                demandedBy,
                ThemeIn(unit.Sets[0], criterion, reason.Replaces)));
        }

        var unanswered = Catalog.Questions.Where(q => !unit.Answers.ContainsKey(q.Id)).ToImmutableArray();
        return new UnitResolution(unit, criteria.MoveToImmutable(), unanswered);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Number}), {State.Count} units");

    /// <summary>The position of a unit in <see cref="AllUnits"/>, or -1. Allocation-free.</summary>
    internal int PositionOf(UnitId id) => State.PositionOf(id);

    /// <summary>The theme as the common set groups the criterion, or a retired criterion it stands in for; else its own.</summary>
    private static Theme ThemeIn(CriteriaSet commonSet, Criterion criterion, List<Criterion>? replaces)
    {
        if (commonSet.Criteria.Contains(criterion))
        {
            return commonSet.ThemeOf(criterion);
        }

        var member = replaces?.FirstOrDefault(commonSet.Criteria.Contains);
        return member is null ? criterion.Theme : commonSet.ThemeOf(member);
    }

    private Organisation With(OrganisationState state) => new(Name, Kind, Number, StartedOn, PendingCommonSet, state);

    private int Position(UnitId id) => State.PositionOf(id) is >= 0 and var position ? position : throw Problems.Single(ErrorCodes.UnknownUnit, id);

    private Criterion CriterionOrThrow(int criterionId) =>
        Catalog.TryGetCriterion(criterionId, out var criterion) ? criterion : throw Problems.Single(ErrorCodes.UnknownCriterion, criterionId);
}
