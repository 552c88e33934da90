using Phoenix.Values;
using Phoenix.Conformance.Harness.Assertions;

namespace Phoenix.Conformance.SelfTests.Values;

/// <summary>Float equality is bitwise (ADAPTER-CONTRACT.md, "Values crossing the seam"), in every place rules compare.</summary>
public class LuaFloatEqualityTests
{
    private static readonly double NaNWithPayload = BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0001);

    [Test]
    public void NegativeZero_ComparedWithZero_Differs()
    {
        Assert.That(new LuaFloat(-0.0), Is.Not.EqualTo(new LuaFloat(0.0)));
        Assert.That((LuaValue)(-0.0) == (LuaValue)0.0, Is.False);
    }

    [Test]
    public void NaN_ComparedWithTheSameBits_IsEqual_AndHashesAlike()
    {
        Assert.That(new LuaFloat(double.NaN), Is.EqualTo(new LuaFloat(double.NaN)));
        Assert.That(new LuaFloat(double.NaN).GetHashCode(), Is.EqualTo(new LuaFloat(double.NaN).GetHashCode()));
    }

    [TestCase(0x7FF8_0000_0000_0000)] // the positive quiet NaN; .NET's double.NaN has the sign bit set
    [TestCase(0x7FF8_0000_0000_0001)] // a payload, as a kernel that rebuilt NaN as 0/0 would lose
    public void NaN_ComparedWithOtherBits_Differs(long bits) =>
        Assert.That(new LuaFloat(BitConverter.Int64BitsToDouble(bits)), Is.Not.EqualTo(new LuaFloat(double.NaN)));

    [Test]
    public void EqualFloats_HashAlike_AndZerosNeedNotCollide()
    {
        Assert.That(new LuaFloat(2.5).GetHashCode(), Is.EqualTo(new LuaFloat(2.5).GetHashCode()));
        Assert.That(new LuaFloat(NaNWithPayload).GetHashCode(), Is.EqualTo(new LuaFloat(NaNWithPayload).GetHashCode()));
        // Distinct values in one set: the hash must not fold -0.0 onto 0.0 while Equals tells them apart.
        Assert.That(new HashSet<LuaValue> { 0.0, -0.0, double.NaN, NaNWithPayload }, Has.Count.EqualTo(4));
    }

    [Test]
    public void Tables_DifferingOnlyInTheSignOfZero_Differ()
    {
        Assert.That(new LuaTable([0.0]), Is.Not.EqualTo(new LuaTable([-0.0])));
        Assert.That(LuaTable.Record(("x", -0.0)), Is.Not.EqualTo(LuaTable.Record(("x", 0.0))));
        Assert.That(LuaTable.Record(("x", double.NaN)), Is.EqualTo(LuaTable.Record(("x", double.NaN))));
    }

    [Test]
    public void Checks_ComparingZeroWithNegativeZero_Fail()
    {
        Assert.Throws<RuleViolationException>(() => Check.Equal(0.0, -0.0, "sign of zero"));
        var result = Abstractions.Kernel.SyscallResult.Success([0.0]);
        Assert.Throws<RuleViolationException>(() => Check.Returns(result, [-0.0], "sign of zero"));
    }

    [Test]
    public void NaNWithPayload_Rendered_ShowsItsBits() =>
        Assert.That(new LuaFloat(NaNWithPayload).ToString(), Is.EqualTo("nan(0x7ff8000000000001)"));
}
