using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>
/// COMPAT: path normalisation as ComputerCraft's fs.combine does it, which Phoenix uses both for the combine syscall
/// and to find the file a path names (facts §4.4, §4.8). Module authors rely on it: a mount object gets paths this
/// normalisation made, and a module's own combine calls must agree with the kernel's.
/// </summary>
public sealed class CompatPathRules
{
    // Each row: the arguments of combine, and what Phoenix answers.
    private static readonly (string[] Parts, string Expected)[] Rows =
    [
        (["/a", "b"], "/a/b"),
        (["a", "b"], "a/b"),
        (["/a//b/", "./c"], "/a/b/c"),
        (["/a/b", "..", "c"], "/a/c"),
        (["a", "...", "b"], "a/b"), // three or more dots are ".", not ".."
        (["a", "....", "b"], "a/b"),
        (["a\\b", "c"], "a/b/c"), // backslashes are slashes
        ([" a ", " b "], "a/b"), // parts are trimmed
        (["a:b|c\"d<e>f?g"], "abcdefg"), // characters CC forbids go
        (["a", "..", ".."], ".."), // ".." survives at the front
        (["/", ".."], "/.."),
        (["x", new string('n', 300)], "x/" + new string('n', 255)), // parts are cut to 255 characters
    ];

    [Clause("PX-FS-PATHS")]
    public void Combine_NormalisesAsComputerCraftDoes(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty);
        foreach (var (parts, expected) in Rows)
        {
            var @case = $"combine({string.Join(", ", parts.Select(p => LuaString.From(p).ToString()))})";
            Check.Returns(kernel.Syscall("alice", "combine", [.. parts.Select(p => (LuaValue)p)]), [expected], @case);
        }
    }

    [Clause("PX-FS-PATHS")]
    public void PathsThatNormaliseAlike_NameTheSameFile(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithFile("/home/alice/notes.txt", "hello", "alice"));
        string[] spellings = ["/home//alice/./notes.txt", "/home/alice/.../notes.txt", "/home/x/../alice/notes.txt", "\\home\\alice\\notes.txt", "/home/ alice /notes.txt"];
        foreach (var path in spellings)
        {
            var stat = Check.Is<LuaTable>(Check.Succeeds(kernel.Syscall("alice", "stat", path), $"stat({LuaString.From(path)})", atLeast: 1)[0], $"stat({LuaString.From(path)})");
            Check.Equal(5L, stat[LuaString.From("size")], $"stat({LuaString.From(path)}).size (the 5-byte notes.txt)");
        }
    }
}
