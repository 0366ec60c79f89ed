namespace Miljofyrtarn.Core.Catalog.Json;

/// <summary>The JSON names of the catalog's enumerations, shared by reader and writer so they cannot drift apart.</summary>
internal static class Vocabulary
{
    public static readonly Names<Obligation> Obligations = new(
        ("must", Obligation.Must), ("should", Obligation.Should));

    public static readonly Names<CriterionStatus> Statuses = new(
        ("active", CriterionStatus.Active), ("retired", CriterionStatus.Retired));

    public static readonly Names<ResponsibilityHint> Responsibilities = new(
        ("eachUnit", ResponsibilityHint.EachUnit), ("headquarters", ResponsibilityHint.Headquarters));

    public static readonly Names<CriteriaSetKind> SetKinds = new(
        ("common", CriteriaSetKind.Common),
        ("industry", CriteriaSetKind.Industry),
        ("buildingOwner", CriteriaSetKind.BuildingOwner),
        ("tenant", CriteriaSetKind.Tenant),
        ("headOffice", CriteriaSetKind.HeadOffice));

    public static readonly Names<OrganisationKind> OrganisationKinds = new(
        ("municipality", OrganisationKind.Municipality),
        ("countyMunicipality", OrganisationKind.CountyMunicipality),
        ("private", OrganisationKind.Private),
        ("state", OrganisationKind.State));

    /// <summary>A two-way map between JSON names (camelCase) and enum members.</summary>
    public sealed class Names<TEnum>
        where TEnum : struct, Enum
    {
        private readonly (string Name, TEnum Value)[] _entries;

        public Names(params (string Name, TEnum Value)[] entries)
        {
            _entries = entries;
            Expected = string.Join(", ", entries.Select(e => e.Name));
        }

        /// <summary>The allowed names, for error messages.</summary>
        public string Expected { get; }

        public bool TryParse(string value, out TEnum result)
        {
            foreach (var (name, member) in _entries)
            {
                if (string.Equals(name, value, StringComparison.Ordinal))
                {
                    result = member;
                    return true;
                }
            }

            result = default;
            return false;
        }

        public string Name(TEnum value)
        {
            foreach (var (name, member) in _entries)
            {
                if (EqualityComparer<TEnum>.Default.Equals(member, value))
                {
                    return name;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(value), value, "No JSON name is defined for this value.");
        }
    }
}
