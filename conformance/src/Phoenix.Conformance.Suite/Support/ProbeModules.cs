using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Generators;

namespace Phoenix.Conformance.Suite.Support;

/// <summary>Shorthands for copies of fixtures/MOD-MODEL/probe.lua in rules written by hand.</summary>
public static class ProbeModules
{
    /// <summary>An image with a probe copy <paramref name="id"/> at <paramref name="path"/>.</summary>
    public static BootImage WithProbe(this BootImage image, RuleContext context, string path, string id,
        ModelModuleKind kind = ModelModuleKind.Api, string owner = Modules.Root, string world = "r-x") =>
        image.WithFile(path, ModuleTableSession.Source(context.Fixture("MOD-MODEL/probe.lua"), id, kind), owner, world);

    /// <summary>How often copy <paramref name="id"/>'s chunk ran (0 if never), read through the witness.</summary>
    public static long Runs(this IKernel kernel, string id) => Count(kernel, "modelRuns", id);

    /// <summary>How often copy <paramref name="id"/>'s unload ran (0 if never), read through the witness.</summary>
    public static long Unloads(this IKernel kernel, string id) => Count(kernel, "modelUnloads", id);

    /// <summary>The copy that answers callmodule(name, "who") as <paramref name="user"/>, or null when none does.</summary>
    public static string? Answering(this IKernel kernel, string name, string user = Modules.Root) =>
        kernel.CallModule(user, name, "who") is { Succeeded: true } r && r.Values.Count > 0 && r.Values[0] is LuaString s ? s.Text : null;

    private static long Count(IKernel kernel, string key, string id) =>
        kernel.Witness(key, id) is { Succeeded: true } r && r.Values.Count > 0 && r.Values[0] is LuaInteger n ? n.Value : 0;
}
