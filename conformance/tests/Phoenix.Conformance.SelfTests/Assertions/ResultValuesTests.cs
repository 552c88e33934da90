using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Harness.Assertions;

namespace Phoenix.Conformance.SelfTests.Assertions;

/// <summary>Reading a kernel's answer by position fails the rule cleanly when the answer is short or mistyped.</summary>
public class ResultValuesTests
{
    private static readonly SyscallResult TwoValues = SyscallResult.Success(["x", 2]);

    [Test]
    public void Index_PastTheValues_FailsWithTheCountItNeeded()
    {
        var values = Check.Succeeds(TwoValues, "describe()");
        var e = Assert.Throws<RuleViolationException>(() => _ = values[3]);
        Assert.That(e!.Message, Is.EqualTo("describe(): expected at least 4 values, got (\"x\", 2)"));
    }

    [Test]
    public void Index_ThroughTheListInterface_IsCheckedToo()
    {
        IReadOnlyList<LuaValue> values = Check.Succeeds(TwoValues, "describe()");
        Assert.Throws<RuleViolationException>(() => _ = values[2]);
    }

    [Test]
    public void SucceedsAtLeast_OnAnEmptyAnswer_FailsSayingNone()
    {
        var e = Assert.Throws<RuleViolationException>(() => Check.Succeeds(SyscallResult.Success([]), "getpid", atLeast: 1));
        Assert.That(e!.Message, Is.EqualTo("getpid: expected at least 1 value, got none"));
    }

    [Test]
    public void Table_OnAString_FailsNamingTheType()
    {
        var e = Assert.Throws<RuleViolationException>(() => Check.Succeeds(TwoValues, "devinfo").Table(0));
        Assert.That(e!.Message, Is.EqualTo("devinfo: expected value 1 to be a table, got \"x\" in (\"x\", 2)"));
    }

    [Test]
    public void OrNil_PastTheValues_IsNil() =>
        Assert.That(Check.Succeeds(TwoValues, "c").OrNil(5), Is.EqualTo(LuaValue.Nil));
}
