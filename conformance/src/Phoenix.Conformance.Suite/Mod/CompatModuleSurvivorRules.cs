using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>COMPAT: loadmodule of a file that does not compile, callmodule's reserved name, and tables crossing
/// callmodule, as Phoenix 0.0.9 has them (K 90-kmod; facts §2.2, §3.3). From surviving mutants of kmod.lua and
/// usermode.lua.</summary>
public sealed class CompatModuleSurvivorRules
{
    [Clause("PX-MOD-LOAD-COMPILE-ERROR")]
    public void Loadmodule_OfAFileThatDoesNotCompile_LogsAndStoresNothing(RuleContext context)
    {
        var path = Modules.Directory + "/manual/broken.lua";
        using var kernel = context.Boot(BootImage.Empty.WithFile(path, "return {\n  ping = function() return 'pong' end\n"));
        Check.Succeeds(kernel.Syscall(Modules.Root, "loadmodule", path), $"loadmodule(\"{path}\") as root");
        Check.That(!kernel.Answers("broken"), "the module after loadmodule of a file that does not compile", "nothing stored", "it answers");
        var entries = kernel.ReadSyslog().Where(e => e.Message.Contains("Could not load broken", StringComparison.Ordinal)).ToList();
        Check.That(entries.Any(e => e.Level >= SyslogLevel.Error && e.Message.StartsWith("Could not load broken: ", StringComparison.Ordinal)),
            "the syslog after loadmodule of a file that does not compile", "an error-level entry \"Could not load broken: <compile error>\"",
            entries.Count == 0 ? "none" : string.Join("; ", entries));
    }

    // Only the exact name "unload" is reserved (K 90-kmod callmodule compares func == "unload").
    [Clause("PX-MOD-CALLMODULE-ERRORS")]
    public void Callmodule_OfAMethodCalledUnloadInAnotherCase_RunsIt(RuleContext context)
    {
        var source = "return { Unload = function() return 'ran Unload' end, UNLOAD = function() return 'ran UNLOAD' end }";
        using var kernel = context.Boot(BootImage.Empty.WithFile(Modules.Directory + "/cased.lua", source));
        Check.Returns(kernel.CallModule("alice", "cased", "Unload"), ["ran Unload"], "callmodule(\"cased\", \"Unload\")");
        Check.Returns(kernel.CallModule("alice", "cased", "UNLOAD"), ["ran UNLOAD"], "callmodule(\"cased\", \"UNLOAD\")");
    }

    // Phoenix hands arguments and results over as they are (facts §3.3): a table the user built, with a subtable it
    // holds twice and a field pointing back at itself, reaches the module and comes back as that same table.
    [Clause("PX-MOD-CALLMODULE-TABLES")]
    public void Callmodule_TableWithSharedAndCyclicSubtables_ComesBackAsTheSameTable(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-API/echo.lua", "echo"));
        const string program = "local shared = { n = 1 }\nlocal arg = { first = shared, second = shared }\narg.self = arg\n" +
            "local r = syscall.callmodule('echo', 'echo', arg)\n" +
            "return rawequal(r, arg), type(r) == 'table' and rawequal(r.first, r.second), type(r) == 'table' and rawequal(r.self, r), type(r) == 'table' and type(r.second)";
        Check.Returns(kernel.Program("alice", program), [true, true, true, "table"],
            "echo of {first = t, second = t, self = <itself>}: the same table, second the same as first, self the table itself, second a table");
    }
}
