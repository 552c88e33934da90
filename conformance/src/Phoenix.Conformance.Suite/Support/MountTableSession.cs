using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Generators;

namespace Phoenix.Conformance.Suite.Support;

/// <summary>
/// Runs a mount-table scenario against a kernel and the <see cref="MountTableModel"/> side by side, comparing them
/// through the chosen views after every step: the call the recording filesystem logged, stat probes of every mount
/// point, and mountlist. Where the model leaves a step's outcome open, the session takes the kernel's outcome as the
/// new state, so a kernel that reports one thing and does another is still caught through the other views.
/// </summary>
public static class MountTableSession
{
    /// <summary>Paths stat'ed after every mount and unmount: one inside each place a mount may be.</summary>
    private static readonly string[] Probes = ["/mnt/p", "/mntx/p", "/mnt/a/p", "/mnt/a/b/p", "/mnt/ab/p", "/Mnt/p", "/MNT/p", "/media/disk/p", "/home/alice/p"];

    public static void Run(RuleContext context, FsScenario scenario, FsViews views, bool followPhoenix)
    {
        var image = FsGenerators.Directories.Aggregate(BootImage.Empty.WithRecfs(context), (i, d) => i.WithDirectory(d));
        using var kernel = context.Boot(image);
        var model = new MountTableModel(followPhoenix);
        CompareMountlist(kernel, model, views, "after boot", 0);
        var step = 0;
        foreach (var op in scenario.Ops)
        {
            step++;
            // Unmounting the root takes the boot image with it (Phoenix allows it, facts §10 B8): nothing to compare after.
            if (op.Kind == FsOpKind.Unmount && MountTableModel.Key(op.Path).Length == 0) continue;
            var @case = $"step {step}, {op}";
            kernel.ClearRecording();
            switch (op.Kind)
            {
                case FsOpKind.Mount: Mount(kernel, model, views, op, @case); break;
                case FsOpKind.Unmount: Unmount(kernel, model, views, op, @case); break;
                default: Call(kernel, model, views, op, @case); break;
            }
            if (model.Lost) return;
            if (op.Kind != FsOpKind.Call && views.HasFlag(FsViews.Routing)) Probe(kernel, model, $"after {@case}");
            CompareMountlist(kernel, model, views, $"after {@case}", step);
        }
    }

    private static void Mount(IKernel kernel, MountTableModel model, FsViews views, FsOp op, string @case)
    {
        var expected = model.ExpectMount(op);
        var result = kernel.Syscall(op.User, "mount", op.SyscallArgs);
        CheckOutcome(views, FsViews.MountOutcomes, expected, result, @case);
        if (result.Succeeded && !expected.KnownType)
        {
            // Something was mounted for a type nobody stored: what it does is anybody's guess.
            model.Lose();
            return;
        }
        if (views.HasFlag(FsViews.New))
        {
            var news = kernel.Calls("new");
            if (result.Succeeded)
            {
                Check.That(news.Count == 1, $"{@case}: calls of recfs's new", "exactly one", news.Count == 0 ? "none" : string.Join("; ", news));
                var call = news[0];
                Check.Equal(true, call.SelfIsClass, $"{@case}: new's self is the class table (a ':' call)");
                Check.Equal(op.User, call.User, $"{@case}: process.user of new's process argument");
                Check.That(call.Args.Count >= 2 && call.Args[0] == op.Source, $"{@case}: new's source", op.Source, string.Join(", ", call.Args));
                if (op.Options is { } options) Check.Equal(options, call.Args[1], $"{@case}: new's options (the table mount got)");
                else Check.Equal("table", call.OptionsType, $"{@case}: type of new's options when mount had none");
            }
            else if (!expected.KnownType)
            {
                Check.That(news.Count == 0, $"{@case}: calls of recfs's new", "none (the type is not recfs)", string.Join("; ", news));
            }
        }
        if (result.Succeeded) model.Mounted(op);
    }

    private static void Unmount(IKernel kernel, MountTableModel model, FsViews views, FsOp op, string @case)
    {
        var expected = model.ExpectUnmount(op);
        var result = kernel.Syscall(op.User, "unmount", op.SyscallArgs);
        CheckOutcome(views, FsViews.UnmountOutcomes, expected, result, @case);
        if (!result.Succeeded) return;
        if (!model.IsMounted(op.Path))
        {
            // The kernel unmounted something at a path the model has no mount at: which one is anybody's guess.
            model.Lose();
            return;
        }
        var source = model.Unmounted(op);
        if (!views.HasFlag(FsViews.Hook)) return;
        var hooks = kernel.Calls("unmount");
        Check.That(hooks.Count == 1 && hooks[0].Mount == source && hooks[0].SelfIsMount && hooks[0].User == op.User,
            $"{@case}: unmount hooks called", $"one, on the mount with source {source}, as a ':' call with {op.User}'s process",
            hooks.Count == 0 ? "none" : string.Join("; ", hooks));
    }

    private static void CheckOutcome(FsViews views, FsViews view, MountTableModel.Expectation expected, SyscallResult result, string @case)
    {
        if (views.HasFlag(view) && expected.Succeeds is { } succeeds && result.Succeeded != succeeds)
        {
            throw Check.Violation(@case, succeeds ? "success" : "an error", result.ToString());
        }
        if (views.HasFlag(FsViews.Errors) && expected.Error is { } message && !result.Succeeded)
        {
            // Compared as Lua strings: a first line is printed as the kernel gave it.
            Check.That(result.ErrorFirstLine.Contains(message, StringComparison.Ordinal), $"{@case}: first line of the error",
                LuaString.From(message).ToString(), LuaString.From(result.ErrorFirstLine).ToString());
        }
    }

    private static void Call(IKernel kernel, MountTableModel model, FsViews views, FsOp op, string @case)
    {
        // The model knows the boot's root filesystem as a fixed set of directories: a call that would change it (a
        // rename of /mnt, say) is not made. Reads are, and must not reach a recording mount.
        var reads = op.Method is "stat" or "list" || (op.Method == "open" && op.ExtraArgs is [LuaString { Text: "r" or "rb" }]);
        if (!reads && (model.Resolve(op.Path) is null || (op.Method == "rename" && model.Resolve(op.Path2) is null))) return;
        kernel.Syscall(op.User, op.Method, op.SyscallArgs);
        var calls = kernel.Calls(op.Method);
        var target = model.Resolve(op.Path);
        string? relative2 = null;
        if (op.Method == "rename")
        {
            var to = model.Resolve(op.Path2);
            // Across two filesystems the page does not say what happens (Phoenix refuses).
            if (to?.Source != target?.Source) return;
            relative2 = to?.Relative;
        }
        var checksWhere = views.HasFlag(FsViews.Routing) || views.HasFlag(FsViews.Methods);
        if (target is not { } where)
        {
            if (checksWhere) Check.That(calls.Count == 0, @case, "the root filesystem to serve it", $"recfs got {string.Join("; ", calls)}");
            return;
        }
        if (!checksWhere && !views.HasFlag(FsViews.Arguments)) return;
        Check.That(calls.Count == 1 && calls[0].Mount == where.Source, @case, $"one call of {op.Method} on the mount with source {where.Source}",
            calls.Count == 0 ? $"none (all calls: {string.Join("; ", kernel.Recording())})" : string.Join("; ", calls));
        var got = calls[0];
        if (views.HasFlag(FsViews.Routing))
        {
            if (where.Relative is { } relative) Check.Equal(relative, got.Args.Count > 0 ? got.Args[0] : LuaValue.Nil, $"{@case}: the relative path");
            if (relative2 is not null) Check.Equal(relative2, got.Args.Count > 1 ? got.Args[1] : LuaValue.Nil, $"{@case}: the relative path to rename to");
        }
        if (views.HasFlag(FsViews.Arguments))
        {
            Check.That(got.SelfIsMount, $"{@case}: first argument", "the mount object (a ':' call)", "another value");
            Check.Equal("table", got.ProcessType, $"{@case}: type of the process argument");
            Check.Equal(op.User, got.User, $"{@case}: process.user of the process argument");
            // link's location: the page does not say whether it is made relative (Phoenix passes it as given), so it is
            // skipped like a path.
            var paths = op.Method is "rename" or "link" ? 2 : 1;
            var extra = op.Method == "link" ? [] : op.ExtraArgs;
            var after = got.Args.Skip(paths).ToArray();
            var matches = after.Length >= extra.Count && after.Take(extra.Count).SequenceEqual(extra) && after.Skip(extra.Count).All(a => a is LuaNil);
            Check.That(matches, $"{@case}: arguments after the path", $"({string.Join(", ", extra)})", $"({string.Join(", ", after)})");
        }
    }

    private static void Probe(IKernel kernel, MountTableModel model, string @case)
    {
        kernel.ClearRecording();
        var expected = new List<string>();
        foreach (var probe in Probes)
        {
            kernel.Syscall(Modules.Root, "stat", probe);
            if (model.Resolve(probe) is { } where) expected.Add($"{where.Source}:{where.Relative}");
        }
        var actual = kernel.Calls("stat").Select(c => $"{Plain(c.Mount)}:{Plain(c.Args.Count > 0 ? c.Args[0] : LuaValue.Nil)}").ToArray();
        Check.That(actual.SequenceEqual(expected), $"{@case}: stat of [{string.Join(", ", Probes)}]",
            $"recfs stat calls [{string.Join(", ", expected)}]", $"[{string.Join(", ", actual)}]");
    }

    /// <summary>A string as its text, anything else as Lua shows it: the model's side is plain text.</summary>
    private static string Plain(LuaValue value) => value is LuaString s ? s.Text : value.ToString();

    private static void CompareMountlist(IKernel kernel, MountTableModel model, FsViews views, string @case, int step)
    {
        if (!views.HasFlag(FsViews.Info) && !views.HasFlag(FsViews.List)) return;
        var user = step % 2 == 0 ? Modules.Root : "alice";
        var values = Check.Succeeds(kernel.Syscall(user, "mountlist"), $"{@case}: mountlist as {user}");
        var entries = values.Count > 0 && values[0] is LuaTable list ? list.Array.OfType<LuaTable>().ToArray() : [];
        string Field(LuaTable entry, string key) => Plain(entry[LuaString.From(key)]);
        if (views.HasFlag(FsViews.Info))
        {
            foreach (var (_, layer) in model.Layers)
            {
                var entry = entries.FirstOrDefault(e => e[LuaString.From("source")] == layer.Source);
                Check.That(entry is not null && entry[LuaString.From("type")] == MountTableModel.Type, $"{@case}: mountlist as {user}",
                    $"an entry of type recfs with source {layer.Source} (what its info returns)", string.Join(", ", entries.Select(e => e.ToString())));
                var options = entry![LuaString.From("options")];
                if (layer.Options is { } given) Check.Equal(given, options, $"{@case}: options of {layer.Source} in mountlist (info's third value)");
                else Check.That(options is LuaTable, $"{@case}: options of {layer.Source} in mountlist", "a table", options.ToString());
            }
        }
        if (views.HasFlag(FsViews.List))
        {
            var expected = model.Layers.Select(l => $"{l.Path} {l.Layer.Source}").Order(StringComparer.Ordinal).ToArray();
            var actual = entries.Where(e => e[LuaString.From("type")] == MountTableModel.Type)
                .Select(e => $"{Field(e, "path")} {Field(e, "source")}").Order(StringComparer.Ordinal).ToArray();
            Check.That(actual.SequenceEqual(expected) && entries.Any(e => e[LuaString.From("path")] == "/"), $"{@case}: mountlist as {user}",
                $"the root \"/\" and recfs entries [{string.Join(", ", expected)}]", $"[{string.Join(", ", actual)}] (all: {entries.Length})");
        }
    }
}
