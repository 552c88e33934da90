using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;

namespace Phoenix.Conformance.Harness.Assertions;

/// <summary>
/// The closed set of checks rules use (in the spirit of Wasm's assert_return/assert_trap). Each names its case in
/// the failure message: "<c>case</c>: expected …, got …". A failed check throws <see cref="RuleViolationException"/>.
/// The set is closed in both senses: rules check only through it, and nothing a kernel answers (too few values, a
/// value of the wrong type) makes a check throw anything else, so a malformed answer is a fail, never an error.
/// </summary>
public static class Check
{
    /// <summary>The syscall succeeded; returns its values, read by position with checks (a missing value or a wrong
    /// type fails the rule: see <see cref="ResultValues"/>).</summary>
    public static ResultValues Succeeds(SyscallResult result, string @case)
    {
        if (!result.Succeeded) throw Violation(@case, "the syscall to succeed", $"error \"{result.ErrorFirstLine}\"");
        return new ResultValues(result.Values, @case);
    }

    /// <summary>The syscall succeeded with at least <paramref name="atLeast"/> values ("expected at least 3 values,
    /// got (…)" otherwise); returns them.</summary>
    public static ResultValues Succeeds(SyscallResult result, string @case, int atLeast) => Succeeds(result, @case).AtLeast(atLeast);

    /// <summary>Any list a kernel produced (recorded arguments, log entries), read by position with checks.</summary>
    public static ResultValues Values(IReadOnlyList<LuaValue> values, string @case) => values as ResultValues ?? new ResultValues(values, @case);

    /// <summary>The value is a <typeparamref name="T"/> (a table, a string, …); returns it, or fails the rule.</summary>
    public static T Is<T>(LuaValue value, string @case) where T : LuaValue =>
        value as T ?? throw Violation(@case, Describe<T>(), value.ToString());

    /// <summary>The syscall failed; returns the first line of its error.</summary>
    public static string Fails(SyscallResult result, string @case)
    {
        if (result.Succeeded) throw Violation(@case, "the syscall to fail", $"success with ({string.Join(", ", result.Values)})");
        return result.ErrorFirstLine;
    }

    /// <summary>The syscall failed and its error's first line contains <paramref name="fragment"/>.</summary>
    public static void FailsWith(SyscallResult result, string fragment, string @case)
    {
        var first = Fails(result, @case);
        if (!first.Contains(fragment, StringComparison.Ordinal)) throw Violation(@case, $"an error containing \"{fragment}\"", $"\"{first}\"");
    }

    /// <summary>The syscall succeeded with exactly these values (count, types and integer/float subtype included).</summary>
    public static void Returns(SyscallResult result, IReadOnlyList<LuaValue> expected, string @case)
    {
        var actual = Succeeds(result, @case);
        if (!actual.SequenceEqual(expected)) throw Violation(@case, Render(expected), Render(actual));
    }

    public static void Equal(LuaValue expected, LuaValue actual, string @case)
    {
        if (!expected.Equals(actual)) throw Violation(@case, expected.ToString(), actual.ToString());
    }

    public static void That(bool condition, string @case, string expectation, string observed)
    {
        if (!condition) throw Violation(@case, expectation, observed);
    }

    /// <summary>A list result (a Lua array) contains, or does not contain, a string.</summary>
    public static void ListContains(LuaValue list, string item, bool expected, string @case)
    {
        var present = list is LuaTable t && t.Array.Concat(t.Hash.Select(kv => kv.Value)).Contains(LuaString.From(item));
        if (present != expected) throw Violation(@case, $"{(expected ? "" : "no ")}\"{item}\" in the list", list.ToString());
    }

    /// <summary>
    /// The kernel stops during <paramref name="operation"/> (the adapter throws <see cref="KernelStoppedException"/>)
    /// and what the adapter says about it contains <paramref name="fragment"/> (empty: any stop). Only COMPAT rules
    /// expect a stop: Phoenix 0.0.9 stops where a driver fails to bind (facts §10 B5).
    /// </summary>
    public static void Stops(Action operation, string fragment, string @case)
    {
        try
        {
            operation();
        }
        catch (KernelStoppedException stopped)
        {
            if (!stopped.Message.Contains(fragment, StringComparison.Ordinal)) throw Violation(@case, $"the kernel to stop saying \"{fragment}\"", $"a stop saying \"{stopped.Message.Split('\n')[0]}\"");
            return;
        }
        throw Violation(@case, fragment.Length == 0 ? "the kernel to stop" : $"the kernel to stop saying \"{fragment}\"", "the kernel going on");
    }

    public static RuleViolationException Violation(string @case, string expected, string actual) =>
        new($"{@case}: expected {expected}, got {actual}");

    /// <summary>"a table", "a string", "an integer", … for failure messages.</summary>
    public static string Describe<T>() where T : LuaValue => typeof(T).Name switch
    {
        nameof(LuaTable) => "a table",
        nameof(LuaString) => "a string",
        nameof(LuaInteger) => "an integer",
        nameof(LuaFloat) => "a float",
        nameof(LuaBoolean) => "a boolean",
        nameof(LuaNil) => "nil",
        _ => "a value of another kind",
    };

    private static string Render(IReadOnlyList<LuaValue> values) => $"({string.Join(", ", values)})";
}
