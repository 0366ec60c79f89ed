using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Tests.Lifecycle;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;
using static Miljofyrtarn.Core.Tests.Roles.GovernedHeim;

namespace Miljofyrtarn.Core.Tests.Roles;

/// <summary>Over random governed histories and random actors: an action by an actor without the role never changes anything.</summary>
public class RoleProperties
{
    /// <summary>Everyone who might act: each role, a unit's contact and manager, the certifier, the foundation, and strangers.</summary>
    private static readonly ImmutableArray<Actor> Actors =
    [
        Coordinator, Mayor, Consultant, Reader, Outsider, Kari.Id, Foundation, Actor.ForFoundation(Outsider),
        ContactOf(Heim.Barnehage), ManagerOf(Heim.Barnehage), ContactOf(Heim.Skole), "ukjent@example.org",
    ];

    /// <summary>One attempt: an operation, a unit, an actor, and a number for the operation's data.</summary>
    public sealed record Attempt(int Operation, int Unit, int Actor, int Number)
    {
        public override string ToString() => $"({(Core.Lifecycle.Operation)Operation},{Unit},{Actor},{Number})";
    }

    private static readonly Gen<ImmutableArray<Attempt>> Attempts =
        Gen.ListOf(
            from operation in Gen.Choose(0, 17)
            from unit in Gen.Choose(0, 4)
            from actor in Gen.Choose(0, Actors.Length - 1)
            from number in Gen.Choose(0, 1000)
            select new Attempt(operation, unit, actor, number))
        .Select(l => l.Take(30).ToImmutableArray());

    [Property(MaxTest = 30)]
    public Property AnActorWithoutTheRole_IsAlwaysForbidden_AndChangesNothing() => Prop.ForAll(
        OrganisationLifecycleProperties.Steps.ToArbitrary(), Attempts.ToArbitrary(), (steps, attempts) =>
    {
        var (lifecycle, _, _) = OrganisationLifecycleProperties.Run(steps);
        lifecycle = Govern(lifecycle);
        foreach (var attempt in attempts)
        {
            var actor = Actors[attempt.Actor];
            var operation = (Operation)attempt.Operation;
            var unit = lifecycle.Organisation.AllUnits[attempt.Unit % lifecycle.Organisation.AllUnits.Length].Id;
            var subject = operation is Operation.AddUnit or Operation.RemoveUnit or Operation.Allocate or Operation.CompleteStartUp or Operation.ManageRoles or Operation.AssignCertifier
                ? (UnitId?)null
                : unit;
            var may = lifecycle.May(actor, operation, subject);
            var before = LifecycleFingerprint.Of(lifecycle);
            try
            {
                lifecycle = Take(lifecycle, operation, unit, actor, attempt.Number);
                if (!may)
                {
                    return false.Label($"{attempt}: {actor.Id} may not {operation}, yet it was done");
                }
            }
            catch (MiljofyrtarnException refused)
            {
                if (!may && (refused.Code != ErrorCodes.ActorLacksRole || refused.Category != ErrorCategory.Forbidden))
                {
                    return false.Label($"{attempt}: refused with {refused.Code}, not as forbidden");
                }

                if (LifecycleFingerprint.Of(lifecycle) != before)
                {
                    return false.Label($"{attempt}: a refusal changed the state");
                }
            }
        }

        return true.ToProperty();
    });

    /// <summary>Governs the lifecycle as its coordinator would: a consultant and a reader granted. Kari is assigned only when impartial.</summary>
    private static OrganisationLifecycle Govern(OrganisationLifecycle lifecycle)
    {
        lifecycle = lifecycle.GrantRole(Consultant, SchemeRole.Consultant, null, Coordinator).GrantRole(Reader, SchemeRole.Reader, null, Coordinator);
        return lifecycle.AssignCertifier(Kari, Foundation);
    }

    private static OrganisationLifecycle Take(OrganisationLifecycle lifecycle, Operation operation, UnitId unit, Actor actor, int number)
    {
        var year = 2023 + (number % 8);
        var criteria = lifecycle.Organisation.Resolve(unit).Criteria;
        return operation switch
        {
            Operation.AddUnit => lifecycle.AddUnit(Heim.Unit(new UnitId($"ny-{number}"), $"Ny enhet {number}", "barnehage", kitchen: false), actor.Id),
            Operation.UpdateUnit => lifecycle.UpdateUnit(lifecycle.Organisation.GetUnit(unit).Definition with { Address = $"Ny veg {number}" }, actor.Id),
            Operation.RemoveUnit => lifecycle.RemoveUnit(unit, actor.Id),
            Operation.Allocate => lifecycle.Allocate(criteria.IsEmpty ? 1 : criteria[number % criteria.Length].Criterion.Id, (Resolution.ResponsibleParty)(number % 2), actor.Id),
            Operation.RecordAssessment => criteria.IsEmpty ? throw Problems.Single(ErrorCodes.UnknownCriterion, 0)
                : lifecycle.RecordAssessment(unit, criteria[number % criteria.Length].Criterion.Id, (FulfilmentStatus)(number % 3), actor.Id),
            Operation.CompleteStartUp => lifecycle.CompleteStartUp(lifecycle.Today, actor.Id),
            Operation.OpenMapping => lifecycle.OpenMapping(unit, actor.Id),
            Operation.Deliver => lifecycle.Deliver(unit, actor.Id),
            Operation.Certify => lifecycle.Certify(unit, new Certifier(actor.Id, "Sertifisør", OrganisationNumber.Parse("974760673")), $"P-{number}"),
            Operation.SubmitAnnualReport => lifecycle.SubmitAnnualReport(unit, year, actor.Id),
            Operation.GrantPostponement => lifecycle.GrantPostponement(unit, year, new LocalDate(year + 1, 5, 1), actor),
            Operation.OpenRecertification => lifecycle.OpenRecertification(unit, actor.Id),
            Operation.Recertify => lifecycle.Recertify(unit, new Certifier(actor.Id, "Sertifisør", OrganisationNumber.Parse("974760673")), $"PR-{number}"),
            Operation.Withdraw => lifecycle.Withdraw(unit, "Avvik.", actor),
            Operation.CorrectAnnualReport => lifecycle.CorrectAnnualReport(unit, year, Core.Reporting.EnvironmentalReport.Unchecked(unit, year, lifecycle.Rules.Indicators.Version, [], [], []), "Feil.", actor.Id),
            Operation.RecordFollowUpAudit => lifecycle.RecordFollowUpAudit(unit, actor.Id),
            Operation.ManageRoles => number % 2 == 0
                ? lifecycle.GrantRole($"person-{number}@heim.kommune.no", SchemeRole.Reader, null, actor)
                : lifecycle.RevokeRole(Reader, SchemeRole.Reader, null, actor),
            _ => lifecycle.AssignCertifier(new Certifier($"ny-{number}@certnor.no", "Ny sertifisør", OrganisationNumber.Parse("974760673")), actor),
        };
    }
}
