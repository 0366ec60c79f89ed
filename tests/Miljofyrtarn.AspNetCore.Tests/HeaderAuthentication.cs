using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>
/// The tests' sign-in: <c>X-Test-User</c> names the signed-in user (their <c>sub</c>), <c>X-Test-Organisations</c> the
/// organisation numbers their claims name (Heim's when the header is absent: the tests' people work there), and
/// <c>X-Test-Roles</c> their roles (for example the foundation's), <c>X-Test-Role-Claims</c> their roles in organisations
/// (<c>964123454:consultant</c>). No header: anonymous.
/// </summary>
internal sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers["X-Test-User"].FirstOrDefault() is not { Length: > 0 } user)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new("sub", user), new(ClaimTypes.Name, user) };
        var organisations = Request.Headers["X-Test-Organisations"].FirstOrDefault() ?? TestApi.Number;
        claims.AddRange(organisations.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(o => new Claim("miljofyrtarn:organisation", o)));
        claims.AddRange((Request.Headers["X-Test-Roles"].FirstOrDefault() ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange((Request.Headers["X-Test-Role-Claims"].FirstOrDefault() ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => new Claim("miljofyrtarn:role", r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = SchemeName;
        return Task.CompletedTask;
    }
}
