using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using NodaTime.Testing;

namespace Miljofyrtarn.Core.Tests.Lifecycle;

/// <summary>Builds Heim kommune's lifecycle step by step for tests, with a fake clock.</summary>
internal static class HeimLifecycle
{
    public const string Coordinator = "miljo@heim.kommune.no";
    public static readonly string Mayor = Heim.Ordforer.Id;
    public static readonly Certifier Kari = new("kari@certnor.no", "Kari Sertifisør", OrganisationNumber.Parse("974760673"));
    public static readonly UnitId[] UnitIds = [Heim.Barnehage, Heim.Skole, Heim.Sykehjem, Heim.Hjemmetjeneste];

    public static FakeClock Clock(int year = 2024, int month = 1, int day = 15) =>
        new(Instant.FromUtc(year, month, day, 8, 0)) { AutoAdvance = Duration.FromSeconds(1) };

    public static void SetDate(FakeClock clock, int year, int month, int day) => clock.Reset(Instant.FromUtc(year, month, day, 8, 0));

    /// <summary>The default rules, with yearly follow-up audits required from <paramref name="date"/>.</summary>
    public static SchemeRuleBook AuditsFrom(LocalDate date) =>
        new([SchemeRules.Default, SchemeRules.Default with { EffectiveFrom = date, RequiresFollowUpAudit = true }]);

    public static OrganisationLifecycle Start(FakeClock clock, SchemeRuleBook? rules = null, UnitDefinition? headquarters = null)
    {
        var lifecycle = OrganisationLifecycle.Start(CriteriaCatalog.LoadDefault(), "Heim kommune", OrganisationKind.Municipality, Heim.Number, headquarters ?? Heim.Headquarters(), Coordinator, clock, rules);
        lifecycle = lifecycle
            .AddUnit(Heim.Unit(Heim.Barnehage, "Solsikken barnehage", "barnehage", kitchen: true), Coordinator)
            .AddUnit(Heim.Unit(Heim.Skole, "Heim skole", "grunnskole-sfo", kitchen: false), Coordinator)
            .AddUnit(Heim.Unit(Heim.Sykehjem, "Heimtun sykehjem", "sykehjem", kitchen: true), Coordinator)
            .AddUnit(Heim.Unit(Heim.Hjemmetjeneste, "Hjemmetjenesten", "hjemmebaserte-tjenester", kitchen: false, vehicles: true), Coordinator);
        return lifecycle;
    }

    /// <summary>Records every criterion the unit itself fulfils as fulfilled.</summary>
    public static OrganisationLifecycle FulfilAll(OrganisationLifecycle lifecycle, UnitId unit)
    {
        foreach (var resolved in lifecycle.Organisation.Resolve(unit).Criteria)
        {
            if (resolved.FulfilledBy == ResponsibleParty.Unit && lifecycle.Organisation.GetStatus(unit, resolved.Criterion.Id).Status != FulfilmentStatus.Fulfilled)
            {
                lifecycle = lifecycle.RecordAssessment(unit, resolved.Criterion.Id, FulfilmentStatus.Fulfilled, Coordinator);
            }
        }

        return lifecycle;
    }

    public static string ManagerOf(OrganisationLifecycle lifecycle, UnitId unit) => lifecycle.Organisation.GetUnit(unit).Management[0].Id;

    /// <summary>Open, fulfil, deliver and certify one unit.</summary>
    public static OrganisationLifecycle Certify(OrganisationLifecycle lifecycle, UnitId unit, string number)
    {
        lifecycle = lifecycle.OpenMapping(unit, Coordinator);
        lifecycle = FulfilAll(lifecycle, unit);
        lifecycle = lifecycle.Deliver(unit, ManagerOf(lifecycle, unit));
        return lifecycle.Certify(unit, Kari, number);
    }

    /// <summary>Start-up done and headquarters certified on 1 March 2024.</summary>
    public static OrganisationLifecycle WithCertifiedHeadquarters(FakeClock clock, SchemeRuleBook? rules = null)
    {
        var lifecycle = Start(clock, rules).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);
        SetDate(clock, 2024, 3, 1);
        return Certify(lifecycle, Heim.Raadhuset, "MFT-HK-1");
    }
}
