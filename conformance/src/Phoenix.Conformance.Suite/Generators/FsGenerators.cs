using FsCheck;
using FsCheck.Fluent;
using Phoenix.Values;
using Phoenix.Conformance.Harness.Properties;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>
/// Mount-table scenarios: up to twelve steps by root and ordinary users that mount the recording filesystem (or a
/// type named like it in another case), unmount, and make filesystem syscalls. Paths start from mount points that
/// nest ("/mnt", "/mnt/a", "/mnt/a/b"), share a prefix ("/mntx", "/mnt/ab"), differ only in case ("/Mnt", "/MNT"),
/// or are the root, and are written with trailing or doubled slashes, "." and ".."; call paths go on into, out of and across mounts. What each step must do is the model's business
/// (<see cref="Support.MountTableModel"/>), not the generator's.
/// </summary>
public static class FsGenerators
{
    /// <summary>Directories of the boot image (besides the recording filesystem's own): "/Mnt" exists, "/MNT" does not.</summary>
    public static readonly string[] Directories = ["/mnt", "/mntx", "/mnt/a", "/mnt/a/b", "/Mnt"];

    public static readonly string[] Users = ["root", "root", "alice", "Root"];

    private static readonly string[] Bases = ["/mnt", "/mnt", "/mntx", "/mnt/a", "/mnt/a/b", "/mnt/ab", "/Mnt", "/media/disk", "/"];

    private static readonly string[] Segments = ["f.txt", "d", "a", "b", "x", ".", "..", "mntx", "mnt"];

    private static readonly string[] Types = ["RecFS", "RECFS", "Recfs", "recfs "];

    /// <summary>Scenarios start with one or two mounts by root on directories of the image, so the steps after them
    /// meet mounts more often than blind draws would; shrinking may drop those too.</summary>
    public static Arbitrary<FsScenario> Scenarios(FsMix mix) => Arb.From(
        from setupCount in Gen.Choose(1, 2)
        from setup in Gen.ArrayOf(Gen.Elements(Directories).Select(d => new FsOp(FsOpKind.Mount, "root", d, "recfs")), setupCount)
        from count in Gen.Choose(3, 12)
        from ops in Gen.ArrayOf(Op(mix), count)
        select new FsScenario(setup.Concat(ops).Select((op, i) => op.Kind == FsOpKind.Mount ? op with { Source = $"s{i}" } : op).ToArray()),
        Shrink);

    /// <summary>A path from a mount point: the point itself written one of eight ways, then up to three segments.</summary>
    public static Gen<string> Path(int maxSegments) =>
        from root in Gen.Elements(Bases)
        from style in Gen.Choose(0, 7)
        from count in Gen.Choose(0, maxSegments)
        from segments in Gen.ArrayOf(Gen.Elements(Segments), count)
        select Join(Variant(root, style), segments);

    private static string Variant(string point, int style) => style switch
    {
        1 => point.EndsWith('/') ? point : point + "/",
        // Relative paths would need the caller's working directory, which the page does not fix (Phoenix's agent
        // processes do not start at "/"): a dotted absolute form instead.
        2 => point == "/" ? "/a/.." : "/" + point[1..] + "/../" + point[(point.LastIndexOf('/') + 1)..],
        3 => "/." + point,
        4 => point.TrimEnd('/') + "/x/..",
        5 => point.ToUpperInvariant(),
        6 => "/" + point,
        7 => point.TrimEnd('/') + "/.",
        _ => point,
    };

    private static string Join(string start, string[] segments) =>
        segments.Aggregate(start, (path, segment) => path.EndsWith('/') ? path + segment : path + "/" + segment);

    private static Gen<FsOp> Op(FsMix mix) =>
        from kind in Gen.Frequency((mix.Mount, Gen.Constant(FsOpKind.Mount)), (mix.Unmount, Gen.Constant(FsOpKind.Unmount)), (mix.Call, Gen.Constant(FsOpKind.Call)))
        from user in mix.AnyUser ? Gen.Elements(Users) : Gen.Constant("root")
        from op in kind switch
        {
            FsOpKind.Mount => Mount(mix, user),
            FsOpKind.Unmount => Path(0).Select(p => new FsOp(FsOpKind.Unmount, user, p)),
            _ => Call(mix, user),
        }
        select op;

    private static Gen<FsOp> Mount(FsMix mix, string user) =>
        from dest in Path(1)
        from type in mix.TypeVariants ? Gen.Frequency((3, Gen.Constant("recfs")), (1, Gen.Elements(Types))) : Gen.Constant("recfs")
        from options in mix.Options ? Gen.Frequency((1, Gen.Constant<LuaValue?>(null)), (2, Options)) : Gen.Constant<LuaValue?>(null)
        select new FsOp(FsOpKind.Mount, user, dest, type, Options: options);

    // Options a kernel reads itself (Phoenix's overlay) would change what the mount does; the rest is the module's.
    // Each has a table nested under "nested", so a kernel that copies options one level deep is seen.
    private static Gen<LuaValue?> Options =>
        from outer in LuaValueGenerators.TableOfSize(6)
        from inner in LuaValueGenerators.TableOfSize(8)
        let table = (LuaTable)outer
        select (LuaValue?)new LuaTable(table.Array,
            table.Hash.Where(kv => kv.Key != "overlay" && kv.Key != "nested").Append(KeyValuePair.Create<LuaValue, LuaValue>("nested", inner)));

    private static Gen<FsOp> Call(FsMix mix, string user) =>
        from method in Gen.Elements(mix.Methods.ToArray())
        from path in Path(3)
        from path2 in Path(2)
        from extra in Extra(method)
        select new FsOp(FsOpKind.Call, user, path, Method: method, Path2: method == "rename" ? path2 : "", Extra: extra);

    private static Gen<LuaValue[]> Extra(string method) => method switch
    {
        "open" => Gen.Elements("r", "w", "a", "rb").Select(m => new LuaValue[] { m }),
        "chmod" =>
            from who in Gen.Elements<LuaValue>(LuaValue.Nil, "alice", "Alice", "root")
            from mode in Gen.Elements<LuaValue>("rw-", "+x", "-w", 5L, LuaTable.Record(("read", true), ("write", false)))
            select new[] { who, mode },
        "chown" => Gen.Elements("bob", "Bob", "root").Select(u => new LuaValue[] { u }),
        "link" => Gen.Elements("/target", "rel/t", "../x").Select(l => new LuaValue[] { l }),
        _ => Gen.Constant(Array.Empty<LuaValue>()),
    };

    /// <summary>
    /// Fewer steps (the first half, then one step at a time), then per step: no options, a shorter path (its last
    /// segment dropped), and the exact type name for a case variant. Sources stay unique, as steps only go.
    /// </summary>
    public static IEnumerable<FsScenario> Shrink(FsScenario scenario)
    {
        var ops = scenario.Ops.ToArray();
        if (ops.Length > 1) yield return scenario with { Ops = ops[..(ops.Length / 2)] };
        for (var i = 0; i < ops.Length; i++) yield return scenario with { Ops = [.. ops[..i], .. ops[(i + 1)..]] };
        for (var i = 0; i < ops.Length; i++)
        {
            var op = ops[i];
            if (op.Options is not null) yield return With(ops, i, op with { Options = null });
            if (op.Type.Length > 0 && op.Type != "recfs") yield return With(ops, i, op with { Type = "recfs" });
            if (ShorterPath(op.Path) is { } shorter) yield return With(ops, i, op with { Path = shorter });
            if (ShorterPath(op.Path2) is { } shorter2) yield return With(ops, i, op with { Path2 = shorter2 });
        }
    }

    private static FsScenario With(FsOp[] ops, int index, FsOp op)
    {
        var copy = (FsOp[])ops.Clone();
        copy[index] = op;
        return new FsScenario(copy);
    }

    private static string? ShorterPath(string path)
    {
        var trimmed = path.TrimEnd('/');
        var cut = trimmed.LastIndexOf('/');
        return cut switch
        {
            < 0 => null,
            0 => trimmed.Length > 1 ? "/" : null,
            _ => trimmed[..cut],
        };
    }
}
