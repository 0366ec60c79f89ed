using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Organisations;

/// <summary>
/// A person who matters for the rules: a user with the management label (ledelsen), or a unit's
/// Miljøfyrtårn officer (miljøfyrtårnansvarlig).
/// </summary>
/// <remarks>Immutable; value equality on <see cref="Id"/> and <see cref="Name"/> (ordinal).</remarks>
public sealed record Person
{
    /// <summary>Creates a person.</summary>
    /// <param name="id">A stable ID for the person, such as a user name or an e-mail address; used to check who acts.</param>
    /// <param name="name">The person's name.</param>
    /// <exception cref="MiljofyrtarnException">The ID or the name is blank (<see cref="ErrorCodes.BlankText"/>).</exception>
    public Person(string id, string name)
    {
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(ErrorCodes.BlankText, "person.id");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(ErrorCodes.BlankText, "person.name");
        }

        problems.ThrowIfAny();
        Id = id;
        Name = name;
    }

    /// <summary>The person's stable ID.</summary>
    public string Id { get; }

    /// <summary>The person's name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} <{Id}>";
}
