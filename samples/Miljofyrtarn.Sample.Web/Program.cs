using Miljofyrtarn.AspNetCore;
using Miljofyrtarn.Calendar;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Sample.Web.Components;
using Miljofyrtarn.Sample.Web.Dashboard;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NodaTime;

// The coordinator's dashboard. Storage: SQLite in a file next to the app by default (Dashboard:Database to move it), or
// PostgreSQL when a connection string is given (ConnectionStrings:Miljofyrtarn or --postgres "Host=…").
var builder = WebApplication.CreateBuilder(args);
var settings = DashboardSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton<EnterpriseLists>();
if (settings.Today is { } today)
{
    // "Pretend today is": the demo can be replayed at any date (the browser tests use it to let a year end).
    builder.Services.AddSingleton<IClock>(new StartingClock(today, SystemClock.Instance));
}

var miljofyrtarn = builder.Services.AddMiljofyrtarn(options => options.TimeZone = "Europe/Oslo");
if (settings.PostgresConnectionString is { } postgres)
{
    miljofyrtarn.AddPostgresEventStore(postgres);
}
else
{
    miljofyrtarn.AddSqliteEventStore(settings.DatabasePath);
}

// Reminders by e-mail when an SMTP server is configured (Miljofyrtarn:Notifications:Smtp:Host, …:Port, …:From): the
// library's dispatcher sends each morning what is due to the demo's people, whose IDs are their e-mail addresses.
if (!string.IsNullOrEmpty(builder.Configuration["Miljofyrtarn:Notifications:Smtp:Host"]))
{
    miljofyrtarn.AddNotifications();
}

// Who acts is chosen in the page header and signed in with a cookie, so the JSON API under /api (closed by default)
// serves the same person. A municipality's real dashboard signs people in with its identity provider instead.
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
{
    options.Cookie.Name = "mft-auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Events.OnRedirectToLogin = context =>
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    };
});
builder.Services.AddRazorComponents();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<Ui>();
builder.Services.AddAntiforgery(options => options.Cookie.Name = "mft-antiforgery");

var app = builder.Build();
app.UseStatusCodePagesWithReExecute("/not-found");
app.Use(Ui.RememberLanguage);
app.UseAntiforgery();
app.MapGet("/site.css", SiteStyle.Serve);
app.MapPost("/acting-as", Ui.ChooseActor);
app.MapPost("/sign-out", Ui.SignOut);
app.MapMiljofyrtarn("/api"); // closed: the signed-in dashboard user, a member of the demo's organisation

// The deadlines as a calendar feed. A calendar app cannot sign in, so the demo serves the feed as it serves its pages;
// a municipality's dashboard would hand each person a secret link instead.
app.MapGet("/calendar/{organisation}.ics", async (string organisation, HttpContext http, LifecycleRepository repository, DeadlineOptions deadlines, CancellationToken ct) =>
{
    var lifecycle = await repository.GetAsync(organisation, ct);
    var language = Ui.LanguageOf(http);
    var ics = DeadlineCalendar.Export(new DeadlineSchedule(lifecycle, deadlines), lifecycle.Today.PlusYears(-3), lifecycle.Today.PlusMonths(12), new CalendarExportOptions
    {
        Language = language,
        CalendarName = lifecycle.Organisation.Name,
    });
    return Results.Text(ics, "text/calendar; charset=utf-8");
});
app.MapHealthChecks("/health");
app.MapRazorComponents<App>();

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
    {
        Console.WriteLine($"Miljøfyrtårn dashboard: {address}/");
    }

    Console.WriteLine($"Store: {settings.StoreDescription}");
});
app.Run();
