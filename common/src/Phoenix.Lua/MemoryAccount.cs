// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LuaState = KeraLua.Lua;

namespace Phoenix.Lua;

/// <summary>
/// The state's allocator and its byte count. Every Lua allocation passes through <see cref="Allocate"/>, so it is
/// kept as cheap as the limit allows: a static unmanaged entry point (no delegate), the counters in native memory
/// reached through Lua's user-data pointer (no engine lookup), plain arithmetic (an engine runs on one thread at a
/// time, so no interlocked update), and the memory itself from Lua's own default allocator (which returns NULL on
/// failure, where NativeMemory would throw through a native frame). The limit is a single comparison: the engine
/// sets it to the real limit while Lua code runs and to "none" while host code pushes values (see Sandbox README).
/// </summary>
internal sealed unsafe class MemoryAccount : IDisposable
{
    private const string LuaLibrary = "lua54";

    [StructLayout(LayoutKind.Sequential)]
    private struct Counters
    {
        public long Allocated;
        public long Limit;
    }

    // Lua's own l_alloc (realloc/free), taken once from a scratch state. Small blocks (nearly every Lua allocation) are
    // requested without a GC transition: realloc of a few KiB is short and never calls back into .NET. Larger ones
    // take the ordinary transition, so a long copy cannot hold up the runtime's garbage collector.
    private static readonly delegate* unmanaged[Cdecl]<void*, void*, nuint, nuint, void*> Native = TakeNativeAllocator();
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void*, nuint, nuint, void*> NativeShort =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void*, nuint, nuint, void*>)Native;
    private const nuint ShortBlock = 16 * 1024;

    // Only for lua_newstate inside KeraLua's constructor, which takes a delegate; the state switches to the unmanaged
    // entry point right after.
    private static readonly KeraLua.LuaAlloc Bootstrap = (ud, p, o, n) => (IntPtr)Core((Counters*)ud, (void*)p, o, n);

    private readonly long _limit;
    private Counters* _counters;

    public MemoryAccount(long limit)
    {
        _limit = limit;
        _counters = (Counters*)NativeMemory.AllocZeroed((nuint)sizeof(Counters));
        _counters->Limit = long.MaxValue;
    }

    /// <summary>Bytes the state holds.</summary>
    public long Allocated => _counters == null ? 0 : Volatile.Read(ref _counters->Allocated);

    /// <summary>Creates a state whose every allocation is counted against this account.</summary>
    public LuaState NewState()
    {
        var state = new LuaState(Bootstrap, (IntPtr)_counters);
        lua_setallocf(state.Handle, &Allocate, _counters);
        return state;
    }

    /// <summary>Whether growth past the limit fails (Lua code runs) or is allowed (host code pushes values).</summary>
    public void Enforce(bool enforce)
    {
        if (_counters != null) _counters->Limit = enforce ? _limit : long.MaxValue;
    }

    /// <summary>Frees the counters; call only after the state is closed. A state never closed keeps them (its
    /// finalizer may still free through them).</summary>
    public void Dispose()
    {
        if (_counters == null) return;
        NativeMemory.Free(_counters);
        _counters = null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void* Allocate(void* userData, void* pointer, nuint oldSize, nuint newSize) =>
        Core((Counters*)userData, pointer, oldSize, newSize);

    private static void* Core(Counters* counters, void* pointer, nuint oldSize, nuint newSize)
    {
        // When pointer is null, oldSize encodes the object type, not a size.
        var old = pointer == null ? 0L : (long)oldSize;
        if (newSize == 0)
        {
            if (old <= (long)ShortBlock) NativeShort(null, pointer, oldSize, 0);
            else Native(null, pointer, oldSize, 0);
            counters->Allocated -= old;
            return null;
        }
        var delta = (long)newSize - old;
        if (delta > 0 && counters->Allocated + delta > counters->Limit) return null;
        var result = newSize <= ShortBlock && old <= (long)ShortBlock
            ? NativeShort(null, pointer, oldSize, newSize)
            : Native(null, pointer, oldSize, newSize);
        if (result != null) counters->Allocated += delta;
        return result;
    }

    private static delegate* unmanaged[Cdecl]<void*, void*, nuint, nuint, void*> TakeNativeAllocator()
    {
        using var scratch = new LuaState(openLibs: false);
        void* userData;
        return lua_getallocf(scratch.Handle, &userData);
    }

    [DllImport(LuaLibrary, CallingConvention = CallingConvention.Cdecl)]
    private static extern delegate* unmanaged[Cdecl]<void*, void*, nuint, nuint, void*> lua_getallocf(IntPtr state, void** userData);

    [DllImport(LuaLibrary, CallingConvention = CallingConvention.Cdecl)]
    private static extern void lua_setallocf(IntPtr state, delegate* unmanaged[Cdecl]<void*, void*, nuint, nuint, void*> allocator, void* userData);
}
