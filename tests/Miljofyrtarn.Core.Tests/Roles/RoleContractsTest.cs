using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Json.Schema;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Json;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Tests.Contracts;
using Miljofyrtarn.Core.Tests.Organisations;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;
using static Miljofyrtarn.Core.Tests.Roles.GovernedHeim;

namespace Miljofyrtarn.Core.Tests.Roles;

/// <summary>The roles as web contracts: the view matches its schema, and a role input is read strictly.</summary>
public class RoleContractsTest
{
    [Fact]
    public void TheRolesView_MatchesItsSchema_WithGrantsRevocationsAndTheCertifier()
    {
        var lifecycle = Start(Clock()).RevokeRole(Reader, SchemeRole.Reader, null, Coordinator).GrantRole(ContactOf(Heim.Skole), SchemeRole.UnitContact, Heim.Skole, Coordinator);

        var json = JsonSerializer.Serialize(lifecycle.ToRolesView(), MiljofyrtarnJson.GetTypeInfo<RolesView>());
        var result = ContractSchema.For("roles").Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });

        result.IsValid.Should().BeTrue($"{json}: {ContractSchema.Errors(result)}");
        json.Should().Contain("\"role\":\"unitContact\"").And.Contain("\"unit\":\"heim-skole\"").And.Contain("\"certifier\":{\"id\":\"kari@certnor.no\"").And.Contain("\"governed\":true");
        JsonNode.Parse(json)!["grants"]!.AsArray().Single(g => (string?)g!["person"] == Reader)!["revokedBy"]!.GetValue<string>().Should().Be(Coordinator);
    }

    [Fact]
    public async Task ARoleInput_IsReadStrictly()
    {
        var input = await MiljofyrtarnJson.ReadInputAsync<RoleInput>(new MemoryStream(Encoding.UTF8.GetBytes("""{"person":"ola@heim.kommune.no","role":"unitContact","unit":"heim-skole"}""")), TestContext.Current.CancellationToken);
        input.Should().Be(new RoleInput("ola@heim.kommune.no", SchemeRole.UnitContact, Heim.Skole));
        ContractSchema.For("roleInput").Evaluate(JsonNode.Parse("""{"person":"ola@heim.kommune.no","role":"unitContact","unit":"heim-skole"}""")).IsValid.Should().BeTrue();

        foreach (var (json, path) in new[] { ("""{"person":"ola","role":"king"}""", "$.role"), ("""{"person":"ola","role":"reader","colour":"green"}""", "$.colour"), ("""{"person":"ola","role":2}""", "$.role") })
        {
            var refused = await FluentActions.Awaiting(() => MiljofyrtarnJson.ReadInputAsync<RoleInput>(new MemoryStream(Encoding.UTF8.GetBytes(json)), TestContext.Current.CancellationToken))
                .Should().ThrowAsync<MiljofyrtarnException>();
            refused.Which.Diagnostics[0].Path.Should().Be(path, json);
            ContractSchema.For("roleInput").Evaluate(JsonNode.Parse(json)).IsValid.Should().BeFalse(json);
        }
    }

    [Fact]
    public void ThePublicView_HoldsNoPersonalData_AndMatchesItsSchema()
    {
        var lifecycle = WithCertifiedHeadquarters(Clock());

        var json = JsonSerializer.Serialize(lifecycle.ToPublicView(Core.Localization.Language.NorwegianBokmal), MiljofyrtarnJson.GetTypeInfo<PublicOrganisationView>());
        var result = ContractSchema.For("publicOrganisation").Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });

        result.IsValid.Should().BeTrue($"{json}: {ContractSchema.Errors(result)}");
        json.Should().Contain("\"number\":\"MFT-HK-1\"").And.Contain("\"validToday\":true").And.Contain("Sertifisert");
        json.Should().NotContain("@").And.NotContain("Kari").And.NotContain("Ordføreren").And.NotContain("Miljøkoordinatoren");
    }
}
