// Clauses: MOD-OWNER, MOD-WORLD-WRITABLE, ADV-MOD-USER-WRITABLE, ADV-MOD-CHOWN-TO-ROOT
// Compat: PX-MOD-INSECURE-MESSAGE, PX-MOD-NAME-DERIVATION
// Mirrors: Phoenix 90-kmod (loadmodule's file checks and name)

using Phoenix.Values;
using Phoenix.Lua;
using Phoenix.ReferenceKernel.Logging;
using Phoenix.ReferenceKernel.Vfs;

namespace Phoenix.ReferenceKernel.Modules;

/// <summary>
/// The C# half of <c>loadmodule</c> (facts §2.2 steps 3-8): find the file, refuse directories and untrusted files
/// with Phoenix's messages, derive the name, log, and hand name and source back to the Lua half in kmod.lua.
/// </summary>
public sealed class ModuleLoader(MemoryFileSystem fs, Syslog syslog, ModulePolicy policy)
{
    /// <summary>Registered as <c>host.prepareModule(user, path)</c>. Raises a Lua error on refusal.</summary>
    public IReadOnlyList<LuaArg> Prepare(LuaCallbackArgs args)
    {
        var path = args[2] is LuaString s ? s.Text : throw new LuaRaiseException("bad argument #1 (expected string)");
        var file = fs.Find(path.StartsWith('/') ? path : "/" + path)
            ?? throw new LuaRaiseException($"Could not load kernel module: {path}: No such file or directory");
        if (file.IsDirectory) throw new LuaRaiseException("Could not load kernel module: Is a directory");
        if (!policy.IsTrusted(file)) throw new LuaRaiseException("Insecure permissions set on kernel module, refusing to load");
        var name = policy.DeriveName(path)
            ?? throw new LuaRaiseException($"Could not load kernel module: {path}: no module name before the first '.'");
        syslog.Info($"Loading kernel module {name} from {path}");
        return [LuaString.From(name), new LuaString(file.Content)];
    }
}
