using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>COMPAT: the kernel global expect, which modules use to check their API arguments (facts §1.5, §8), so a
/// user who passes the wrong type reads the same message from a module as from a syscall. The module's error keeps
/// its own position and Phoenix may add " to 'name'", so only the parenthesised part is compared.</summary>
public sealed class CompatExpectRules
{
    [Clause("PX-MOD-EXPECT")]
    public void Expect_WithSeveralTypes_NamesThemAll(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "PX-MOD/checker.lua", "checker"));
        Expected(kernel.Program("alice", "return syscall.callmodule('checker', 'check', {}, 'string')"), "(expected string, got table)", "one type");
        Expected(kernel.Program("alice", "return syscall.callmodule('checker', 'check', {}, 'string', 'nil')"), "(expected string or nil, got table)", "two types");
        Expected(kernel.Program("alice", "return syscall.callmodule('checker', 'check', true, 'string', 'number', 'nil')"),
            "(expected string, number, or nil, got boolean)", "three types");
        Check.Returns(kernel.Program("alice", "return syscall.callmodule('checker', 'check', 5, 'string', 'number')"), [5L],
            "expect(1, 5, 'string', 'number') in a module: a value of the second type passes and is returned");
    }

    private static void Expected(SyscallResult result, string fragment, string types)
    {
        var first = Check.Fails(result, $"expect(1, value, ...) in a module with {types}");
        Check.That(first.Contains("bad argument #1", StringComparison.Ordinal) && first.Contains(fragment, StringComparison.Ordinal),
            $"first line of the error of expect with {types}", $"\"bad argument #1 {fragment}\" (with any position or \" to 'name'\")", $"\"{first}\"");
    }
}
