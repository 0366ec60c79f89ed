using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using NodaTime;
using NodaTime.Testing;

namespace Miljofyrtarn.Testing;

/// <summary>
/// Heim kommune, the example municipality of the documentation, built through the public actions on a fake clock: for
/// tests of a store, a read model or a host that need a realistic history without writing one.
/// </summary>
public static class Heim
{
    /// <summary>Heim's organisation number.</summary>
    public static OrganisationNumber Number { get; } = OrganisationNumber.Parse("964123454");

    /// <summary>The town hall, headquarters (HK).</summary>
    public static UnitId Raadhuset { get; } = Samples.CertifiedTownHall.Raadhuset;

    /// <summary>A fake clock at 08:00 UTC on a day that moves one second each time it is read, so actions keep their order.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month.</param>
    /// <param name="day">The day.</param>
    /// <returns>The clock.</returns>
    public static FakeClock Clock(int year = 2024, int month = 1, int day = 15) =>
        new(Instant.FromUtc(year, month, day, 8, 0)) { AutoAdvance = Duration.FromSeconds(1) };

    /// <summary>
    /// Heim with its town hall certified on the catalog's 2023 common criteria: started, start-up completed on 20 January
    /// 2024, every criterion the town hall fulfils itself recorded as fulfilled, delivered by the mayor and certified by an
    /// independent certifier. The same Heim as the samples' (<c>samples/Shared/CertifiedTownHall.cs</c>, compiled in here).
    /// </summary>
    /// <param name="catalog">The catalog; <see cref="CriteriaCatalog.LoadDefault"/> when null.</param>
    /// <param name="clock">The clock; <see cref="Clock"/> when null.</param>
    /// <returns>The lifecycle, its town hall certified (certificate <c>MFT-1</c>).</returns>
    public static OrganisationLifecycle CertifiedTownHall(CriteriaCatalog? catalog = null, IClock? clock = null) =>
        Samples.CertifiedTownHall.Create(catalog ?? CriteriaCatalog.LoadDefault(), clock ?? Clock());
}
