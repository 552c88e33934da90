using Phoenix.Values;

namespace Phoenix.Conformance.Abstractions.Kernel;

/// <summary>
/// Runs a user-mode Lua chunk as a process of a given user: the chunk may call syscalls and returns values.
/// Needed by MOD-USER-CALLBACK and the user-mode rules; an adapter may leave it unsupported.
/// </summary>
public interface IKernelUserMode
{
    SyscallResult RunUserChunk(string user, string source, params LuaValue[] args);
}
