using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Generators;

namespace Phoenix.Conformance.Suite.Support;

/// <summary>
/// Runs a module-table scenario against a kernel and the <see cref="ModuleTableModel"/> side by side, comparing them
/// through the chosen views after boot and after every step. Permission changes are issued by whoever the scenario
/// says, and whatever the kernel made of them is read back with stat (the view the adapter contract sets module
/// trust up through): the model then judges the next loadmodule by that metadata.
/// </summary>
public static class ModuleTableSession
{
    public static void Run(RuleContext context, ModuleScenario scenario, ModuleViews views, bool followPhoenix)
    {
        var template = context.Fixture("MOD-MODEL/probe.lua");
        var image = BootImage.Empty.WithWitness(context).WithDirectory(ModuleGenerators.Manual);
        foreach (var file in scenario.Files)
        {
            image = image.WithFile(file.Path, Source(template, file.Id, file.Kind), file.Owner, file.World);
        }
        using var kernel = context.Boot(image);
        var model = new ModuleTableModel(scenario.Files, followPhoenix);
        var probes = scenario.Files.Select(f => ModuleTableModel.NameOf(f.Path)).OfType<string>()
            .SelectMany(n => new[] { n, ModuleNames.Variant(n, 4), ModuleNames.Variant(n, 7) })
            .Distinct(StringComparer.Ordinal).ToArray();
        var step = 0;
        Compare(kernel, model, views, probes, "after boot", step);
        foreach (var op in scenario.Ops)
        {
            step++;
            Apply(kernel, model, views, op, $"step {step}, {op}");
            Compare(kernel, model, views, probes, $"after step {step}, {op}", step);
        }
    }

    /// <summary>The text of one copy of fixtures/MOD-MODEL/probe.lua (<paramref name="template"/>).</summary>
    public static string Source(string template, string id, ModelModuleKind kind) =>
        template.Replace("@ID@", id, StringComparison.Ordinal).Replace("@KIND@", KindText(kind), StringComparison.Ordinal);

    private static string KindText(ModelModuleKind kind) => kind switch
    {
        ModelModuleKind.Api => "api",
        ModelModuleKind.ApiOnly => "apionly",
        ModelModuleKind.Nothing => "nothing",
        _ => "throws",
    };

    private static void Apply(IKernel kernel, ModuleTableModel model, ModuleViews views, ModuleOp op, string @case)
    {
        switch (op.Kind)
        {
            case ModuleOpKind.Load:
                kernel.Syscall(op.User, "loadmodule", op.Target);
                model.Load(op.User, op.Target);
                break;
            case ModuleOpKind.Unload:
                kernel.Syscall(op.User, "unloadmodule", op.Target);
                model.Unload(op.User, op.Target);
                break;
            case ModuleOpKind.Call:
                CheckWho(kernel, model, views, op.User, op.Target, @case);
                break;
            default:
                if (op.Kind == ModuleOpKind.Chmod) kernel.Syscall(op.User, "chmod", op.Target, LuaValue.Nil, op.WorldWritable ? "+w" : "-w");
                else kernel.Syscall(op.User, "chown", op.Target, op.Owner);
                var stat = Check.Succeeds(kernel.Syscall(Modules.Root, "stat", op.Target), $"{@case}: stat as root");
                var owner = stat.Count > 0 && stat[0] is LuaTable t && t[LuaString.From("owner")] is LuaString o ? o.Text : null;
                var world = stat.Count > 0 && stat[0] is LuaTable u ? u[LuaString.From("worldPermissions")] : LuaValue.Nil;
                Check.That(owner is not null && world is LuaTable, $"{@case}: stat as root", "a table with owner and worldPermissions",
                    stat.Count > 0 ? stat[0].ToString() : "nothing");
                model.Observe(op.Target, owner!, Writes(world), UserWrites(stat[0]));
                break;
        }
    }

    private static bool Writes(LuaValue access) => access is LuaTable t && t[LuaString.From("write")] is LuaBoolean { Value: true };

    /// <summary>Whether a user other than root may write the file through its per-user entry (facts §4.7: the entry
    /// replaces world permissions for that user).</summary>
    private static bool UserWrites(LuaValue stat) =>
        stat is LuaTable t && t[LuaString.From("permissions")] is LuaTable entries
        && entries.Hash.Any(kv => kv.Key is LuaString { Text: not "root" } && Writes(kv.Value));

    private static void CheckWho(IKernel kernel, ModuleTableModel model, ModuleViews views, string user, string name, string @case)
    {
        var result = kernel.CallModule(user, name, "who");
        // Each view looks only at what its clause says: Who at every answer, Errors only at the calls that must fail.
        var wanted = model.Who(name) is null ? views.HasFlag(ModuleViews.Who) || views.HasFlag(ModuleViews.Errors) : views.HasFlag(ModuleViews.Who);
        if (!model.Knows(name) || !wanted) return;
        var callCase = $"{@case}: callmodule({LuaString.From(name)}, \"who\") as {user}";
        if (model.Who(name) is { Generation: 0 } copy)
        {
            var values = Check.Succeeds(result, callCase);
            Check.Equal(copy.Id, values.Count > 0 ? values[0] : LuaValue.Nil, callCase + ": the copy that answered");
        }
        else if (model.Who(name) is { } who) Check.Returns(result, [who.Id, (long)who.Generation], callCase);
        else if (views.HasFlag(ModuleViews.Errors))
        {
            // Compared and printed as Lua strings: a name may hold a NUL byte, which reports must not carry raw.
            var first = Check.Fails(result, callCase);
            Check.That(first.StartsWith(model.CallError(name), StringComparison.Ordinal), callCase + ": first line of the error",
                LuaString.From(model.CallError(name)) + " at its start", LuaString.From(first).ToString());
        }
        else Check.Fails(result, callCase + $" (loaded now: {string.Join(", ", model.Loaded.Select(n => LuaString.From(n).ToString()))})");
    }

    private static void Compare(IKernel kernel, ModuleTableModel model, ModuleViews views, string[] probes, string @case, int step)
    {
        if (views.HasFlag(ModuleViews.Who) || views.HasFlag(ModuleViews.Errors))
        {
            for (var i = 0; i < probes.Length; i++) CheckWho(kernel, model, views, ModuleGenerators.Users[(i + step) % ModuleGenerators.Users.Length], probes[i], @case);
        }
        if (views.HasFlag(ModuleViews.Runs)) CompareCounts(kernel, model, "modelRuns", model.Runs, "chunk runs", @case);
        if (views.HasFlag(ModuleViews.Unloads)) CompareCounts(kernel, model, "modelUnloads", model.Unloads, "unload calls", @case);
        if (views.HasFlag(ModuleViews.List))
        {
            var user = step % 2 == 0 ? Modules.Root : "alice";
            var listed = Check.Succeeds(kernel.Syscall(user, "listmodules"), $"{@case}: listmodules as {user}");
            var names = listed.Count > 0 && listed[0] is LuaTable t ? t.Array.Concat(t.Hash.Select(kv => kv.Value)).Select(v => v.ToString()).Order(StringComparer.Ordinal).ToArray() : [];
            var expected = model.Loaded.Append("witness").Select(n => LuaString.From(n).ToString()).Order(StringComparer.Ordinal).ToArray();
            Check.That(names.SequenceEqual(expected), $"{@case}: listmodules as {user}", $"[{string.Join(", ", expected)}]", $"[{string.Join(", ", names)}]");
        }
    }

    private static void CompareCounts(IKernel kernel, ModuleTableModel model, string key, Func<string, int> expected, string what, string @case)
    {
        var values = Check.Succeeds(kernel.Witness(key), $"{@case}: witness {key}");
        var table = values.Count > 0 ? values[0] as LuaTable : null;
        foreach (var file in model.Files.Where(f => model.KnowsCopy(f.Id)))
        {
            var actual = table?[LuaString.From(file.Id)] is LuaInteger n ? n.Value : 0;
            Check.That(actual == expected(file.Id), $"{@case}: {what} of {file}", expected(file.Id).ToString(), actual.ToString());
        }
    }
}
