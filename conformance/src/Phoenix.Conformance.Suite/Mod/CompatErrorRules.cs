using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>COMPAT: what callers get when an API function raises an error of each kind of value. Phoenix runs the
/// syscall under xpcall with debug.traceback and strips "kernel:N: " from strings only (facts §1.3, §3.3).</summary>
public sealed class CompatErrorRules
{
    [Clause("PX-MOD-API-ERRORS")]
    public void ApiFunctionErrors_OfEveryKind_ReachTheCaller(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "PX-MOD/raises.lua", "raises"));
        foreach (var user in new[] { "alice", Modules.Root })
        {
            var message = Check.Fails(kernel.CallModule(user, "raises", "raise", "message"), $"raise(\"message\") as {user}");
            Check.That(message.StartsWith(Modules.Directory + "/raises.lua:", StringComparison.Ordinal) && message.EndsWith(": api failed on purpose", StringComparison.Ordinal),
                $"first line of raise(\"message\")'s error as {user}", "\"/lib/modules/raises.lua:<line>: api failed on purpose\"", $"\"{message}\"");
            Check.FailsWith(kernel.CallModule(user, "raises", "raise", "bare"), "api failed on purpose, no position", $"raise(\"bare\") as {user}");
            var table = kernel.CallModule(user, "raises", "raise", "table");
            Check.Fails(table, $"raise(\"table\") as {user}");
            Check.Equal(LuaTable.Record(("code", 42L), ("reason", "a table error")), table.ErrorValue ?? LuaValue.Nil, $"error value of raise(\"table\") as {user}");
            Check.That(Check.Fails(kernel.CallModule(user, "raises", "raise", "number"), $"raise(\"number\") as {user}") == "42",
                $"first line of raise(\"number\")'s error as {user}", "\"42\"", kernel.CallModule(user, "raises", "raise", "number").ErrorFirstLine);
            Check.Fails(kernel.CallModule(user, "raises", "raise", "nil"), $"raise(\"nil\") as {user}");
        }
    }

    [Clause("PX-MOD-API-ERRORS")]
    public void ApiFunctionTableError_ReachesAUserProgramAsThatTable(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "PX-MOD/raises.lua", "raises"));
        const string program =
            "local ok, e = pcall(syscall.callmodule, 'raises', 'raise', 'table') " +
            "return ok, type(e), type(e) == 'table' and e.code or tostring(e), type(e) == 'table' and e.reason or nil";
        Check.Returns(kernel.Program("alice", program), [false, "table", 42L, "a table error"],
            "pcall(syscall.callmodule, 'raises', 'raise', 'table') in alice's program: ok, type, code, reason");
    }

    /// <summary>Phoenix's kernel is one chunk named "kernel", so its own errors read "kernel:N: …", and the dispatcher
    /// removes those positions (facts §1.3, §1.4); the module raises from a chunk of that name to stand for them.</summary>
    [Clause("PX-MOD-API-ERRORS")]
    public void ErrorFromCodeNamedKernel_ReachesTheCallerWithoutItsPosition(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "PX-MOD/raises.lua", "raises"));
        Check.That(Check.Fails(kernel.CallModule("alice", "raises", "raise", "kernel"), "raise(\"kernel\") as alice") == "failed inside kernel code",
            "first line of raise(\"kernel\")'s error (raised at \"kernel:1:\")", "\"failed inside kernel code\"",
            kernel.CallModule("alice", "raises", "raise", "kernel").ErrorFirstLine);
    }
}
