// Clauses: none (the host table and the built-in scripts)
// Mirrors: no Phoenix part

using Phoenix.ComputerCraft.Paths;
using Phoenix.Common;
using Phoenix.Values;
using Phoenix.Lua;
using Phoenix.ReferenceKernel.Boot;
using Phoenix.ReferenceKernel.Logging;
using Phoenix.ReferenceKernel.Modules;
using Phoenix.ReferenceKernel.Vfs;

namespace Phoenix.ReferenceKernel;

public sealed partial class ReferenceKernel
{
    /// <summary>The <c>host</c> table of C# primitives the glue scripts call. Modules never see it.</summary>
    private LuaRef CreateHost(ModuleLoader loader, TmpFs tmpfs)
    {
        var host = _engine.NewTable();
        _engine.SetField(host, "version", _options.PhoenixVersion);
        _engine.SetField(host, "epochMs", Epoch.ToUnixTimeMilliseconds());
        _engine.Register(host, "log", Log).Dispose();
        _engine.Register(host, "prepareModule", loader.Prepare).Dispose();
        _engine.Register(host, "newUserEnv", _ => [_engine.CreateEnvironment()]).Dispose();
        _engine.Register(host, "normalize", args => [CcPath.Normalize(args[1] is LuaString s ? s.Text : "")]).Dispose();
        _engine.Register(host, "tmpfsNew", tmpfs.New).Dispose();
        foreach (var (name, operation) in new (string, LuaCallback)[]
        {
            ("tmpfsStat", tmpfs.Stat), ("tmpfsList", tmpfs.List), ("tmpfsMkdir", tmpfs.Mkdir), ("tmpfsRemove", tmpfs.Remove),
            ("tmpfsRename", tmpfs.Rename), ("tmpfsChmod", tmpfs.Chmod), ("tmpfsChown", tmpfs.Chown), ("tmpfsOpen", tmpfs.Open),
            ("tmpfsAppend", tmpfs.Append),
        })
        {
            _engine.Register(host, name, operation).Dispose();
        }
        RegisterDeviceHost(host);
        return host;
    }

    private IReadOnlyList<LuaArg> Log(LuaCallbackArgs args)
    {
        var level = args[1] is LuaInteger i ? (int)Math.Clamp(i.Value, 0, 6) : args[1] is LuaFloat f ? (int)Math.Clamp(f.Value, 0, 6) : 1;
        Syslog.Log((SyslogLevel)level, Text(args[2]) ?? "", Text(args[3]), Text(args[4]));
        return [];
    }

    private static string? Text(LuaValue value) => value is LuaString s ? s.Text : null;

    /// <summary>The built-in glue scripts, in the order they run at boot (names and sources); what
    /// <see cref="KernelOptions.ScriptOverrides"/> replaces by name.</summary>
    public static IReadOnlyList<KernelScript> BuiltInScripts { get; } =
        new[] { "kernel.lua", "kmod.lua", "usermode.lua", "fs.lua", "fs-dispatch.lua", "tmpfs.lua", "devices.lua" }.Select(name => new KernelScript(name, ReadScript(name))).ToArray();

    /// <summary>
    /// The scripts that give modules Phoenix 0.0.9's kernel API beyond the page (reference-kernel/KERNEL-API.md): run
    /// after the built-in scripts, whose kernel parts they build on. Kept apart from <see cref="BuiltInScripts"/> so
    /// mutation testing, which samples the built-ins, measures the page's rules alone; the reference kernel's own
    /// tests cover these (Phoenix.ReferenceKernel.Tests/KernelApi).
    /// </summary>
    public static IReadOnlyList<KernelScript> ApiScripts { get; } =
        new[] { "api-core.lua", "api-lualib.lua", "api-filesystem.lua", "api-craftos.lua", "api-hardware.lua" }.Select(name => new KernelScript(name, ReadScript(name))).ToArray();

    private static readonly string Bit32Source = ReadScript("bit32.lua");

    private static readonly string Math52Source = ReadScript("math52.lua");

    /// <summary>The scripts this kernel runs: the built-ins, each replaced by its override if it has one.</summary>
    private static IEnumerable<KernelScript> ScriptsFor(KernelOptions options)
    {
        var unknown = options.ScriptOverrides.Keys.Where(name => BuiltInScripts.All(s => s.Name != name)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"ScriptOverrides names no built-in script: {string.Join(", ", unknown)} (built-in: {string.Join(", ", BuiltInScripts.Select(s => s.Name))}).");
        }
        return BuiltInScripts.Select(s => options.ScriptOverrides.TryGetValue(s.Name, out var source) ? s with { Source = source } : s);
    }

    private static readonly string PartsCheckSource = ReadScript("parts.lua");

    /// <summary>Checks the kernel table against <see cref="KernelParts"/> (Scripting/parts.lua): a name the glue
    /// defines but the list does not declare fails the boot; then the table refuses undeclared names, and the host
    /// table (<see cref="CreateHost"/>) refuses to read names it does not have.</summary>
    private void GuardKernelParts(LuaRef scriptEnv, LuaRef host)
    {
        using var declared = _engine.NewTable();
        foreach (var name in KernelParts.All) _engine.SetField(declared, name, true);
        using var check = _engine.Load(CompiledScripts.For(PartsCheckSource), scriptEnv);
        if (_engine.Call(check, _internals, declared, host) is [LuaString { Text: { Length: > 0 } undeclared }, ..])
        {
            throw new KernelBootException($"The kernel glue defines parts that KernelParts does not declare: {undeclared}.");
        }
    }

    private static string ReadScript(string name) =>
        EmbeddedResource.Text(typeof(ReferenceKernel).Assembly, "Phoenix.ReferenceKernel." + name);
}
