using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Harness.Running;

namespace Phoenix.Conformance.Suite.Support;

/// <summary>Shorthands rules share for putting fixture modules into images and calling them.</summary>
public static class Modules
{
    public const string Directory = "/lib/modules";

    public const string Root = "root";

    /// <summary>An image with the fixture at /lib/modules/&lt;name&gt;.lua, owned by <paramref name="owner"/>.</summary>
    public static BootImage WithModule(this BootImage image, RuleContext context, string fixture, string name,
        string owner = Root, string world = "r-x", string directory = Directory) =>
        image.WithFile($"{directory}/{name}.lua", context.Fixture(fixture), owner, world);

    /// <summary>The witness module (fixtures/common/witness.lua), which reads the CONFORMANCE global.</summary>
    public static BootImage WithWitness(this BootImage image, RuleContext context) =>
        image.WithModule(context, "common/witness.lua", "witness");

    public static SyscallResult CallModule(this IKernel kernel, string user, string module, string function, params LuaValue[] args) =>
        kernel.Syscall(user, "callmodule", [module, function, .. args]);

    /// <summary>Runs <paramref name="source"/> as a user program of <paramref name="user"/> (adapter: RunUserChunk).</summary>
    public static SyscallResult Program(this IKernel kernel, string user, string source, params LuaValue[] args) =>
        kernel.RunUserChunk(user, source, args);

    /// <summary>CONFORMANCE[key][subkey] as recorded by fixture modules, read through the witness module.</summary>
    public static SyscallResult Witness(this IKernel kernel, string key, string? subkey = null) =>
        kernel.CallModule(Root, "witness", "get", subkey is null ? [key] : [key, subkey]);

    /// <summary>Whether callmodule reaches <paramref name="module"/>'s <c>ping</c> (the loaded-module probe).</summary>
    public static bool Answers(this IKernel kernel, string module, string user = Root) =>
        kernel.CallModule(user, module, "ping") is { Succeeded: true } r && r.Values.Count > 0 && r.Values[0] == "pong";
}
