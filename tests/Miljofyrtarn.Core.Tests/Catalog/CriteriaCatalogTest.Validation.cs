using System.Text.Json.Nodes;
using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using Xunit;
using static Miljofyrtarn.Core.Tests.Catalog.CatalogDocuments;

namespace Miljofyrtarn.Core.Tests.Catalog;

public class CriteriaCatalogValidationTest
{
    private static IReadOnlyList<Diagnostic> Problems(byte[] json, CatalogLoadOptions? options = null)
    {
        var act = () => CriteriaCatalog.Load(json, options ?? CatalogLoadOptions.Default);
        return act.Should().Throw<CatalogLoadException>().Which.Diagnostics;
    }

    private static Diagnostic Single(byte[] json, string code, CatalogLoadOptions? options = null)
    {
        var problems = Problems(json, options);
        problems.Should().ContainSingle().Which.Code.Should().Be(code);
        return problems[0];
    }

    [Fact]
    public void Load_MinimalDocument_Succeeds()
    {
        var catalog = CriteriaCatalog.Load(Bytes(Minimal));

        catalog.Version.Should().Be("test-1");
        catalog.Criteria.Select(c => c.Id).Should().Equal(1, 2, 3);
        catalog.GetSet("felles").Criteria.Select(c => c.Id).Should().Equal(1, 2);
        catalog.GetCriterion(2).AppliesWhen.Should().Be(new ApplicabilityCondition("kitchen", true));
        catalog.GetCriterion(2).FulfilledBy.Should().Be(ResponsibilityHint.EachUnit, "fulfilledBy defaults to eachUnit");
        catalog.GetCriterion(1).Status.Should().Be(CriterionStatus.Active, "status defaults to active");
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 1,")]
    [InlineData("{} {}")]
    [InlineData("{} trailing")]
    [InlineData("")]
    [InlineData("{ /* comment */ }")]
    [InlineData("{\"a\": [1, 2,]}")]
    [InlineData("{'single': 1}")]
    public void Load_MalformedJson_ReportsMFT0001WithLine(string json)
    {
        var problem = Single(Bytes(json), ErrorCodes.MalformedJson);

        problem.Line.Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Load_MalformedJsonOnLaterLine_ReportsThatLine()
    {
        var problem = Single(Bytes("{\n  \"version\": \"x\",\n  \"themes\": [ nope ]\n}"), ErrorCodes.MalformedJson);

        problem.Line.Should().Be(3);
    }

    [Fact]
    public void Load_WrongType_ReportsMFT0002WithPathAndLine()
    {
        var json = With(d => Criterion(d, 1)["id"] = "two");

        var problem = Single(json, ErrorCodes.WrongJsonType);

        problem.Path.Should().Be("$.criteria[1].id");
        problem.Line.Should().Be(LineOf(json, "\"two\""));
    }

    [Fact]
    public void Load_LargerThanMaxBytes_ReportsMFT0003()
    {
        var json = Bytes(Minimal);

        Single(json, ErrorCodes.DocumentTooLarge, new CatalogLoadOptions { MaxBytes = 100 }).Arguments.Should().Equal("100");
    }

    [Fact]
    public void Load_NonSeekableStreamLargerThanMaxBytes_StopsReadingAtTheLimit()
    {
        using var stream = new EndlessStream();

        var act = () => CriteriaCatalog.Load(stream, new CatalogLoadOptions { MaxBytes = 4096 });

        act.Should().Throw<CatalogLoadException>().Which.Code.Should().Be(ErrorCodes.DocumentTooLarge);
        stream.BytesRead.Should().BeLessThanOrEqualTo(4097 + 16 * 1024, "reading stops once the limit is passed");
    }

    [Fact]
    public void Load_DeeperThanMaxDepth_ReportsMFT0004()
    {
        var problem = Single(Bytes(Minimal), ErrorCodes.DocumentTooDeep, new CatalogLoadOptions { MaxDepth = 3 });

        problem.Arguments.Should().Equal("3");
        problem.Path.Should().StartWith("$.");
    }

    [Fact]
    public void Load_AbsurdlyDeepDocument_FailsFastWithMFT0004()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);

        Single(Bytes(json), ErrorCodes.DocumentTooDeep).Arguments.Should().Equal(CatalogLoadOptions.DefaultMaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Load_DuplicateProperty_ReportsMFT0005WithPath()
    {
        var json = Bytes(Minimal.Replace("\"version\": \"test-1\",", "\"version\": \"test-1\", \"version\": \"test-2\",", StringComparison.Ordinal));

        var problem = Single(json, ErrorCodes.DuplicateProperty);

        problem.Arguments.Should().Equal("version");
        problem.Path.Should().Be("$.version");
        problem.Line.Should().Be(3);
    }

    [Fact]
    public void Load_DuplicatePropertyWrittenWithEscapes_ReportsMFT0005()
    {
        var json = Bytes(Minimal.Replace("\"version\": \"test-1\",", "\"version\": \"test-1\", \"\\u0076ersion\": \"test-2\",", StringComparison.Ordinal));

        Single(json, ErrorCodes.DuplicateProperty).Arguments.Should().Equal("version");
    }

    [Fact]
    public void Load_SamePropertyNameInSiblingObjects_IsNotADuplicate()
    {
        CriteriaCatalog.Load(Bytes(Minimal)).Themes.Should().HaveCount(2);
    }

    [Fact]
    public void Load_MissingProperty_ReportsMFT0006()
    {
        var problem = Single(With(d => Criterion(d, 0).Remove("theme")), ErrorCodes.MissingProperty);

        problem.Path.Should().Be("$.criteria[0].theme");
        problem.Arguments.Should().Equal("theme");
        problem.Line.Should().NotBeNull("a missing property is located at its object");
    }

    [Fact]
    public void Load_UnknownProperty_ReportsMFT0007()
    {
        var problem = Single(With(d => Set(d, 0)["colour"] = "green"), ErrorCodes.UnknownProperty);

        problem.Path.Should().Be("$.sets[0].colour");
    }

    [Theory]
    [InlineData("obligation", "maybe")]
    [InlineData("status", "sleeping")]
    [InlineData("fulfilledBy", "nobody")]
    public void Load_UnknownEnumValue_ReportsMFT0008(string property, string value)
    {
        var problem = Single(With(d => Criterion(d, 0)[property] = value), ErrorCodes.InvalidValue);

        problem.Arguments[0].Should().Be(value);
        problem.Path.Should().Be($"$.criteria[0].{property}");
    }

    [Theory]
    [InlineData("2023-13-01")]
    [InlineData("01.03.2023")]
    [InlineData("2023-02-29")]
    public void Load_InvalidDate_ReportsMFT0008(string date)
    {
        Single(With(d => Set(d, 0)["effectiveFrom"] = date), ErrorCodes.InvalidValue).Path.Should().Be("$.sets[0].effectiveFrom");
    }

    [Fact]
    public void Load_UnknownOrganisationKind_ReportsMFT0008()
    {
        Single(With(d => Set(d, 0)["organisationKinds"] = new JsonArray("municipality", "church")), ErrorCodes.InvalidValue)
            .Path.Should().Be("$.sets[0].organisationKinds[1]");
    }

    [Fact]
    public void Load_NewerSchemaVersion_ReportsMFT0009()
    {
        Single(With(d => d["schemaVersion"] = 2), ErrorCodes.UnsupportedSchemaVersion).Arguments.Should().Equal("2", "1");
    }

    [Theory]
    [InlineData("themes", "theme")]
    [InlineData("questions", "question")]
    [InlineData("criteria", "criterion")]
    [InlineData("sets", "set")]
    public void Load_DuplicateId_ReportsMFT0101(string list, string kind)
    {
        var json = With(d =>
        {
            var array = d[list]!.AsArray();
            array.Add(array[0]!.DeepClone());
        });

        var problems = Problems(json);

        problems.Should().Contain(p => p.Code == ErrorCodes.DuplicateId && p.Arguments[0] == kind);
    }

    [Fact]
    public void Load_UnknownTheme_ReportsMFT0102()
    {
        Single(With(d => Criterion(d, 0)["theme"] = "astrologi"), ErrorCodes.UnknownTheme).Arguments.Should().Equal("1", "astrologi");
    }

    [Fact]
    public void Load_SetWithUnknownCriterion_ReportsMFT0103()
    {
        var problem = Single(With(d => Set(d, 0)["criteria"]!.AsArray().Add(99)), ErrorCodes.UnknownCriterionInSet);

        problem.Arguments.Should().Equal("felles", "99");
        problem.Path.Should().Be("$.sets[0].criteria[2]");
    }

    [Fact]
    public void Load_RetiredWithoutReplacement_ReportsMFT0104()
    {
        Single(With(d => Criterion(d, 2).Remove("replacedBy")), ErrorCodes.RetiredWithoutReplacement).Arguments.Should().Equal("3");
    }

    [Fact]
    public void Load_CyclicReplacementChain_ReportsMFT0105()
    {
        var json = With(d =>
        {
            Criterion(d, 0)["status"] = "retired";
            Criterion(d, 0)["replacedBy"] = 3;
            Set(d, 0)["criteria"] = new JsonArray(2);
        });

        var problems = Problems(json);

        problems.Should().OnlyContain(p => p.Code == ErrorCodes.CyclicReplacement);
        problems.Select(p => p.Arguments[0]).Should().BeEquivalentTo(["1", "3"]);
    }

    [Fact]
    public void Load_SelfReplacement_ReportsMFT0105()
    {
        Single(With(d => Criterion(d, 2)["replacedBy"] = 3), ErrorCodes.CyclicReplacement).Arguments.Should().Equal("3", "3 → 3");
    }

    [Fact]
    public void Load_UnknownReplacement_ReportsMFT0106()
    {
        Single(With(d => Criterion(d, 2)["replacedBy"] = 42), ErrorCodes.UnknownReplacement).Arguments.Should().Equal("3", "42");
    }

    [Fact]
    public void Load_ActiveSetWithRetiredCriterion_ReportsMFT0107()
    {
        Single(With(d => Set(d, 0)["criteria"]!.AsArray().Add(3)), ErrorCodes.RetiredCriterionInActiveSet).Arguments.Should().Equal("felles", "3");
    }

    [Fact]
    public void Load_SetEndingAfterPublicationWithRetiredCriterion_ReportsMFT0107()
    {
        Single(With(d => Set(d, 1)["effectiveTo"] = "2024-06-01"), ErrorCodes.RetiredCriterionInActiveSet);
    }

    [Fact]
    public void Load_ConditionOnUnknownQuestion_ReportsMFT0108()
    {
        Single(With(d => Criterion(d, 1)["appliesWhen"]!["question"] = "pool"), ErrorCodes.UnknownQuestion).Path.Should().Be("$.criteria[1].appliesWhen.question");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Load_MissingNorwegianTitle_ReportsMFT0109(string? nb)
    {
        var json = With(d =>
        {
            var title = Criterion(d, 0)["title"]!.AsObject();
            title.Remove("nb");
            title["en"] = "Policy";
            if (nb is not null)
            {
                title["nb"] = nb;
            }
        });

        Single(json, ErrorCodes.MissingNorwegianText).Path.Should().Be("$.criteria[0].title.nb");
    }

    [Fact]
    public void Load_PeriodEndingBeforeItStarts_ReportsMFT0110()
    {
        Single(With(d => Set(d, 1)["effectiveTo"] = "2015-12-31"), ErrorCodes.PeriodEndsBeforeStart).Arguments.Should().Equal("2016-01-01", "2015-12-31");
    }

    [Fact]
    public void Load_ActiveCriterionWithReplacement_ReportsMFT0111()
    {
        Single(With(d => Criterion(d, 0)["replacedBy"] = 2), ErrorCodes.ActiveWithReplacement).Arguments.Should().Equal("1", "2");
    }

    [Fact]
    public void Load_SetListingCriterionTwice_ReportsMFT0112()
    {
        Single(With(d => Set(d, 0)["criteria"]!.AsArray().Add(1)), ErrorCodes.DuplicateCriterionInSet).Arguments.Should().Equal("felles", "1");
    }

    [Fact]
    public void Load_TwoCommonSetsForSameKindAndDate_ReportsMFT0113()
    {
        var json = With(d =>
        {
            var copy = Set(d, 0).DeepClone().AsObject();
            copy["id"] = "felles-kopi";
            copy["organisationKinds"] = new JsonArray("municipality");
            d["sets"]!.AsArray().Add(copy);
        });

        Single(json, ErrorCodes.AmbiguousCommonSets).Arguments.Should().Equal("felles", "felles-kopi");
    }

    [Fact]
    public void Load_ManyProblems_ReportsEveryOneAtOnceWithLines()
    {
        var json = With(d =>
        {
            Criterion(d, 0)["theme"] = "astrologi";
            Criterion(d, 1)["obligation"] = "maybe";
            Set(d, 0)["criteria"]!.AsArray().Add(77);
            Set(d, 1)["effectiveTo"] = "2000-01-01";
            d["themes"]![1]!["name"]!.AsObject().Remove("nb");
        });

        var problems = Problems(json);

        problems.Select(p => p.Code).Should().BeEquivalentTo(
        [
            ErrorCodes.MissingNorwegianText, ErrorCodes.UnknownTheme, ErrorCodes.InvalidValue, ErrorCodes.UnknownCriterionInSet, ErrorCodes.PeriodEndsBeforeStart,
        ]);
        problems.Should().OnlyContain(p => p.Line > 1 && p.Path != null);
        var theme = problems.Single(p => p.Code == ErrorCodes.UnknownTheme);
        theme.Line.Should().Be(LineOf(json, "\"astrologi\""));
    }

    [Fact]
    public void Load_FromAStream_ReportsLinesToo()
    {
        var json = With(d => Criterion(d, 0)["theme"] = "astrologi");
        using var stream = new MemoryStream(json);

        var problem = FluentActions.Invoking(() => CriteriaCatalog.Load(stream)).Should().Throw<CatalogLoadException>().Which.Diagnostics.Single();

        problem.Line.Should().Be(LineOf(json, "\"astrologi\""));
    }

    [Fact]
    public void LoadException_Message_IsLocalised()
    {
        var exception = Assert.Throws<CatalogLoadException>(() => CriteriaCatalog.Load(With(d => Criterion(d, 0)["theme"] = "astrologi")));

        exception.GetMessage(Language.English).Should().Contain("MFT0102").And.Contain("astrologi").And.Contain("not in the catalog").And.Contain("line");
        exception.GetMessage(Language.NorwegianBokmal).Should().Contain("ikke finnes i katalogen").And.Contain("linje");
        exception.GetMessage(Language.NorwegianNynorsk).Should().Contain("ikkje finst i katalogen");
    }

    [Fact]
    public void TryLoad_InvalidDocument_ReturnsProblemsAndNoCatalog()
    {
        var ok = CriteriaCatalog.TryLoad(With(d => d.Remove("themes")), out var catalog, out var diagnostics);

        ok.Should().BeFalse();
        catalog.Should().BeNull();
        diagnostics.Should().Contain(p => p.Code == ErrorCodes.MissingProperty && p.Path == "$.themes");
    }

    [Fact]
    public void Options_OutOfRange_Throw()
    {
        FluentActions.Invoking(() => new CatalogLoadOptions { MaxDepth = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*MaxDepth*0*");
        FluentActions.Invoking(() => new CatalogLoadOptions { MaxDepth = 257 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new CatalogLoadOptions { MaxBytes = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*MaxBytes*");
    }

    private static long LineOf(byte[] json, string text)
    {
        var lines = System.Text.Encoding.UTF8.GetString(json).Split('\n');
        return Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
    }

    /// <summary>A non-seekable stream of spaces that never ends.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
