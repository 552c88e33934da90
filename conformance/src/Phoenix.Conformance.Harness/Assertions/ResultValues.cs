using System.Collections;
using Phoenix.Values;

namespace Phoenix.Conformance.Harness.Assertions;

/// <summary>
/// A kernel's answer read by position, checked: the values of a syscall (<see cref="Check.Succeeds(Abstractions.Kernel.SyscallResult, string)"/>),
/// the arguments a fixture recorded, any list a kernel produced. A missing position or a value of the wrong type is
/// the kernel's fault, so it fails the rule ("<c>case</c>: expected at least 4 values, got (…)") instead of throwing
/// an index or cast exception that the runner would report as an error in the rule.
/// </summary>
/// <remarks>
/// It is an <see cref="IReadOnlyList{T}"/>, and its indexer is the checked one, also when reached through the
/// interface: code that indexes <c>values[3]</c> is safe as written. Use <see cref="OrNil"/> where a missing value
/// means nil (as <c>select(n, ...)</c> does in Lua), and <see cref="At{T}"/>, <see cref="Table"/> or
/// <see cref="String"/> instead of a cast.
/// </remarks>
public sealed class ResultValues : IReadOnlyList<LuaValue>
{
    private readonly IReadOnlyList<LuaValue> _values;

    public ResultValues(IReadOnlyList<LuaValue> values, string @case)
    {
        _values = values;
        Case = @case;
    }

    /// <summary>What the values are, as failure messages name it ("describe() as alice").</summary>
    public string Case { get; }

    public int Count => _values.Count;

    /// <summary>The value at <paramref name="index"/> (0-based); fails the rule when the kernel gave fewer.</summary>
    public LuaValue this[int index] => index >= 0 && index < _values.Count ? _values[index] : throw Missing(index + 1);

    /// <summary>The value at <paramref name="index"/>, or nil when the kernel gave fewer values.</summary>
    public LuaValue OrNil(int index) => index >= 0 && index < _values.Count ? _values[index] : LuaValue.Nil;

    /// <summary>The value at <paramref name="index"/> as a <typeparamref name="T"/>; fails the rule when it is missing or
    /// of another type ("expected value 1 to be a table, got "x"").</summary>
    public T At<T>(int index) where T : LuaValue =>
        this[index] as T ?? throw Check.Violation(Case, $"value {index + 1} to be {Check.Describe<T>()}", $"{this[index]} in {this}");

    public LuaTable Table(int index) => At<LuaTable>(index);

    public LuaString String(int index) => At<LuaString>(index);

    /// <summary>Fails the rule unless there are at least <paramref name="count"/> values; returns this for chaining.</summary>
    public ResultValues AtLeast(int count) => _values.Count >= count ? this : throw Missing(count);

    public IEnumerator<LuaValue> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The values as a Lua list, "(1, "x", nil)".</summary>
    public override string ToString() => $"({string.Join(", ", _values)})";

    private RuleViolationException Missing(int count) =>
        Check.Violation(Case, $"at least {count} value{(count == 1 ? "" : "s")}", _values.Count == 0 ? "none" : ToString());
}
