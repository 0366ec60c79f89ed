using System.Collections.Immutable;
using Miljofyrtarn.Core;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Miljofyrtarn.AspNetCore.Tests.Notifications;

/// <summary>
/// Heim kommune for the notification tests, and hosts that send its notifications: each host a service provider of its
/// own (as a second server would be) over one PostgreSQL schema, with the dispatcher driven by the test, day by day.
/// </summary>
internal static class NotificationHosts
{
    public const string Stream = "964123454";
    public const string Coordinator = "miljo@heim.kommune.no";
    public const string Mayor = "ordforer@heim.kommune.no";
    public const string Contact = "styrer@solsikken.heim.kommune.no";
    public const string Leader = "leder@solsikken.heim.kommune.no";
    public static readonly UnitId Raadhuset = new("raadhuset");
    public static readonly UnitId Solsikken = new("solsikken");
    public static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    /// <summary>Town hall and kindergarten certified on 16 June 2025 (valid to 16 June 2028), with evidence at the kindergarten valid through 31 October 2027.</summary>
    public static OrganisationLifecycle Heim(FakeClock clock)
    {
        var catalog = CriteriaCatalog.LoadDefault();
        var headquarters = new UnitDefinition(Raadhuset, "Rådhuset")
        {
            Address = "Rådhusplassen 1, 9999 Heim",
            FullTimeEquivalents = 120m,
            MainSetId = "felles-kommune-2023",
            Answers = catalog.Questions.ToImmutableDictionary(q => q.Id, _ => false),
            Officer = new Person(Coordinator, "Miljøkoordinatoren"),
            Management = [new Person(Mayor, "Ordføreren")],
        };
        var kindergarten = new UnitDefinition(Solsikken, "Solsikken barnehage")
        {
            Address = "Solsikkevegen 1, 9999 Heim",
            FullTimeEquivalents = 20m,
            SetIds = ["barnehage"],
            MainSetId = "barnehage",
            Answers = catalog.Questions.ToImmutableDictionary(q => q.Id, _ => false),
            Officer = new Person(Contact, "Styreren"),
            Management = [new Person(Leader, "Lederen")],
        };
        var heim = OrganisationLifecycle.Start(catalog, "Heim kommune", OrganisationKind.Municipality, OrganisationNumber.Parse(Stream), headquarters, Coordinator, clock, Rules)
            .AddUnit(kindergarten, Coordinator)
            .CompleteStartUp(new LocalDate(2025, 1, 20), Coordinator);
        clock.Reset(new LocalDateTime(2025, 6, 16, 9, 0).InZoneStrictly(Oslo).ToInstant());
        foreach (var (unit, manager) in new[] { (Raadhuset, Mayor), (Solsikken, Leader) })
        {
            heim = heim.OpenMapping(unit, Coordinator);
            foreach (var criterion in heim.Organisation.Resolve(unit).Criteria.Where(c => c.FulfilledBy == ResponsibleParty.Unit))
            {
                heim = heim.RecordAssessment(unit, criterion.Criterion.Id, FulfilmentStatus.Fulfilled, Coordinator);
            }

            heim = heim.Deliver(unit, manager).Certify(unit, new Certifier("kari@certnor.no", "Kari Sertifisør", OrganisationNumber.Parse("974760673")), $"MFT-{unit.Value}");
        }

        var evidenced = heim.Organisation.Resolve(Solsikken).Criteria.First(c => c.FulfilledBy == ResponsibleParty.Unit).Criterion.Id;
        return heim.RecordAssessment(Solsikken, evidenced, FulfilmentStatus.Fulfilled, Coordinator,
            evidence: [new EvidenceReference("avfallsavtale-2025.pdf", validUntil: new LocalDate(2027, 10, 31))]);
    }

    /// <summary>The rules the hosts run: follow-up audits from 2026.</summary>
    public static SchemeRuleBook Rules { get; } = new([SchemeRules.Default, SchemeRules.Default with { EffectiveFrom = new LocalDate(2026, 1, 1), RequiresFollowUpAudit = true }]);

    /// <summary>A clock at 20 January 2025, 09:00 in Oslo, moving a second per read.</summary>
    public static FakeClock Clock() => new(new LocalDateTime(2025, 1, 20, 9, 0).InZoneStrictly(Oslo).ToInstant()) { AutoAdvance = Duration.FromSeconds(1) };

    /// <summary>Sets the clock to a day's run time, 06:00 in Oslo.</summary>
    public static void RunTime(FakeClock clock, LocalDate day) => clock.Reset(day.At(new LocalTime(6, 0)).InZoneStrictly(Oslo).ToInstant());

    /// <summary>A host: the library over the schema, notifications on, the SMTP server given, the coordinator reading Nynorsk and the kindergarten's contact English.</summary>
    public static ServiceProvider Host(string schema, IClock clock, string name, SmtpServer smtp, Action<IServiceCollection>? services = null, int? port = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services?.Invoke(collection);
        AddHeimNotifications(collection, schema, clock, name, smtp, runDaily: false, port);
        return collection.BuildServiceProvider();
    }

    /// <summary>The library with notifications, as <see cref="Host"/> and a generic host register it.</summary>
    public static void AddHeimNotifications(IServiceCollection services, string schema, IClock clock, string name, SmtpServer smtp, bool runDaily, int? port = null)
    {
        services.AddSingleton(clock);
        services.AddMiljofyrtarn(o =>
            {
                o.RequiresFollowUpAudit = true;
                o.FollowUpAuditsFrom = "2026-01-01";
            })
            .AddPostgresEventStore(PostgresServer.ConnectionString, schema)
            .AddNotifications(o =>
            {
                o.RunDaily = runDaily;
                o.HostName = name;
                o.Smtp = new SmtpSenderOptions { Host = "127.0.0.1", Port = port ?? smtp.Port, Security = SmtpSecurity.None, From = smtp.Sender };
                o.Languages[Coordinator] = "nn";
                o.Languages[Contact] = "en";
            });
    }

    /// <summary>Saves Heim through a host's repository; with <paramref name="townHallReported"/>, after the town hall submitted its report for 2026 on 10 March 2027, so only the kindergarten's is overdue on 2 April.</summary>
    public static async Task SaveHeimAsync(ServiceProvider host, FakeClock clock, bool townHallReported = false)
    {
        var heim = Heim(clock);
        if (townHallReported)
        {
            RunTime(clock, new LocalDate(2027, 3, 10));
            heim = heim.SubmitAnnualReport(Raadhuset, 2026, Coordinator);
        }

        await host.GetRequiredService<LifecycleRepository>().SaveAsync(heim, 0);
    }
}
