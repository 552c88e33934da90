// Clauses: none (a glue script; see Scripting/)
// Mirrors: no Phoenix part

namespace Phoenix.ReferenceKernel;

/// <summary>
/// A Lua glue script the kernel runs at boot with <c>(env, host, kernel)</c>: the kernel-space environment, the
/// C# primitives and the kernel's internal table. The built-in ones are the seven of Scripting/ in
/// <see cref="ReferenceKernel.BuiltInScripts"/> (kernel.lua, kmod.lua, usermode.lua, fs.lua, fs-dispatch.lua, tmpfs.lua,
/// devices.lua); <see cref="KernelOptions.ExtraScripts"/> run after them and may replace kernel parts (variant kernels do).
/// </summary>
public sealed record KernelScript(string Name, string Source);
