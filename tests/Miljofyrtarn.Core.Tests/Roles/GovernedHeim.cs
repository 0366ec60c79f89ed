using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime.Testing;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Roles;

/// <summary>Heim kommune governed by roles: a consultant granted, Kari assigned by the foundation, and the people of each role.</summary>
internal static class GovernedHeim
{
    public const string Consultant = "konsulent@radgiver.no";
    public const string Reader = "innsyn@heim.kommune.no";
    public const string Outsider = "miljo@naboby.kommune.no";
    public static readonly Actor Foundation = Actor.ForFoundation("tildeling@miljofyrtarn.no");

    /// <summary>The contact of a unit: its officer, as <see cref="Heim.Unit"/> names them.</summary>
    public static string ContactOf(UnitId unit) => $"{unit}@heim.kommune.no";

    /// <summary>The management user of a unit, as <see cref="Heim.Unit"/> names them.</summary>
    public static string ManagerOf(UnitId unit) => $"leder.{unit}@heim.kommune.no";

    /// <summary>Heim started, its consultant and reader granted (so governed), and Kari assigned.</summary>
    public static OrganisationLifecycle Start(FakeClock clock) =>
        HeimLifecycle_Start(clock)
            .GrantRole(Consultant, SchemeRole.Consultant, null, Coordinator)
            .GrantRole(Reader, SchemeRole.Reader, null, Coordinator)
            .AssignCertifier(Kari, Foundation);

    /// <summary>Start-up completed and headquarters certified by Kari, in the governed Heim.</summary>
    public static OrganisationLifecycle WithCertifiedHeadquarters(FakeClock clock)
    {
        var lifecycle = Start(clock).CompleteStartUp(new NodaTime.LocalDate(2024, 1, 20), Coordinator);
        SetDate(clock, 2024, 3, 1);
        return Certify(lifecycle, Heim.Raadhuset, "MFT-HK-1");
    }

    private static OrganisationLifecycle HeimLifecycle_Start(FakeClock clock) => Lifecycle.HeimLifecycle.Start(clock);
}
