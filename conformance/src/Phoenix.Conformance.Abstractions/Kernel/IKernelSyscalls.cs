using Phoenix.Values;

namespace Phoenix.Conformance.Abstractions.Kernel;

/// <summary>Runs syscalls as a process of a given user. Every MOD rule depends on this part.</summary>
public interface IKernelSyscalls
{
    /// <summary>
    /// Runs syscall <paramref name="name"/> as a process owned by <paramref name="user"/>, with
    /// <paramref name="args"/> as the user arguments (the kernel adds process and thread itself). Within one boot,
    /// calls with the same user come from the same process and thread, so a rule can compare the handles a module
    /// sees with what <c>getpid</c> reports. A syscall error is a <see cref="SyscallResult"/> failure, not an exception.
    /// </summary>
    SyscallResult Syscall(string user, string name, params LuaValue[] args);
}
