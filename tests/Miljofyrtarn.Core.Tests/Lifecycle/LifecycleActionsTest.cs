using FluentAssertions;
using Miljofyrtarn.Core.Lifecycle;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Lifecycle;

/// <summary><see cref="LifecycleAction"/> names one action, <see cref="LifecycleActions"/> a set: the conversion between them is one method, checked for every member.</summary>
public class LifecycleActionsTest
{
    public static TheoryData<LifecycleAction> Actions() => [.. Enum.GetValues<LifecycleAction>()];

    [Theory]
    [MemberData(nameof(Actions))]
    public void ToFlag_GivesTheFlagOfTheSameName_AndBack(LifecycleAction action)
    {
        var flag = action.ToFlag();

        flag.ToString().Should().Be(action.ToString(), "the flag has the action's name");
        flag.ToActions().Should().Equal(action);
        flag.Contains(action).Should().BeTrue();
        Enum.GetValues<LifecycleAction>().Where(a => a != action).Should().OnlyContain(a => !flag.Contains(a));
    }

    [Fact]
    public void EveryFlagOfTheSet_IsTheFlagOfOneAction()
    {
        var all = Enum.GetValues<LifecycleActions>().Where(f => f != LifecycleActions.None).ToList();

        all.Should().HaveCount(Enum.GetValues<LifecycleAction>().Length);
        all.Select(f => f.ToActions().Single().ToFlag()).Should().Equal(all);
    }

    [Fact]
    public void ToFlag_OfAnUndefinedValue_IsRefused() =>
        FluentActions.Invoking(() => ((LifecycleAction)42).ToFlag()).Should().Throw<ArgumentOutOfRangeException>();
}
