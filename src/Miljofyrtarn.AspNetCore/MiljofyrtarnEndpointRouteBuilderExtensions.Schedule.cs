using System.Globalization;
using Miljofyrtarn.Calendar;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.AspNetCore;

public static partial class MiljofyrtarnEndpointRouteBuilderExtensions
{
    /// <summary>Deadlines and the calendar feed: by default everything due from three years back to twelve months ahead.</summary>
    private static void MapSchedule(RouteGroupBuilder group, MiljofyrtarnEndpointOptions options)
    {
        group.MapGet("/organisations/{organisation}/deadlines", (string organisation, HttpContext http, [FromServices] LifecycleRepository repository, [FromServices] DeadlineOptions deadlines, CancellationToken ct) =>
            RunAsync(http, async language =>
            {
                var lifecycle = await ReadAsync(http, options, repository, organisation, ct).ConfigureAwait(false);
                var (from, to) = Range(http, lifecycle.Today);
                var unit = http.Request.Query["unit"].FirstOrDefault() is { } id ? new UnitId(id) : (UnitId?)null;
                var kind = http.Request.Query["kind"].FirstOrDefault() is { } k ? Kind(k) : (DeadlineKind?)null;
                var list = new DeadlineSchedule(lifecycle, deadlines).Between(from, to)
                    .Where(d => (unit is null || d.Unit == unit) && (kind is null || d.Kind == kind));
                return Tagged(http, lifecycle) ?? Json(ContractViews.ToViews(list, language));
            }))
            .WithName("GetDeadlines").Produces<IReadOnlyList<DeadlineView>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/organisations/{organisation}/calendar.ics", (string organisation, HttpContext http, [FromServices] LifecycleRepository repository, [FromServices] DeadlineOptions deadlines, CancellationToken ct) =>
            RunAsync(http, async language =>
            {
                var lifecycle = await ReadAsync(http, options, repository, organisation, ct).ConfigureAwait(false);
                var (from, to) = Range(http, lifecycle.Today);
                var ics = DeadlineCalendar.Export(new DeadlineSchedule(lifecycle, deadlines), from, to, new CalendarExportOptions
                {
                    Language = language.Language,
                    CalendarName = lifecycle.Organisation.Name,
                });
                return Tagged(http, lifecycle) ?? TypedResults.Text(ics, "text/calendar; charset=utf-8");
            }))
            .WithName("GetCalendar").Produces<string>(StatusCodes.Status200OK, "text/calendar").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapReports(RouteGroupBuilder group, MiljofyrtarnEndpointOptions options)
    {
        group.MapGet("/organisations/{organisation}/units/{unit}/reports/{year:int}", (string organisation, string unit, int year, HttpContext http, [FromServices] LifecycleRepository repository, CancellationToken ct) =>
            RunAsync(http, async language =>
            {
                var lifecycle = await ReadAsync(http, options, repository, organisation, ct).ConfigureAwait(false);
                var id = new UnitId(unit);
                var report = lifecycle.ToReportView(id, year, language)
                    ?? throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.ReportNotFound, [lifecycle.Organisation.GetUnit(id).Name, year.ToString(CultureInfo.InvariantCulture)]));
                return Tagged(http, lifecycle) ?? Json(report);
            }))
            .WithName("GetAnnualReport").Produces<AnnualReportView>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/organisations/{organisation}/climate/{year:int}", (string organisation, int year, HttpContext http, [FromServices] LifecycleRepository repository, CancellationToken ct) =>
            RunAsync(http, async language =>
            {
                var lifecycle = await ReadAsync(http, options, repository, organisation, ct).ConfigureAwait(false);
                var settings = http.RequestServices.GetServices<ClimateAccountSettings>().LastOrDefault();
                return Tagged(http, lifecycle) ?? Json(lifecycle.ToClimateAccountView(year, settings?.FactorSets, settings?.LeftOut, language));
            }))
            .WithName("GetClimateAccount").Produces<ClimateAccountView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        // Every recorded version of a year's account: as submitted, then each recomputation, each labelled with its set.
        group.MapGet("/organisations/{organisation}/climate/{year:int}/versions", (string organisation, int year, HttpContext http, [FromServices] LifecycleRepository repository, CancellationToken ct) =>
            RunAsync(http, async language =>
            {
                var lifecycle = await ReadAsync(http, options, repository, organisation, ct).ConfigureAwait(false);
                var settings = http.RequestServices.GetServices<ClimateAccountSettings>().LastOrDefault();
                return Tagged(http, lifecycle) ?? Json(lifecycle.ToClimateAccountViews(year, settings?.FactorSets, settings?.LeftOut, language));
            }))
            .WithName("GetClimateAccountVersions").Produces<System.Collections.Immutable.ImmutableArray<ClimateAccountView>>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/organisations/{organisation}/climate/target", (string organisation, HttpContext http, [FromServices] LifecycleRepository repository, CancellationToken ct) =>
            RunAsync(http, async language =>
            {
                var lifecycle = await ReadAsync(http, options, repository, organisation, ct).ConfigureAwait(false);
                var settings = http.RequestServices.GetServices<ClimateAccountSettings>().LastOrDefault();
                var target = lifecycle.ToClimateTargetView(settings?.FactorSets, settings?.LeftOut)
                    ?? throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.NoClimateTarget, [lifecycle.Organisation.Name]));
                return Tagged(http, lifecycle) ?? Json(target);
            }))
            .WithName("GetClimateTarget").Produces<ClimateTargetView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static (LocalDate From, LocalDate To) Range(HttpContext http, LocalDate today) =>
        (DateQuery(http, "from") ?? today.PlusYears(-3), DateQuery(http, "to") ?? today.PlusMonths(12));

    private static LocalDate? DateQuery(HttpContext http, string name)
    {
        var text = http.Request.Query[name].FirstOrDefault();
        if (text is null)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.InvalidValue, [text, "yyyy-MM-dd"], name));
    }

    private static DeadlineKind Kind(string text) =>
        Enum.GetValues<DeadlineKind>().FirstOrDefault(k => string.Equals(k.ToString(), text, StringComparison.OrdinalIgnoreCase)) is var kind
        && string.Equals(kind.ToString(), text, StringComparison.OrdinalIgnoreCase)
            ? kind
            : throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.InvalidValue, [text, string.Join(", ", Enum.GetNames<DeadlineKind>())], "kind"));
}
