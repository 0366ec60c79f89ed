using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Core.Tests.Lifecycle;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Diagnostics;

/// <summary>
/// Every public entry point that takes a date, an instant, a year, a count or an ID, called with generated extreme
/// values: it either succeeds or refuses with a coded <see cref="MiljofyrtarnException"/>, and the object it was called
/// on is unchanged. Nothing else (overflow, NodaTime's range errors, null references) may escape.
/// </summary>
public class ExtremeValueProperties
{
    private static readonly Gen<LocalDate> Dates = Gen.OneOf(
        Gen.Elements(LocalDate.MinIsoValue, LocalDate.MaxIsoValue, new LocalDate(1899, 12, 31), new LocalDate(1900, 1, 1), new LocalDate(2200, 12, 31), new LocalDate(2201, 1, 1), new LocalDate(9999, 12, 31), new LocalDate(2024, 2, 29)),
        Gen.Choose(-9998, 9999).SelectMany(y => Gen.Choose(1, 365).Select(d => new LocalDate(y, 1, 1).PlusDays(d - 1))));

    private static readonly Gen<Instant> Instants = Gen.OneOf(
        Gen.Elements(Instant.MinValue, Instant.MaxValue, Instant.FromUtc(9999, 12, 31, 23, 30), Instant.FromUtc(1899, 12, 31, 23, 0), Instant.FromUtc(2200, 12, 31, 23, 30), Instant.FromUtc(-9998, 1, 1, 0, 0)),
        Dates.Select(d => d.AtMidnight().InUtc().ToInstant()));

    private static readonly Gen<int> Numbers = Gen.OneOf(
        Gen.Elements(int.MinValue, int.MaxValue, -1, 0, 1, 366, 367, 1582, 1583, 1899, 1900, 2199, 2200, 2201, 9999, 10_000, 99_999),
        Gen.Choose(-100_000, 100_000));

    /// <summary>Texts at and past every limit, and every kind of invalid text (issue 31): each is either stored and read back, or refused with a code.</summary>
    private static readonly string[] TextValues =
    [
        string.Empty, " ", "Solsikken", "\uD800", "a\uDC00b", "\u0007", "a\r\nb", "a\rb", "tab\there", "😀",
        new('ø', Limits.NameLength), new('ø', Limits.NameLength + 1), new('<', Limits.TextLength), new('<', Limits.TextLength + 1),
        new('a', Limits.PersonIdLength + 1), new('x', 70_000),
    ];

    private static readonly Gen<string> Texts = Gen.Elements(TextValues);

    /// <summary>Figures at and past the limits, and the ones that are not numbers.</summary>
    private static readonly double[] FigureValues =
        [double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, 1e308, -1, -0.0, 0, double.Epsilon, 1, Limits.EmissionFactor, Limits.EmissionFactor * 10, Limits.Quantity, Limits.Quantity * 10];

    private static readonly Gen<double> Figures = Gen.Elements(FigureValues);

    private static readonly Gen<UnitId> Ids = Gen.Elements(default(UnitId), Heim.Raadhuset, Heim.Barnehage, new UnitId("finnes-ikke"));

    private static readonly Gen<Period> Periods = Gen.Elements(Period.FromYears(-3), Period.Zero, Period.FromDays(1), Period.FromYears(3), Period.FromYears(11), Period.FromYears(10_000), Period.FromMonths(-6), Period.FromDays(int.MaxValue));

    /// <summary>One call: its name and what it does with the generated values.</summary>
    public sealed record Call(string Name, Func<Values, object?> Invoke)
    {
        public override string ToString() => Name;
    }

    /// <summary>The generated values a call draws from.</summary>
    public sealed record Values(LocalDate A, LocalDate B, Instant At, int N, long L, UnitId Id, Period Period, string Text = "", double D = 0)
    {
        public override string ToString() =>
            $"A={A:uuuu-MM-dd} B={B:uuuu-MM-dd} At={At} N={N} L={L} Id='{Id}' Period={Period} Text=({Text.Length} chars, starting {string.Concat(Text.Take(8).Select(c => $"U+{(int)c:X4}"))}) D={D:R}";
    }

    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();
    private static readonly OrganisationLifecycle Certified = HeimLifecycle.WithCertifiedHeadquarters(HeimLifecycle.Clock());
    private static readonly SchemeRuleBook Rules = SchemeRuleBook.Default;
    private static readonly IHolidayCalendar Holidays = NorwegianHolidayCalendar.Instance;

    /// <summary>The lifecycle of Heim with its clock moved to the generated instant (the lifecycle itself is immutable).</summary>
    private static OrganisationLifecycle At(Values v) =>
        OrganisationLifecycle.Replay(Catalog, Certified.History, new FakeClock(v.At));

    private static readonly ImmutableArray<Call> Calls =
    [
        new("SchemeRuleBook.DateOf", v => Rules.DateOf(v.At)),
        new("SchemeRuleBook.EndOfDay", v => Rules.EndOfDay(v.A)),
        new("SchemeRuleBook.Adjust", v => Rules.Adjust(v.A)),
        new("SchemeRuleBook.AnnualReportDue", v => Rules.AnnualReportDue(v.N)),
        new("SchemeRuleBook.NominalAnnualReportDue", v => Rules.NominalAnnualReportDue(v.N)),
        new("SchemeRuleBook.On", v => Rules.On(v.A)),
        new("SchemeRuleBook(validity)", v => SchemeRuleBook.Of(SchemeRules.Default with { CertificateValidity = v.Period })),
        new("SchemeRuleBook(opens before)", v => SchemeRuleBook.Of(SchemeRules.Default with { RecertificationOpensBefore = v.Period, EffectiveFrom = v.A })),
        new("SchemeRuleBook(null)", _ => new SchemeRuleBook([SchemeRules.Default, null!])),
        new("NorwegianHolidayCalendar.IsDayOff", v => Holidays.IsDayOff(v.A)),
        new("NorwegianHolidayCalendar.IsPublicHoliday", v => NorwegianHolidayCalendar.Instance.IsPublicHoliday(v.A)),
        new("NorwegianHolidayCalendar.GetHolidays", v => Holidays.GetHolidays(v.N)),
        new("NorwegianHolidayCalendar.EasterSundayOf", v => NorwegianHolidayCalendar.EasterSundayOf(v.N)),
        new("WorkingDays.AddWorkingDays", v => Holidays.AddWorkingDays(v.A, v.N)),
        new("WorkingDays.NextWorkingDay", v => Holidays.NextWorkingDay(v.A)),
        new("WorkingDays.OnOrNextWorkingDay", v => Holidays.OnOrNextWorkingDay(v.A)),
        new("WorkingDays.WorkingDaysBetween", v => Holidays.WorkingDaysBetween(v.A, v.B)),
        new("DeadlineSchedule.Between", v => new DeadlineSchedule(At(v)).Between(v.A, v.B)),
        new("DeadlineSchedule.DueWithin", v => new DeadlineSchedule(At(v)).DueWithin(v.N)),
        new("DeadlineSchedule.Overdue", v => new DeadlineSchedule(At(v)).Overdue()),
        new("DeadlineSchedule.Next", v => new DeadlineSchedule(At(v)).Next()),
        new("DeadlineOptions.ReminderOffsets", v => DeadlineOptions.Default with { ReminderOffsets = [v.N] }),
        new("DeadlineOptions.DueSoonDays", v => DeadlineOptions.Default with { DueSoonDays = v.N }),
        new("OrganisationLifecycle.Start", v => OrganisationLifecycle.Start(Catalog, "Heim", OrganisationKind.Municipality, Heim.Number, Heim.Headquarters(), HeimLifecycle.Coordinator, new FakeClock(v.At))),
        new("OrganisationLifecycle.Start(blank actor)", v => OrganisationLifecycle.Start(Catalog, "Heim", OrganisationKind.Municipality, Heim.Number, Heim.Headquarters(), v.N % 2 == 0 ? string.Empty : " ", new FakeClock(v.At))),
        new("OrganisationLifecycle.Start(default number)", v => OrganisationLifecycle.Start(Catalog, "Heim", OrganisationKind.Municipality, default, Heim.Headquarters(), HeimLifecycle.Coordinator, new FakeClock(v.At))),
        new("OrganisationLifecycle.Today", v => At(v).Today),
        new("OrganisationLifecycle.CompleteStartUp", v => At(v).CompleteStartUp(v.A, HeimLifecycle.Coordinator)),
        new("OrganisationLifecycle.OpenMapping", v => At(v).OpenMapping(v.Id, HeimLifecycle.Coordinator)),
        new("OrganisationLifecycle.SubmitAnnualReport", v => At(v).SubmitAnnualReport(v.Id, v.N, HeimLifecycle.Coordinator)),
        new("OrganisationLifecycle.GrantPostponement", v => At(v).GrantPostponement(v.Id, v.N, v.A, HeimLifecycle.Coordinator)),
        new("OrganisationLifecycle.OpenRecertification", v => At(v).OpenRecertification(v.Id, HeimLifecycle.Coordinator)),
        new("OrganisationLifecycle.Recertify", v => At(v).Recertify(v.Id, HeimLifecycle.Kari, "R-1")),
        new("OrganisationLifecycle.Expire", v => At(v).Expire(v.Id)),
        new("OrganisationLifecycle.ExpireCertificates", v => At(v).ExpireCertificates(v.L)),
        new("OrganisationLifecycle.Withdraw", v => At(v).Withdraw(v.Id, "Avvik.", HeimLifecycle.Coordinator)),
        new("OrganisationLifecycle.RemoveUnit", v => At(v).RemoveUnit(v.Id, HeimLifecycle.Coordinator)),
        new("OrganisationLifecycle.Allocate", v => At(v).Allocate(v.N, ResponsibleParty.Headquarters, HeimLifecycle.Coordinator, v.L)),
        new("OrganisationLifecycle.RecordAssessment", v => At(v).RecordAssessment(v.Id, v.N, FulfilmentStatus.Fulfilled, HeimLifecycle.Coordinator)),
        new("OrganisationLifecycle.AddUnit(default id)", v => At(v).AddUnit(new UnitDefinition(v.Id, "Ny enhet"), HeimLifecycle.Coordinator)),
        new("OrganisationLifecycle.AddUnit(null arrangement)", v => At(v).AddUnit(new UnitDefinition(new UnitId("ny"), "Ny enhet") { Certificate = null! }, HeimLifecycle.Coordinator)),
        new("OrganisationLifecycle.GetActions", v => At(v).GetActions(v.Id)),
        new("OrganisationLifecycle.GetAllowedActions", v => At(v).GetAllowedActions(v.Id)),
        new("OrganisationLifecycle.GetUnitLifecycle", v => At(v).GetUnitLifecycle(v.Id)),
        new("Organisation.GetUnit", v => Certified.Organisation.GetUnit(v.Id)),
        new("Organisation.GetReadiness", v => Certified.Organisation.GetReadiness(v.Id)),
        new("Organisation.GetStatus", v => Certified.Organisation.GetStatus(v.Id, v.N)),
        new("Organisation.Resolve", v => Certified.Organisation.Resolve(v.Id)),
        new("Organisation.GetResponsibleParty", v => Certified.Organisation.GetResponsibleParty(v.N)),
        new("Certifier(default number)", _ => new Certifier("kari", "Kari", default)),
        new("HistoryJson.Write(null event)", _ => HistoryJson.Write(Catalog.Version, [Certified.History[0], null!])),
        new("HistoryJson.Write(sequence)", v => HistoryJson.Write(Catalog.Version, [Certified.History[0] with { Sequence = v.L }])),
        new("OrganisationLifecycle.Replay(sequence)", v => OrganisationLifecycle.Replay(Catalog, [Certified.History[0] with { Sequence = v.L }], new FakeClock(v.At))),
        new("InMemoryEventStore.AppendAsync", v => new InMemoryEventStore().AppendAsync("s", v.L, [Certified.History[0] with { Sequence = v.L }]).GetAwaiter().GetResult()),
        new("InMemoryEventStore.ReadAsync", v => new InMemoryEventStore().ReadAsync("s", v.L).GetAwaiter().GetResult()),
        new("EnvironmentalReport.Create", v => EnvironmentalReport.Create(IndicatorCatalog.Default, v.Id, v.N, [new IndicatorValue("strom", v.L, MeasureUnit.KilowattHour)], v.A)),
        new("EnvironmentalReport.Create(goal years)", v => EnvironmentalReport.Create(IndicatorCatalog.Default, Heim.Raadhuset, 2023, [], new LocalDate(2024, 6, 1), goals: [new ReportGoal("Mål", v.N, BaselineYear: (int)Math.Clamp(v.L, int.MinValue, int.MaxValue))])),
        new("OrganisationLifecycle.CreateReport", v => At(v).CreateReport(v.Id, v.N, [new IndicatorValue("diesel", v.N, MeasureUnit.Litre)])),
        new("OrganisationLifecycle.CorrectAnnualReport", v => At(v).CorrectAnnualReport(v.Id, v.N, EnvironmentalReport.Unchecked(v.Id, v.N, "2024.1", [], [], []), "Feil.", HeimLifecycle.Coordinator)),
        new("OrganisationLifecycle.GetReports", v => At(v).GetReports(v.N)),
        new("EmissionFactorSet.Select", v => EmissionFactorSet.Select(EmissionFactorSet.Defaults, v.N, v.A)),
        new("EmissionFactorSet.Create", v => EmissionFactorSet.Create("x", "p", v.N, v.A, "NO", "AR5", "CC", "u", [])),
        new("Indicator(years)", v => new Indicator("x", IndicatorTheme.Energy, new LocalizedText("X"), MeasureUnit.Count, firstYear: v.N, lastYear: (int)Math.Clamp(v.L, int.MinValue, int.MaxValue))),
        new("Numbers.Format", v => Core.Localization.Numbers.Format(v.L * 1e300, Language.NorwegianBokmal)),

        // Texts and figures (issue 31): every way a text or a figure enters.
        new("OrganisationLifecycle.Start(name)", v => OrganisationLifecycle.Start(Catalog, v.Text, OrganisationKind.Municipality, Heim.Number, Heim.Headquarters(), HeimLifecycle.Coordinator, new FakeClock(v.At))),
        new("OrganisationLifecycle.Start(actor)", v => OrganisationLifecycle.Start(Catalog, "Heim", OrganisationKind.Municipality, Heim.Number, Heim.Headquarters(), v.Text, new FakeClock(v.At))),
        new("OrganisationLifecycle.AddUnit(name, address)", v => At(v).AddUnit(Heim.Unit(new UnitId("ny"), v.Text, "barnehage", kitchen: true) with { Address = v.Text }, HeimLifecycle.Coordinator)),
        new("OrganisationLifecycle.AddUnit(management)", v => At(v).AddUnit(Heim.Unit(new UnitId("ny"), "Ny", "barnehage", kitchen: true) with { Management = [.. Enumerable.Range(0, Math.Clamp(v.N, 0, 60)).Select(i => new Person($"leder{i}", v.Text.Length > 0 ? v.Text : "Leder"))] }, HeimLifecycle.Coordinator)),
        new("OrganisationLifecycle.RecordAssessment(comment)", v => At(v).RecordAssessment(Heim.Raadhuset, v.N, FulfilmentStatus.NotApplicable, HeimLifecycle.Coordinator, comment: v.Text, justification: v.Text)),
        new("OrganisationLifecycle.RecordAssessment(evidence)", v => At(v).RecordAssessment(Heim.Raadhuset, v.N, FulfilmentStatus.Fulfilled, HeimLifecycle.Coordinator, evidence: [new EvidenceReference(v.Text, validUntil: v.A)])),
        new("OrganisationLifecycle.RecordAssessment(actor)", v => At(v).RecordAssessment(Heim.Raadhuset, v.N, FulfilmentStatus.Fulfilled, v.Text)),
        new("OrganisationLifecycle.Withdraw(reason)", v => At(v).Withdraw(v.Id, v.Text, HeimLifecycle.Coordinator)),
        new("OrganisationLifecycle.Recertify(number)", v => At(v).Recertify(Heim.Raadhuset, HeimLifecycle.Kari, v.Text)),
        new("OrganisationLifecycle.GrantRole(person)", v => At(v).GrantRole(v.Text, SchemeRole.Reader, null, HeimLifecycle.Coordinator)),
        new("OrganisationLifecycle.CreateReport(figure)", v => At(v).CreateReport(Heim.Raadhuset, v.N, [new IndicatorValue("strom", v.D, MeasureUnit.KilowattHour)])),
        new("EnvironmentalReport.Create(figure, goal, measure)", v => EnvironmentalReport.Create(IndicatorCatalog.Default, Heim.Raadhuset, 2024, [new IndicatorValue("diesel", v.D, MeasureUnit.Litre)], new LocalDate(2025, 3, 1), goals: [new ReportGoal(v.Text, 2030, "diesel", TargetValue: v.D)], measures: [v.Text])),
        new("EmissionFactor(value)", v => new EmissionFactor("strom", MeasureUnit.KilowattHour, v.D, EmissionScope.Scope2, method: Scope2Method.LocationBased, source: v.Text)),
        new("EmissionFactorSet.Create(texts)", v => EmissionFactorSet.Create(v.Text, v.Text, 2024, new LocalDate(2025, 1, 1), "NO", "AR6", "CC-BY", v.Text, EmissionFactorSet.Defaults[0].Factors)),
        new("ClimateAccount.Compute", v => ClimateAccount.Compute(EnvironmentalReport.Unchecked(Heim.Raadhuset, 2024, "2024.1", [new IndicatorValue("strom", v.D, MeasureUnit.KilowattHour)], [], []), IndicatorCatalog.Default, EmissionFactorSet.Defaults[0])),
        new("Person", v => new Person(v.Text, v.Text)),
        new("Certifier", v => new Certifier(v.Text, v.Text, Heim.Number)),
        new("MiljofyrtarnJson.ReadCommand", v => At(v).Apply(Core.Json.MiljofyrtarnJson.ReadCommand(System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { action = "withdraw", unit = "raadhuset", reason = v.Text }))), HeimLifecycle.Coordinator)),
        new("ChainStatement.Parse", v => ChainStatement.Parse(v.Text)),
        new("HistoryJson.Read(text)", v => HistoryJson.Read(System.Text.Encoding.UTF8.GetBytes(v.Text))),
        new("InMemoryEventStore.AppendAsync(stream)", v => new InMemoryEventStore().AppendAsync(v.Text, 0, [Certified.History[0]]).GetAwaiter().GetResult()),
        new("LifecycleRepository.GetAsync(stream)", v => new LifecycleRepository(new InMemoryEventStore(), Catalog, new FakeClock(v.At)).GetAsync(v.Text).GetAwaiter().GetResult()),
    ];

    private static readonly Gen<(Call Call, Values Values)> Cases =
        from call in Gen.Elements(Calls.AsEnumerable())
        from a in Dates
        from b in Dates
        from at in Instants
        from n in Numbers
        from l in Gen.OneOf(Gen.Elements(long.MinValue, long.MaxValue, -1L, 0L, 1L, 2L), Numbers.Select(x => (long)x))
        from id in Ids
        from period in Periods
        from text in Texts
        from d in Figures
        select (call, new Values(a, b, at, n, l, id, period, text, d));

    [Property(MaxTest = 3000)]
    public Property EveryEntryPoint_SucceedsOrRefusesWithACode_AndChangesNothing() => Prop.ForAll(Cases.ToArbitrary(), @case =>
    {
        var before = LifecycleFingerprint.Of(Certified);
        string outcome;
        try
        {
            @case.Call.Invoke(@case.Values);
            outcome = "ok";
        }
        catch (MiljofyrtarnException exception)
        {
            outcome = exception.Code;
        }
        catch (Exception exception)
        {
            return false.Label($"{@case.Call.Name}({@case.Values}) threw {exception.GetType().Name}: {exception.Message}");
        }

        return (LifecycleFingerprint.Of(Certified) == before).Label($"{@case.Call.Name} → {outcome} changed the lifecycle");
    });

    [Fact]
    public void EveryCall_IsTriedWithTheBoundaryValues()
    {
        // The generator draws at random; this walks every call over the boundary values once, so none is left to chance.
        var failures = new Dictionary<string, string>();
        var dates = new[] { LocalDate.MinIsoValue, LocalDate.MaxIsoValue, new LocalDate(1900, 1, 1), new LocalDate(2200, 12, 31), new LocalDate(2026, 4, 1) };
        var numbers = new[] { int.MinValue, int.MaxValue, -1, 0, 2025, 9999 };
        var instants = new[] { Instant.MinValue, Instant.MaxValue, Instant.FromUtc(9999, 12, 31, 23, 30), Instant.FromUtc(2026, 5, 1, 8, 0) };
        foreach (var call in Calls)
        {
            // 120 combinations per call; the texts and figures go round with them, so each is tried several times.
            var combinations = dates.SelectMany(d => numbers.SelectMany(n => instants.Select(i => (d, n, i))));
            foreach (var ((date, number, instant), k) in combinations.Select((c, k) => (c, k)))
            {
                Try(call, new Values(date, dates[^1], instant, number, number, number % 2 == 0 ? default : Heim.Raadhuset, Period.FromYears(number % 20), TextValues[k % TextValues.Length], FigureValues[k % FigureValues.Length]), failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Values));
    }

    private static void Try(Call call, Values values, Dictionary<string, string> failures)
    {
        try
        {
            call.Invoke(values);
        }
        catch (MiljofyrtarnException)
        {
        }
        catch (Exception exception)
        {
            failures.TryAdd($"{call.Name} {exception.GetType().Name}", $"{call.Name}({values}): {exception.GetType().Name}: {exception.Message}");
        }
    }
}
