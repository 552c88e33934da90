// Clauses: MOD-CALL-ARGS
// Mirrors: Phoenix 35-process (the caller's process and thread handles)

using Phoenix.Lua;

namespace Phoenix.ReferenceKernel.Processes;

/// <summary>
/// Host-side index of the Lua process and thread tables (facts §7). The adapter's "syscall as user U" runs in one
/// process per user per boot, so repeated calls see the same process and main thread.
/// </summary>
public sealed class ProcessTable(LuaEngine engine, LuaRef newProcess) : IDisposable
{
    private readonly Dictionary<string, (LuaRef Process, LuaRef Thread)> _byUser = new(StringComparer.Ordinal);

    public (LuaRef Process, LuaRef Thread) ForUser(string user)
    {
        if (!_byUser.TryGetValue(user, out var entry))
        {
            var refs = engine.CallForRefs(newProcess, user);
            entry = (refs[0], refs[1]);
            _byUser[user] = entry;
        }
        return entry;
    }

    public void Dispose()
    {
        foreach (var (process, thread) in _byUser.Values)
        {
            process.Dispose();
            thread.Dispose();
        }
        _byUser.Clear();
    }
}
