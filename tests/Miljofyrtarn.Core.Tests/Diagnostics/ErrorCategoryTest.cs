using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Tests.Docs;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Diagnostics;

/// <summary>Every code has one category, documented, available from the code, the diagnostic and the exception.</summary>
public sealed class ErrorCategoryTest
{
    private static readonly string[] Codes = [.. typeof(ErrorCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!)];

    [Fact]
    public void EveryCode_HasACategory()
    {
        foreach (var code in Codes)
        {
            ErrorCodes.TryGetCategory(code, out _).Should().BeTrue(code);
        }

        ErrorCodes.TryGetCategory("MFT9999", out _).Should().BeFalse();
        ErrorCodes.TryGetCategory(null, out _).Should().BeFalse();
        FluentActions.Invoking(() => ErrorCodes.GetCategory("MFT9999")).Should().Throw<ArgumentException>().WithMessage("*MFT9999*");
    }

    [Theory]
    [InlineData(ErrorCodes.MalformedJson, ErrorCategory.InvalidInput)]
    [InlineData(ErrorCodes.StreamNotFound, ErrorCategory.NotFound)]
    [InlineData(ErrorCodes.UnknownUnit, ErrorCategory.NotFound)]
    [InlineData(ErrorCodes.HeadquartersNotCertified, ErrorCategory.RefusedByRule)]
    [InlineData(ErrorCodes.ConcurrencyConflict, ErrorCategory.Conflict)]
    [InlineData(ErrorCodes.TamperedHistory, ErrorCategory.CorruptData)]
    [InlineData(ErrorCodes.StoreUnavailable, ErrorCategory.Unavailable)]
    public void ACode_HasTheCategoryAHostMapsToAStatus(string code, ErrorCategory category)
    {
        ErrorCodes.GetCategory(code).Should().Be(category);
        new Diagnostic(code, Enumerable.Repeat("x", Messages.ArgumentCount(code)!.Value)).Category.Should().Be(category);
    }

    [Fact]
    public void ADiagnostic_RefusesAnUnknownCodeOrTooFewValues_SoItsMessageAlwaysRenders()
    {
        FluentActions.Invoking(() => new Diagnostic("MFT9999", [])).Should().Throw<ArgumentException>().WithMessage("*MFT9999*");
        FluentActions.Invoking(() => new Diagnostic(ErrorCodes.ConcurrencyConflict, ["1"])).Should().Throw<ArgumentException>().WithMessage("*MFT0314 names 2 values; 1 were given*");
        foreach (var code in Codes)
        {
            var diagnostic = new Diagnostic(code, Enumerable.Repeat("x", Messages.ArgumentCount(code)!.Value));
            Enum.GetValues<Language>().Select(diagnostic.GetMessage).Should().OnlyContain(m => m.Length > 0);
        }
    }

    [Fact]
    public void AnException_TakesItsMostSeriousCategory()
    {
        var rule = new Diagnostic(ErrorCodes.CriteriaUnfulfilled, ["3", "Rådhuset", "raadhuset"]);
        var input = new Diagnostic(ErrorCodes.BlankText, ["x"]);
        var corrupt = new Diagnostic(ErrorCodes.CorruptHistory, ["7", "MFT0311"]);

        new MiljofyrtarnException([rule, input]).Category.Should().Be(ErrorCategory.RefusedByRule, "the first problem decides between equals");
        new MiljofyrtarnException([input, rule]).Category.Should().Be(ErrorCategory.InvalidInput);
        new MiljofyrtarnException([rule, corrupt]).Category.Should().Be(ErrorCategory.CorruptData);
    }

    [Fact]
    public void EveryCategory_HasATitleInEachLanguage()
    {
        foreach (var category in Enum.GetValues<ErrorCategory>())
        {
            var titles = Enum.GetValues<Language>().Select(l => category.GetTitle(l)).ToList();
            titles.Should().OnlyContain(t => t.Length > 0);
            titles[0].Should().NotBe(titles[2]);
        }

        FluentActions.Invoking(() => ((ErrorCategory)99).GetTitle(Language.English)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void TheErrorCodesDocument_ListsEachCategoryWithItsCodes()
    {
        var document = RepositoryFiles.Read("docs/error-codes.md");
        foreach (var group in Codes.GroupBy(ErrorCodes.GetCategory))
        {
            var line = $"| `{group.Key}` | {string.Join(", ", group.Order(StringComparer.Ordinal))} |";
            document.Should().Contain(line, $"docs/error-codes.md lists the {group.Key} codes, in order");
        }
    }
}
