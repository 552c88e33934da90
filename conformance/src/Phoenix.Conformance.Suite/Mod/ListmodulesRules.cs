using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Generators;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>PX-MOD-LISTMODULES after every kind of change: listmodules is a view of the module table, not a log of
/// what was asked (facts §2.2, §3.1, §3.2).</summary>
public sealed class ListmodulesRules
{
    private const string Manual = ModuleGenerators.Manual;

    [Clause("PX-MOD-LISTMODULES")]
    public void Listmodules_AfterLoadUnloadFailedLoadsAndReload_ListsExactlyTheLoadedModules(RuleContext context)
    {
        var image = BootImage.Empty.WithWitness(context)
            .WithProbe(context, Modules.Directory + "/first.lua", "first")
            .WithProbe(context, Manual + "/second.lua", "second")
            .WithProbe(context, Manual + "/throws.lua", "throws", ModelModuleKind.Throws)
            .WithProbe(context, Manual + "/foreign.lua", "foreign", owner: "alice")
            .WithProbe(context, Manual + "/open.lua", "open", world: "rwx");
        using var kernel = context.Boot(image);
        Expect(kernel, "after boot", "first", "witness");
        kernel.Syscall(Modules.Root, "loadmodule", Manual + "/second.lua");
        Expect(kernel, "after loading second", "first", "second", "witness");
        kernel.Syscall(Modules.Root, "unloadmodule", "first");
        Expect(kernel, "after unloading first", "second", "witness");
        kernel.Syscall(Modules.Root, "loadmodule", Manual + "/throws.lua");
        kernel.Syscall(Modules.Root, "loadmodule", Manual + "/foreign.lua");
        kernel.Syscall(Modules.Root, "loadmodule", Manual + "/open.lua");
        kernel.Syscall("alice", "loadmodule", Modules.Directory + "/first.lua");
        Expect(kernel, "after failed loads (a module that throws, one owned by alice, a world-writable one, a load by alice)", "second", "witness");
        kernel.Syscall(Modules.Root, "loadmodule", Manual + "/second.lua");
        Expect(kernel, "after loading second again", "second", "witness");
        kernel.Syscall("alice", "unloadmodule", "second");
        Expect(kernel, "after alice's unloadmodule", "second", "witness");
    }

    private static void Expect(IKernel kernel, string when, params string[] names)
    {
        foreach (var user in new[] { Modules.Root, "alice" })
        {
            var values = Check.Succeeds(kernel.Syscall(user, "listmodules"), $"listmodules as {user} {when}");
            var listed = values.Count > 0 && values[0] is LuaTable t ? t.Array.Select(v => v.ToString()).Order(StringComparer.Ordinal).ToArray() : [];
            var expected = names.Select(n => LuaString.From(n).ToString()).Order(StringComparer.Ordinal).ToArray();
            Check.That(listed.SequenceEqual(expected), $"listmodules as {user} {when}", $"[{string.Join(", ", expected)}]", $"[{string.Join(", ", listed)}]");
        }
    }
}
