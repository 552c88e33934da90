using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;

namespace Phoenix.Conformance.Suite.Support;

/// <summary>
/// What a caller must get when module code it reached raised an error of each kind (Phoenix: the syscall runs under
/// xpcall with debug.traceback, which leaves a non-string as it is, and only "kernel:N: " is stripped from strings;
/// facts §1.3): the fixtures raise "&lt;what&gt; failed on purpose" with and without position, a table and a number.
/// </summary>
public static class RaisedErrors
{
    public static readonly string[] Kinds = ["message", "bare", "table", "number"];

    public static readonly LuaTable Table = LuaTable.Record(("code", 42L), ("reason", "a table error"));

    /// <summary>Checks one result of a call that raised <paramref name="kind"/> in <paramref name="module"/>'s code.</summary>
    public static void Check(SyscallResult result, string kind, string module, string what, string @case)
    {
        var first = Harness.Assertions.Check.Fails(result, @case);
        switch (kind)
        {
            // A kernel that re-raises at a level (Phoenix's filesystem dispatch: level 2) may put its own position
            // first; unstripped when its chunk is not the minified "=kernel" (facts §1.4). The module's part stays.
            case "message":
                Harness.Assertions.Check.That(first.Contains($"{Modules.Directory}/{module}.lua:", StringComparison.Ordinal) && first.EndsWith($": {what} failed on purpose", StringComparison.Ordinal),
                    $"{@case}: first line of the error", $"\"[kernel position: ]{Modules.Directory}/{module}.lua:<line>: {what} failed on purpose\"", $"\"{first}\"");
                break;
            case "bare":
                Harness.Assertions.Check.That(first.EndsWith($"{what} failed on purpose, no position", StringComparison.Ordinal) && !first.Contains(module, StringComparison.Ordinal),
                    $"{@case}: first line of the error", $"\"[kernel position: ]{what} failed on purpose, no position\"", $"\"{first}\"");
                break;
            case "table":
                Harness.Assertions.Check.Equal(Table, result.ErrorValue ?? LuaValue.Nil, $"{@case}: the error value");
                break;
            default:
                Harness.Assertions.Check.Equal("42", first, $"{@case}: first line of the error");
                break;
        }
    }
}
