using FsCheck.Fluent;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Properties;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Rules;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>FS-TYPE-CHECKED: "All arguments are type-checked already": a call with a wrong argument type fails in
/// the kernel and never reaches the mount's method.</summary>
public sealed class TypeCheckRules
{
    private const string M = RecordingFs.MountPoint;

    /// <summary>Each syscall with valid arguments and, per argument, the Lua types the syscall accepts there.</summary>
    private static readonly (string Method, LuaValue[] Valid, string[][] Accepted, bool V2Only)[] Signatures =
    [
        ("open", [M + "/f", "r"], [["string"], ["string"]], false),
        ("list", [M + "/d"], [["string"]], false),
        ("stat", [M + "/d"], [["string"]], false),
        ("remove", [M + "/f"], [["string"]], false),
        ("mkdir", [M + "/n"], [["string"]], false),
        ("rename", [M + "/a", M + "/b"], [["string"], ["string"]], false),
        ("chmod", [M + "/f", "alice", "rw-"], [["string"], ["string", "nil"], ["number", "string", "table"]], false),
        ("chown", [M + "/f", "bob"], [["string"], ["string"]], false),
        ("link", [M + "/l", "/t"], [["string"], ["string"]], true),
        ("mkfifo", [M + "/p"], [["string"]], true),
    ];

    private static readonly LuaValue[] Candidates = [LuaValue.Nil, true, 42L, 4.5, new LuaTable(["x"]), "text"];

    [Clause("FS-TYPE-CHECKED")]
    public void WrongArgumentType_FailsWithoutReachingMethod(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        AssertRefused(kernel, "chown", [M + "/f", 7L]);
        AssertRefused(kernel, "rename", [M + "/a", false]);
        AssertRefused(kernel, "open", [12L, "r"]);
    }

    [Clause("FS-TYPE-CHECKED")]
    public void GeneratedWrongArguments_NeverReachTheMount(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        var signatures = Signatures.Where(s => !s.V2Only || context.Profile == Profile.V2).ToArray();
        var cases =
            from signature in Gen.Elements(signatures)
            from index in Gen.Choose(0, signature.Valid.Length - 1)
            from wrong in Gen.Elements(Candidates.Where(v => !signature.Accepted[index].Contains(v.TypeName)).ToArray())
            select (signature.Method, Args: signature.Valid.Select((v, i) => i == index ? wrong : v).ToArray());
        PropertyCheck.ForAll(context, cases.ToArbitrary(), c => AssertRefused(kernel, c.Method, c.Args), cases: 120);
    }

    private static void AssertRefused(Abstractions.Kernel.IKernel kernel, string method, LuaValue[] args)
    {
        kernel.ClearRecording();
        var call = $"{method}({string.Join(", ", args.Select(a => a.ToString()))})";
        Check.Fails(kernel.Syscall("root", method, args), call);
        var reached = kernel.Calls(method);
        Check.That(reached.Count == 0, call, $"the mount's {method} not to be called", $"it got {string.Join("; ", reached)}");
    }
}
