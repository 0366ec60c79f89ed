using Miljofyrtarn.AspNetCore;
using Miljofyrtarn.Sample.Web.Components;
using Miljofyrtarn.Sample.Web.Dashboard;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NodaTime;

// The coordinator's dashboard. Storage: SQLite in a file next to the app by default (Dashboard:Database to move it), or
// PostgreSQL when a connection string is given (ConnectionStrings:Miljofyrtarn or --postgres "Host=…").
var builder = WebApplication.CreateBuilder(args);
var settings = DashboardSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(settings);
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
app.MapMiljofyrtarn("/api", options => options.ResolveActor = http => Ui.ActorOf(http, settings));
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
