using FluentAssertions;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Tests.Docs;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Roles;

/// <summary>The role matrix: one table, shown in <c>docs/rules.md</c> exactly as the code holds it.</summary>
public class RoleTableTest
{
    private const string Begin = "<!-- role-table:begin -->\n", End = "<!-- role-table:end -->";

    [Fact]
    public void TheRoleTable_InDocsRules_IsGeneratedFromTheCode()
    {
        var path = Path.Combine(RepositoryFiles.Root, "docs", "rules.md");
        var document = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = document.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
        var end = document.IndexOf(End, start, StringComparison.Ordinal);
        var generated = RoleTable.Markdown(Language.English);

        if (Environment.GetEnvironmentVariable("MFT_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, document[..start] + generated + document[end..]);
            return;
        }

        document[start..end].Should().Be(generated, "docs/rules.md shows the role table the code runs; regenerate it with MFT_UPDATE_DOCS=1");
    }

    [Fact]
    public void EveryOperation_HasItsRoles_AndTheRulesThatTheIssueNames()
    {
        foreach (var operation in Enum.GetValues<Operation>())
        {
            RoleTable.RolesFor(operation).Should().NotBeEmpty($"{operation} needs a row");
        }

        RoleTable.RolesFor(Operation.Deliver).Should().Equal(SchemeRole.Management);
        RoleTable.RolesFor(Operation.Certify).Should().Equal(SchemeRole.Certifier);
        RoleTable.RolesFor(Operation.Recertify).Should().Equal(SchemeRole.Certifier);
        RoleTable.RolesFor(Operation.GrantPostponement).Should().Equal(SchemeRole.Foundation);
        RoleTable.RolesFor(Operation.RecordAssessment).Should().BeEquivalentTo([SchemeRole.UnitContact, SchemeRole.Coordinator, SchemeRole.Consultant]);
        RoleTable.Allows(SchemeRole.Consultant, Operation.Deliver).Should().BeFalse("a consultant records but approves nothing");
        RoleTable.Allows(SchemeRole.Reader, Operation.ReadPersonalData).Should().BeTrue();
        Enum.GetValues<Operation>().Where(o => RoleTable.Allows(SchemeRole.Reader, o)).Should().Equal([Operation.ReadPersonalData], "a read-only member changes nothing");
        FluentActions.Invoking(() => RoleTable.RolesFor((Operation)99)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void TheTable_IsWrittenInEachLanguage()
    {
        RoleTable.Markdown(Language.NorwegianBokmal).Should().StartWith("| handling | ledelsen | miljøkoordinator |").And.Contain("| levere til sertifisør | ✓ |");
        RoleTable.Markdown(Language.NorwegianNynorsk).Should().Contain("leiinga");
        RoleTable.Markdown(Language.English).Should().Contain("| operation | management |");
    }
}
