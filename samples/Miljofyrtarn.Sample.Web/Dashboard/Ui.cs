using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Localization;
using NodaTime;

namespace Miljofyrtarn.Sample.Web.Dashboard;

/// <summary>
/// What a page needs to know about the request: the reader's language (a <c>?lang=</c> switch remembered in a cookie,
/// else the browser's <c>Accept-Language</c>, else bokmål) and who is signed in (one of the demo's people, chosen in the
/// page header and kept in a cookie; a real host signs people in with its identity provider). Also the formatting every
/// page shares.
/// </summary>
public sealed class Ui
{
    /// <summary>The cookie that remembers the language switch.</summary>
    public const string LanguageCookie = "mft-lang";

    /// <summary>Reads the request once per scope.</summary>
    /// <param name="accessor">The current request.</param>
    /// <param name="settings">The dashboard's settings.</param>
    public Ui(IHttpContextAccessor accessor, DashboardSettings settings)
    {
        var http = accessor.HttpContext;
        Language = http is null ? Language.NorwegianBokmal : LanguageOf(http);
        Actor = http is null ? settings.DefaultUser : ActorOf(http, settings);
        Path = http is null ? "/" : http.Request.Path + http.Request.QueryString;
        _query = http is null ? [] : QueryHelpers.ParseQuery(http.Request.QueryString.Value);
        _path = http?.Request.Path.Value ?? "/";
    }

    private readonly Dictionary<string, StringValues> _query;
    private readonly string _path;

    /// <summary>The reader's language.</summary>
    public Language Language { get; }

    /// <summary>The same, for the library's views.</summary>
    public ContractLanguage Contract => Language;

    /// <summary>The <c>lang</c> attribute: <c>nb</c>, <c>nn</c> or <c>en</c>.</summary>
    public string Tag => Language.ToTag();

    /// <summary>Who acts: the signed-in person.</summary>
    public string Actor { get; }

    /// <summary>Who acts, as the library sees them: the demo's foundation user is vouched for as acting for the foundation.</summary>
    public Core.Lifecycle.Actor ActingAs => Actor == HeimDemo.Foundation ? Core.Lifecycle.Actor.ForFoundation(Actor) : new Core.Lifecycle.Actor(Actor);

    /// <summary>The page's own address, to come back to after a switch.</summary>
    public string Path { get; }

    /// <summary>This page in another language.</summary>
    /// <param name="tag">The language's tag.</param>
    /// <returns>The address.</returns>
    public string WithLanguage(string tag)
    {
        var query = new Dictionary<string, StringValues>(_query, StringComparer.Ordinal) { ["lang"] = tag };
        return _path + QueryString.Create(query);
    }

    /// <summary>The text in the reader's language.</summary>
    /// <param name="bokmal">Bokmål.</param>
    /// <param name="nynorsk">Nynorsk.</param>
    /// <param name="english">English.</param>
    /// <returns>One of them.</returns>
    public string T(string bokmal, string nynorsk, string english) => Text.Of(Language, bokmal, nynorsk, english);

    /// <summary>A date as the reader expects it: <c>01.03.2027</c> in nb and nn.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    public string Date(LocalDate date) => Dates.Format(date, Language);

    /// <summary>A number as the reader expects it (decimal comma, thin-space thousands in nb and nn).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public string Number(double value) => Numbers.Format(value, Language);

    /// <summary>The language of a request.</summary>
    /// <param name="http">The request.</param>
    /// <returns>The language.</returns>
    public static Language LanguageOf(HttpContext http)
    {
        if (LanguageExtensions.TryParseTag(http.Request.Query["lang"].FirstOrDefault(), out var chosen)
            || LanguageExtensions.TryParseTag(http.Request.Cookies[LanguageCookie], out chosen))
        {
            return chosen;
        }

        return LanguageExtensions.FromAcceptLanguage(http.Request.Headers.AcceptLanguage.ToString());
    }

    /// <summary>Remembers a <c>?lang=</c> switch in a cookie, so the next pages keep the language.</summary>
    /// <param name="http">The request.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <returns>The rest of the pipeline's task.</returns>
    public static Task RememberLanguage(HttpContext http, RequestDelegate next)
    {
        if (LanguageExtensions.TryParseTag(http.Request.Query["lang"].FirstOrDefault(), out var chosen))
        {
            http.Response.Cookies.Append(LanguageCookie, chosen.ToTag(), Cookie);
        }

        return next(http);
    }

    /// <summary>Sets who acts (the header's form) and goes back to the page it came from.</summary>
    /// <param name="http">The request.</param>
    /// <param name="actor">The person's id.</param>
    /// <param name="returnUrl">The page to go back to; only a local path is followed.</param>
    /// <returns>A redirect.</returns>
    public static async Task<IResult> ChooseActor(HttpContext http, [Microsoft.AspNetCore.Mvc.FromForm] string? actor, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl)
    {
        if (actor is { Length: > 0 and <= 200 })
        {
            // The pages and the JSON API serve the same person: signed in as a member of the demo's organisation.
            await SignInAsync(http, actor);
        }

        return Results.LocalRedirect(returnUrl is ['/', not '/' and not '\\', ..] or "/" ? returnUrl : "/");
    }

    private static CookieOptions Cookie => new() { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/", MaxAge = TimeSpan.FromDays(365), IsEssential = true };

    /// <summary>Who acts in a request: the person chosen in the header, else the configured user.</summary>
    /// <param name="http">The request.</param>
    /// <param name="settings">The dashboard's settings.</param>
    /// <returns>The actor's id.</returns>
    public static string ActorOf(HttpContext http, DashboardSettings settings) =>
        http.User.FindFirst("sub")?.Value is { Length: > 0 and <= 200 } signedIn ? signedIn : string.Empty;

    /// <summary>Whether someone is signed in; a visitor who is not reads the pages and changes nothing.</summary>
    public bool IsSignedIn => Actor.Length > 0;

    /// <summary>Signs a person in with the cookie, as a member of the demo's organisation.</summary>
    /// <param name="http">The request.</param>
    /// <param name="actor">The person's ID.</param>
    /// <returns>A task that completes when the cookie is set.</returns>
    public static Task SignInAsync(HttpContext http, string actor)
    {
        var identity = new System.Security.Claims.ClaimsIdentity(
            [new("sub", actor), new("miljofyrtarn:organisation", HeimDemo.Number)],
            Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme);
        return Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignInAsync(http, new System.Security.Claims.ClaimsPrincipal(identity));
    }

    /// <summary>Signs out, and goes to the start page.</summary>
    /// <param name="http">The request.</param>
    /// <returns>A task that completes with the redirect.</returns>
    public static async Task SignOut(HttpContext http)
    {
        await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(http);
        http.Response.Redirect("/");
    }
}

/// <summary>The dashboard's own texts, in three languages side by side.</summary>
public static class Text
{
    /// <summary>The text in a language.</summary>
    /// <param name="language">The language.</param>
    /// <param name="bokmal">Bokmål.</param>
    /// <param name="nynorsk">Nynorsk.</param>
    /// <param name="english">English.</param>
    /// <returns>One of them.</returns>
    public static string Of(Language language, string bokmal, string nynorsk, string english) => language switch
    {
        Language.NorwegianNynorsk => nynorsk,
        Language.English => english,
        _ => bokmal,
    };
}
