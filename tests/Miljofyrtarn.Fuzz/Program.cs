using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Json;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Fuzz;
using NodaTime;

// Mutation fuzzing of the catalog, snapshot, history, indicator-catalog, factor-set and command readers. Each outcome is classified:
// accepted (then writing and re-reading must be stable, and a history must replay or be refused with a code),
// refused with a code, or a defect (anything else), saved as a reproducer. Exit code 1 when a defect was found.
//   --seconds N   time per reader (default 60)
//   --seed S      the fixed seed; a random seed runs after it and is printed (default 20261126)
//   --out DIR     where reproducers go (default artifacts/fuzz)
//   --store-seconds N  time for the SQLite store target (default 20): overwritten bytes and values of the wrong type
var seconds = 60.0;
var storeSeconds = 20.0;
var fixedSeed = 20261126;
var output = Path.Combine("artifacts", "fuzz");
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--seconds": seconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seed": fixedSeed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--out": output = args[i + 1]; break;
        case "--store-seconds": storeSeconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

var catalog = CriteriaCatalog.LoadDefault();
var clock = NodaTime.Testing.FakeClock.FromUtc(2026, 3, 11);
var seeds = Path.Combine(AppContext.BaseDirectory, "Seeds");
var historyV1 = File.ReadAllBytes(Path.Combine(seeds, "history.v1.json"));
var history = HistoryJson.Read(historyV1, new InterchangeOptions { AllowUnverifiedHistory = true });
var replayed = OrganisationLifecycle.Replay(catalog, history.Events, clock);
var reported = WithReport(replayed);
byte[] Command(LifecycleCommand command) => JsonSerializer.SerializeToUtf8Bytes(command, MiljofyrtarnJson.GetTypeInfo<LifecycleCommand>());
var hk = reported.Organisation.Headquarters.Id;
byte[][] commandSeeds =
[
    Command(new RecordAssessmentCommand(hk, 1871, FulfilmentStatus.NotApplicable, "kommentar", "begrunnelse", [new EvidenceInput("https://heim.kommune.no/x", null, new LocalDate(2027, 1, 1))])),
    Command(new AddUnitCommand(new UnitInput(new UnitId("ny"), "Ny", "Veien 1", 12.5m, ["barnehage"], "barnehage", new Dictionary<string, bool> { ["kitchen"] = true },
        new PersonInput("a@b.no", "A"), [new PersonInput("c@d.no", "C")], CertificateArrangementKind.CoLocated, hk))),
    Command(new CertifyCommand(hk, new CertifierInput("kari", "Kari", "974760673"), "MFT-9")),
    Command(new SubmitAnnualReportCommand(hk, 2026, new ReportInput([new IndicatorValue("strom", 1000, MeasureUnit.KilowattHour)], [new ReportGoal("Mindre", 2028, "strom", 900, 2026)], ["Tiltak"]))),
    Command(new GrantPostponementCommand(hk, 2026, new LocalDate(2027, 6, 1))),
    Command(new ExpireCertificatesCommand()),
];
var readers = new (string Name, byte[][] Seeds, Action<byte[]> Read)[]
{
    ("commands", commandSeeds, bytes =>
    {
        var command = MiljofyrtarnJson.ReadCommand(bytes);
        Stable(Command(command), again => Command(MiljofyrtarnJson.ReadCommand(again)));
        try
        {
            _ = reported.Apply(command, "fuzz@heim.kommune.no");
        }
        catch (MiljofyrtarnException)
        {
            // A well-formed command the lifecycle refuses: refused with a code.
        }
    }),
    ("indicators", [IndicatorCatalogJson.Write(IndicatorCatalog.Default)], bytes =>
    {
        var read = IndicatorCatalogJson.Read(bytes);
        Stable(IndicatorCatalogJson.Write(read), again => IndicatorCatalogJson.Write(IndicatorCatalogJson.Read(again)));
    }),
    ("factors", [.. EmissionFactorSet.Defaults.Select(EmissionFactorSetJson.Write)], bytes =>
    {
        var read = EmissionFactorSetJson.Read(bytes);
        Stable(EmissionFactorSetJson.Write(read), again => EmissionFactorSetJson.Write(EmissionFactorSetJson.Read(again)));
    }),
    ("catalog", [catalog.ToUtf8Json()], bytes =>
    {
        var read = CriteriaCatalog.Load(bytes);
        Stable(read.ToUtf8Json(), again => CriteriaCatalog.Load(again).ToUtf8Json());
    }),
    ("snapshot", [SnapshotJson.Write(replayed), SnapshotJson.Write(reported), File.ReadAllBytes(Path.Combine(seeds, "snapshot.v1.json"))], bytes =>
    {
        var read = SnapshotJson.Read(bytes, catalog, clock);
        Stable(SnapshotJson.Write(read), again => SnapshotJson.Write(SnapshotJson.Read(again, catalog, clock)));
        _ = read.Phase;
        foreach (var unit in read.Organisation.AllUnits)
        {
            _ = read.GetActions(unit.Id);
        }

        _ = new Miljofyrtarn.Core.Schedule.DeadlineSchedule(read).Between(new LocalDate(2020, 1, 1), new LocalDate(2035, 12, 31));
    }),
    ("history", [HistoryJson.Write(catalog.Version, history.Events), HistoryJson.Write(catalog.Version, reported.History), historyV1], bytes =>
    {
        var read = HistoryJson.Read(bytes);
        Stable(HistoryJson.Write(read.CatalogVersion, read.Events), again => { var r = HistoryJson.Read(again); return HistoryJson.Write(r.CatalogVersion, r.Events); });
        try
        {
            var lifecycle = OrganisationLifecycle.Replay(catalog, read.Events, clock);
            Stable(SnapshotJson.Write(lifecycle), again => SnapshotJson.Write(SnapshotJson.Read(again, catalog, clock)));
        }
        catch (MiljofyrtarnException)
        {
            // A history of well-formed events that the lifecycle does not allow: refused with a code.
        }
    }),
};

var randomSeed = Random.Shared.Next();
Console.WriteLine($"fuzz: {seconds:0} s per reader, seeds {fixedSeed} (fixed) and {randomSeed} (random); reproduce with --seed");
var defects = 0;
foreach (var (name, seedDocuments, read) in readers)
{
    var counts = new Dictionary<string, int>(StringComparer.Ordinal);
    var watch = Stopwatch.StartNew();
    foreach (var seed in new[] { fixedSeed, randomSeed })
    {
        var random = new Random(seed);
        var mutator = new Mutator(random);
        while (watch.Elapsed.TotalSeconds < seconds * (seed == fixedSeed ? 0.5 : 1.0))
        {
            var input = mutator.Mutate(seedDocuments[random.Next(seedDocuments.Length)]);
            string outcome;
            try
            {
                read(input);
                outcome = "accepted";
            }
            catch (MiljofyrtarnException exception)
            {
                // A refusal must be fully coded and render in every language.
                foreach (var language in new[] { Language.NorwegianBokmal, Language.NorwegianNynorsk, Language.English })
                {
                    _ = exception.GetMessage(language);
                }

                outcome = "refused " + exception.Code;
            }
            catch (Exception exception)
            {
                outcome = "DEFECT " + exception.GetType().Name;
                defects++;
                Directory.CreateDirectory(Path.Combine(output, name));
                var file = Path.Combine(output, name, $"{seed}-{counts.Values.Sum()}.json");
                File.WriteAllBytes(file, input);
                Console.WriteLine($"  {name}: {exception.GetType().Name}: {exception.Message.Split('\n')[0]} → {file}");
            }

            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }
    }

    Console.WriteLine($"{name}: {counts.Values.Sum()} inputs; " + string.Join(", ", counts.OrderByDescending(c => c.Value).Take(8).Select(c => $"{c.Key} {c.Value}")));
}

if (storeSeconds > 0)
{
    var storeTarget = new StoreFuzz(Path.Combine(Path.GetTempPath(), $"mft-store-fuzz-{Guid.NewGuid():N}"), replayed.History);
    foreach (var seed in new[] { fixedSeed, randomSeed })
    {
        var (storeCounts, storeDefects) = await storeTarget.RunAsync(seed, storeSeconds / 2);
        defects += storeDefects.Count;
        foreach (var defect in storeDefects)
        {
            Console.WriteLine($"  store (seed {seed}): {defect}");
        }

        Console.WriteLine($"store (seed {seed}): {storeCounts.Values.Sum()} mutated files; " + string.Join(", ", storeCounts.OrderByDescending(c => c.Value).Take(10).Select(c => $"{c.Key} {c.Value}")));
    }
}

Console.WriteLine(defects == 0 ? "fuzz: no defect found" : $"fuzz: {defects} defects; reproducers in {output}");
return defects == 0 ? 0 : 1;

// Writing what was accepted and reading it again gives the same document.
static void Stable(byte[] written, Func<byte[], byte[]> rewrite)
{
    var again = rewrite(written);
    if (!again.AsSpan().SequenceEqual(written))
    {
        throw new InvalidOperationException("Writing an accepted document and reading it again is not stable.");
    }
}

// A seed with an annual report's content: the first unit that can report for 2025 does, with every default figure.
static OrganisationLifecycle WithReport(OrganisationLifecycle lifecycle)
{
    IndicatorValue[] figures =
    [
        new("arsverk", 40, MeasureUnit.FullTimeEquivalent), new("oppvarmet-areal", 2_500, MeasureUnit.SquareMetre), new("sykefravaer", 5.5, MeasureUnit.Percent),
        new("avfall-sortert", 3_000, MeasureUnit.Kilogram), new("avfall-restavfall", 1_200, MeasureUnit.Kilogram, Estimated: true),
        new("strom", 250_000, MeasureUnit.KilowattHour), new("diesel", 400, MeasureUnit.Litre),
    ];
    foreach (var unit in lifecycle.Organisation.AllUnits)
    {
        try
        {
            var report = lifecycle.CreateReport(unit.Id, 2025, figures, [new ReportGoal("Mindre strøm", 2027, "strom", 230_000, 2025)], ["Varmepumpe"]);
            return lifecycle.SubmitAnnualReport(unit.Id, 2025, "fuzz@heim.kommune.no", report);
        }
        catch (MiljofyrtarnException)
        {
            // This unit cannot report for 2025; try the next.
        }
    }

    throw new InvalidOperationException("No unit of the seed history can report for 2025; the report seed would be missing.");
}
