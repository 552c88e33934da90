using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>
/// COMPAT: a stack of overlays as Phoenix 0.0.9 keeps it (facts §4.2-§4.5). Mount sources of layerfs
/// (fixtures/PX-FS/layerfs.lua) name the files each layer holds, and its open answers "layer &lt;source&gt;", so a
/// rule sees which layer served a path, what list merged and which layer an unmount took away. Module authors stack
/// overlays (a writable layer over a read-only one); a kernel that picks the wrong layer or drops the wrong one on
/// unmount serves another filesystem's files.
/// </summary>
public sealed class CompatOverlayRules
{
    private const string Disk = "/media/disk";

    private static readonly LuaTable Overlay = LuaTable.Record(("overlay", true));

    [Clause("PX-FS-OVERLAY-STACK")]
    public void ThreeLayers_ListMergesSorted_ThePathGoesToTheFirstLayerHoldingIt(RuleContext context)
    {
        using var kernel = Boot(context);
        Mount(kernel, "z,b", null);
        ExpectList(kernel, ["b", "z"], "one layer \"z,b\"");
        Mount(kernel, "a,b,y,l*", Overlay);
        Mount(kernel, "c,y", Overlay);
        ExpectList(kernel, ["a", "b", "c", "l", "y", "z"], "layers \"z,b\", \"a,b,y,l*\", \"c,y\"");
        // In mount order, the first layer whose stat(path, true) finds the path; the base when none does.
        foreach (var (name, layer) in new[] { ("b", "z,b"), ("y", "a,b,y,l*"), ("c", "c,y"), ("l", "a,b,y,l*"), ("q", "z,b") })
        {
            ExpectLayer(kernel, name, layer, "layers \"z,b\", \"a,b,y,l*\", \"c,y\"");
        }
        ExpectList(kernel, [], "list(\"/media/disk/b\") (every layer refuses it)", Disk + "/b");
    }

    [Clause("PX-FS-OVERLAY-STACK")]
    public void Unmount_TakesAwayTheTopLayerOnly(RuleContext context)
    {
        using var kernel = Boot(context);
        Mount(kernel, "z,b", null);
        Mount(kernel, "a,y", Overlay);
        Mount(kernel, "c", Overlay);
        Check.Succeeds(kernel.Syscall(Modules.Root, "unmount", Disk), "the first unmount(\"/media/disk\")");
        ExpectList(kernel, ["a", "b", "y", "z"], "after one unmount of three layers");
        ExpectLayer(kernel, "c", "z,b", "after the top layer \"c\" went");
        ExpectLayer(kernel, "a", "a,y", "after the top layer \"c\" went");
        Check.That(Sources(kernel).SequenceEqual(["z,b", "a,y"]), "mountlist's /media/disk entries after one unmount", "z,b; a,y",
            string.Join("; ", Sources(kernel)));
        Check.Succeeds(kernel.Syscall(Modules.Root, "unmount", Disk), "the second unmount(\"/media/disk\")");
        ExpectList(kernel, ["b", "z"], "after two unmounts of three layers");
        Check.Succeeds(kernel.Syscall(Modules.Root, "unmount", Disk), "the third unmount(\"/media/disk\")");
        ExpectList(kernel, [], "after the last layer went (the root filesystem's empty directory)");
        Check.FailsWith(kernel.Syscall(Modules.Root, "unmount", Disk), "media/disk: No such mount", "a fourth unmount(\"/media/disk\")");
    }

    private static IKernel Boot(RuleContext context) =>
        context.Boot(BootImage.Empty.WithModule(context, "PX-FS/layerfs.lua", "layerfs").WithDirectory(Disk));

    private static void Mount(IKernel kernel, string source, LuaTable? options) =>
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", options is null ? ["layerfs", source, Disk] : ["layerfs", source, Disk, options]),
            $"mount(\"layerfs\", \"{source}\", \"{Disk}\"{(options is null ? "" : ", {overlay = true}")})");

    private static void ExpectList(IKernel kernel, string[] names, string @case, string path = Disk)
    {
        var list = Check.Is<LuaTable>(Check.Succeeds(kernel.Syscall("alice", "list", path), $"list(\"{path}\"), {@case}", atLeast: 1)[0], $"list(\"{path}\"), {@case}");
        var actual = list.Array.Select(v => v is LuaString s ? s.Text : v.ToString()).ToArray();
        Check.That(actual.SequenceEqual(names), $"list(\"{path}\"), {@case}", string.Join(", ", names), string.Join(", ", actual));
    }

    private static void ExpectLayer(IKernel kernel, string name, string layer, string @case) =>
        Check.Returns(kernel.Syscall("alice", "open", $"{Disk}/{name}", "r"), [LuaValue.Nil, "layer " + layer],
            $"open(\"{Disk}/{name}\", \"r\"), {@case} (layerfs answers nil, \"layer <source>\")");

    private static string[] Sources(IKernel kernel)
    {
        var list = Check.Is<LuaTable>(Check.Succeeds(kernel.Syscall(Modules.Root, "mountlist"), "mountlist", atLeast: 1)[0], "mountlist");
        return [.. list.Array.OfType<LuaTable>().Where(e => e[LuaString.From("path")] == Disk).Select(e => e[LuaString.From("source")] is LuaString s ? s.Text : "?")];
    }
}
