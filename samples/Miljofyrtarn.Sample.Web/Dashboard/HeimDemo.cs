using Miljofyrtarn.Core;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Core.Storage;

namespace Miljofyrtarn.Sample.Web.Dashboard;

/// <summary>
/// Heim kommune, the rulebook's example, as it stands on its first day: the town hall (Rådhuset) as headquarters and four
/// units, nothing assessed yet. Everything after that is done through the pages.
/// </summary>
public static class HeimDemo
{
    /// <summary>Heim's organisation number.</summary>
    public const string Number = "964123454";

    /// <summary>The coordinator, who acts unless someone else is chosen.</summary>
    public const string Coordinator = "miljo@heim.kommune.no";

    /// <summary>The mayor, who signs the town hall's delivery.</summary>
    public const string Mayor = "ordforer@heim.kommune.no";

    /// <summary>The certifier the foundation assigns to Heim: the only one who may certify it.</summary>
    public static readonly Certifier Kari = new("kari@certnor.no", "Kari Sertifisør", OrganisationNumber.Parse("974760673"));

    /// <summary>Someone who acts for Stiftelsen Miljøfyrtårn: assigns the certifier, grants postponements.</summary>
    public const string Foundation = "tildeling@miljofyrtarn.no";

    /// <summary>The demo's people who may sign in: everyone its units name, the certifier and the foundation.</summary>
    public static IEnumerable<(string Id, string Name)> Guests => [(Kari.Id, Kari.Name), (Foundation, "Stiftelsen Miljøfyrtårn")];

    private static readonly (string Id, string Name, string? Set, bool Kitchen)[] Units =
    [
        ("solsikken", "Solsikken barnehage", "barnehage", true),
        ("heim-skole", "Heim skole", "grunnskole-sfo", false),
        ("heimtun", "Heimtun sykehjem", "sykehjem", true),
        ("hjemmetjenesten", "Hjemmetjenesten", "hjemmebaserte-tjenester", false),
    ];

    /// <summary>Creates Heim with its five units.</summary>
    /// <param name="repository">Where to keep it.</param>
    /// <param name="actor">Who creates it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when Heim is stored.</returns>
    public static async Task CreateAsync(LifecycleRepository repository, string actor, CancellationToken cancellationToken)
    {
        var questions = repository.Catalog.Questions.Select(q => q.Id).ToArray();
        var townHall = Unit(questions, "raadhuset", "Rådhuset", null, kitchen: false) with
        {
            MainSet = "felles-kommune-2023",
            FullTimeEquivalents = 120,
            Municipality = "4601",
            Management = [new PersonInput(Mayor, "Ordføreren")],
            Officer = new PersonInput(Coordinator, "Miljøkoordinatoren"),
        };
        await repository.CreateAsync(new StartOrganisationCommand("Heim kommune", OrganisationKind.Municipality, Number, townHall), actor, cancellationToken).ConfigureAwait(false);
        foreach (var (id, name, set, kitchen) in Units)
        {
            await repository.ExecuteAsync(Number, new AddUnitCommand(Unit(questions, id, name, set, kitchen)), actor, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        // Heim's municipal plan: a low-emission municipality by 2050, −55 % by 2030, counted from its first full year's account.
        await repository.ExecuteAsync(Number, new SetClimateTargetCommand(2025, Scope2Method.LocationBased, [new TargetMilestone(2030, 55), new TargetMilestone(2050, 95)]), actor, cancellationToken: cancellationToken).ConfigureAwait(false);

        // The foundation assigns Heim's certifier: from now on roles govern Heim, and only Kari certifies it.
        var heim = await repository.GetAsync(Number, cancellationToken).ConfigureAwait(false);
        await repository.SaveAsync(heim.AssignCertifier(Kari, Actor.ForFoundation(Foundation)), heim.Version, cancellationToken).ConfigureAwait(false);
    }

    private static UnitInput Unit(string[] questions, string id, string name, string? set, bool kitchen) => new(new UnitId(id), name)
    {
        Address = $"{name}, 9999 Heim",
        FullTimeEquivalents = 25,
        Sets = set is null ? [] : [set],
        MainSet = set,
        Answers = questions.ToDictionary(q => q, q => q switch { "kitchen" => kitchen, "buildings" => true, _ => false }),
        Officer = new PersonInput($"miljo.{id}@heim.kommune.no", $"Miljøfyrtårnansvarlig, {name}"),
        Management = [new PersonInput($"leder.{id}@heim.kommune.no", $"Leder, {name}")],
    };
}
