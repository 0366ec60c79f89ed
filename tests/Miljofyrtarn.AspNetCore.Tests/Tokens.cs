using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>
/// Bearer tokens as an identity provider (Entra ID, ID-porten) would issue them, signed with a key this test run creates,
/// and the settings that make <c>AddJwtBearer()</c> trust exactly that key, issuer and audience.
/// </summary>
internal static class Tokens
{
    public const string Issuer = "https://idp.test.miljofyrtarn";
    public const string Audience = "miljofyrtarn-api";

    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The configuration of the <c>Bearer</c> scheme, as command-line settings.</summary>
    public static string[] Settings =>
    [
        $"--Authentication:Schemes:Bearer:ValidIssuer={Issuer}",
        $"--Authentication:Schemes:Bearer:ValidAudiences:0={Audience}",
        $"--Authentication:Schemes:Bearer:SigningKeys:0:Issuer={Issuer}",
        $"--Authentication:Schemes:Bearer:SigningKeys:0:Value={Convert.ToBase64String(Key)}",
    ];

    /// <summary>A token for a person: their subject, the organisation their claims name, and their roles.</summary>
    public static string For(string subject, string? organisation = null, params string[] roles)
    {
        var claims = new List<Claim> { new("sub", subject) };
        if (organisation is not null)
        {
            claims.Add(new Claim("miljofyrtarn:organisation", organisation));
        }

        claims.AddRange(roles.Select(r => new Claim("role", r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Key), SecurityAlgorithms.HmacSha256),
        });
    }
}
