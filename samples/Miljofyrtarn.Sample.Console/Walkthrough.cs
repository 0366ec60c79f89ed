using System.ComponentModel;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Schedule;
using NodaTime;
using Spectre.Console;
using static Miljofyrtarn.Sample.Console.Render;

namespace Miljofyrtarn.Sample.Console;

[Description("Walk through Heim kommune on the embedded catalog, with simulated time")]
internal sealed class WalkthroughCommand : SampleCommand<LanguageSettings>
{
    protected override Task<int> RunAsync(LanguageSettings settings, CancellationToken cancellationToken)
    {
        var language = settings.Language;
        var catalog = CriteriaCatalog.LoadDefault();
        var clock = new SimulatedClock(Instant.FromUtc(2024, 1, 15, 8, 0));
        var story = new Story(clock, language);
        var raadhuset = HeimScenario.Raadhuset;
        var mayor = HeimScenario.Mayor;
        AnsiConsole.MarkupLine($"[bold]Miljøfyrtårn – {Markup.Escape(catalog.Title.Get(language))}[/] ({Markup.Escape(catalog.Version)})");

        story.Phase(T(language, "1. Oppstart", "1. Oppstart", "1. Start-up"));
        var heim = HeimScenario.Start(catalog, clock);
        story.Step(T(language, "Heim kommune melder seg på med Rådhuset som hovedkontor og fire enheter.", "Heim kommune melder seg på med Rådhuset som hovudkontor og fire einingar.", "Heim kommune signs up with Rådhuset as headquarters and four units."));
        Status(heim, language, story.AsOf(T(language, "Enhetene", "Einingane", "The units")));
        Actions(heim, HeimScenario.Units[0].Id, language, story.AsOf(heim.Organisation.GetUnit(HeimScenario.Units[0].Id).Name + T(language, ": hva kan gjøres nå", ": kva kan gjerast no", ": what can be done now")));
        clock.Set(2024, 1, 20);
        heim = heim.CompleteStartUp(new LocalDate(2024, 1, 20), HeimScenario.Coordinator);
        story.Step(T(language, "Oppstartslisten er sendt; oppstarten er fullført.", "Oppstartslista er send; oppstarten er fullført.", "The start-up list is sent; the start-up is complete."));

        clock.Set(2024, 2, 1);
        story.Phase(T(language, "2. Tiltak og kriterier: Rådhuset", "2. Tiltak og kriterium: Rådhuset", "2. Measures and criteria: the town hall"));
        heim = HeimScenario.FulfilSome(heim.OpenMapping(raadhuset, HeimScenario.Coordinator), raadhuset, 12);
        story.Step(T(language, "Rådhuset åpner miljøkartleggingen og oppfyller de første tolv kriteriene.", "Rådhuset opnar miljøkartlegginga og oppfyller dei første tolv kriteria.", "Rådhuset opens its environmental mapping and fulfils the first twelve criteria."));
        Readiness(heim, raadhuset, language, story.AsOf(T(language, "Rådhuset: skal-krav oppfylt", "Rådhuset: skal-krav oppfylt", "Rådhuset: must-criteria fulfilled")));
        Actions(heim, raadhuset, language, story.AsOf(T(language, "Rådhuset: hva kan gjøres nå", "Rådhuset: kva kan gjerast no", "Rådhuset: what can be done now")));
        clock.Set(2024, 3, 1);
        heim = HeimScenario.FulfilAll(heim, raadhuset).Deliver(raadhuset, mayor.Id);
        story.Step(T(language, $"Levering: Rådhuset har oppfylt alle skal-krav, og {mayor.Name.ToLowerInvariant()} leverer kartleggingen til sertifisøren.",
            $"Levering: Rådhuset har oppfylt alle skal-krav, og {mayor.Name.ToLowerInvariant()} leverer kartlegginga til sertifisøren.",
            "Delivery: Rådhuset has fulfilled every must-criterion, and the mayor delivers its mapping to the certifier."));
        heim = heim.Certify(raadhuset, HeimScenario.Certifier, "MFT-2024-001");
        var certificate = heim.GetUnitLifecycle(raadhuset).CurrentCertificate!;
        story.Step(T(language, $"Sertifisering: {HeimScenario.Certifier.Name} sertifiserer Rådhuset, sertifikat {certificate.Number}, gyldig til {Dates.FormatLong(certificate.ValidTo, language)}.",
            $"Sertifisering: {HeimScenario.Certifier.Name} sertifiserer Rådhuset, sertifikat {certificate.Number}, gyldig til {Dates.FormatLong(certificate.ValidTo, language)}.",
            $"Certification: {HeimScenario.Certifier.Name} certifies Rådhuset, certificate {certificate.Number}, valid to {Dates.FormatLong(certificate.ValidTo, language)}."));
        Status(heim, language, story.AsOf(T(language, "Enhetene", "Einingane", "The units")));

        clock.Set(2024, 6, 3);
        story.Phase(T(language, "3. Godkjenning: enhetene", "3. Godkjenning: einingane", "3. Approval: the units"));
        for (var i = 0; i < HeimScenario.Units.Length; i++)
        {
            var id = HeimScenario.Units[i].Id;
            heim = HeimScenario.FulfilAll(heim.OpenMapping(id, HeimScenario.Coordinator), id)
                .Deliver(id, heim.Organisation.GetUnit(id).Management[0].Id)
                .Certify(id, HeimScenario.Certifier, $"MFT-2024-10{i}");
        }

        story.Step(T(language, "Hver enhet kartlegger, leverer og sertifiseres, nå som hovedkontoret er sertifisert.", "Kvar eining kartlegg, leverer og vert sertifisert, no som hovudkontoret er sertifisert.", "Each unit maps, delivers and is certified, now that headquarters is certified."));
        Status(heim, language, story.AsOf(T(language, "Enhetene", "Einingane", "The units")));

        clock.Set(2026, 3, 1);
        story.Phase(T(language, "4. Forbedring: årlig rapportering", "4. Forbetring: årleg rapportering", "4. Improvement: annual reporting"));
        Deadlines(new DeadlineSchedule(heim).DueWithin(60), language, story.AsOf(T(language, "Frister de neste 60 dagene", "Fristar dei neste 60 dagane", "Deadlines in the next 60 days")));
        heim = HeimFigures.ReportAll(heim, 2025, HeimScenario.Coordinator);
        story.Step(T(language, "Alle enheter har levert klima- og miljørapporten for 2025, med tall, mål og tiltak.", "Alle einingane har levert klima- og miljørapporten for 2025, med tal, mål og tiltak.", "Every unit has submitted its 2025 climate and environment report, with figures, goals and measures."));

        clock.Set(2026, 8, 31);
        story.Phase(T(language, "5. Resertifisering", "5. Resertifisering", "5. Recertification"));
        Actions(heim, raadhuset, language, story.AsOf(T(language, "Rådhuset: hva kan gjøres nå", "Rådhuset: kva kan gjerast no", "Rådhuset: what can be done now")));
        clock.Set(2026, 9, 1);
        heim = heim.OpenRecertification(raadhuset, HeimScenario.Coordinator).Deliver(raadhuset, mayor.Id);
        story.Step(T(language, "Levering: Rådhuset åpner resertifiseringen seks måneder før utløp og leverer.", "Levering: Rådhuset opnar resertifiseringa seks månader før utløp og leverer.", "Delivery: Rådhuset opens its recertification six months before expiry and delivers."));
        clock.Set(2026, 10, 1);
        heim = heim.Recertify(raadhuset, HeimScenario.Certifier, "MFT-2026-001");
        story.Step(T(language, "Sertifisering: Rådhuset er resertifisert, sertifikat MFT-2026-001.", "Sertifisering: Rådhuset er resertifisert, sertifikat MFT-2026-001.", "Certification: Rådhuset is recertified, certificate MFT-2026-001."));
        clock.Set(2026, 12, 3);
        foreach (var (id, _, _, _) in HeimScenario.Units)
        {
            heim = heim.OpenRecertification(id, HeimScenario.Coordinator);
        }

        story.Step(T(language, "Enhetene åpner sin resertifisering.", "Einingane opnar resertifiseringa si.", "The units open their recertification."));
        Status(heim, language, story.AsOf(T(language, "Enhetene", "Einingane", "The units")));
        foreach (var (id, _, _, _) in HeimScenario.Units)
        {
            heim = heim.Deliver(id, heim.Organisation.GetUnit(id).Management[0].Id);
        }

        clock.Set(2027, 1, 11);
        for (var i = 0; i < HeimScenario.Units.Length; i++)
        {
            heim = heim.Recertify(HeimScenario.Units[i].Id, HeimScenario.Certifier, $"MFT-2027-10{i}");
        }

        story.Step(T(language, "Enhetene er resertifisert.", "Einingane er resertifiserte.", "The units are recertified."));
        Status(heim, language, story.AsOf(T(language, "Enhetene", "Einingane", "The units")));
        Deadlines(new DeadlineSchedule(heim).DueWithin(400), language, story.AsOf(T(language, "Kommende frister", "Kommande fristar", "Upcoming deadlines")));

        clock.Set(2027, 3, 1);
        heim = HeimFigures.ReportAll(heim, 2026, HeimScenario.Coordinator);
        story.Step(T(language, "Alle enheter har levert rapporten for 2026.", "Alle einingane har levert rapporten for 2026.", "Every unit has submitted its report for 2026."));
        clock.Set(2028, 3, 1);
        heim = HeimFigures.ReportAll(heim, 2027, HeimScenario.Coordinator);
        story.Step(T(language, "Alle enheter har levert rapporten for 2027; klimaregnskapet regnes ut av tallene.", "Alle einingane har levert rapporten for 2027; klimarekneskapen vert rekna ut av tala.", "Every unit has submitted its report for 2027; the climate account is computed from the figures."));
        RenderReports.Climate(heim, null, language, story.AsOf);
        return Task.FromResult(ExitCodes.Success);
    }

    /// <summary>The walkthrough's voice: every phase and step says the simulated date, and every table's caption says it too.</summary>
    private sealed class Story(SimulatedClock clock, Language language)
    {
        public void Phase(string title) => Heading($"{title} · {Dates.FormatLong(clock.Today, language)}");

        public void Step(string text) => AnsiConsole.MarkupLine($"[grey]{Dates.Format(clock.Today, language)}[/]  {Markup.Escape(text)}");

        public string AsOf(string caption) => $"{caption}, {Dates.Format(clock.Today, language)}";
    }
}
