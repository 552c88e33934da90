using FsCheck;
using FsCheck.Fluent;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>
/// Module-table scenarios: two to five module files (in /lib/modules, loaded at boot, or in /lib/modules/manual),
/// then up to ten steps by root and ordinary users. Steps are raw choices resolved against the files, so shrinking
/// (dropping steps or files) keeps every scenario valid. What each step must do is the model's business
/// (<see cref="Support.ModuleTableModel"/>), not the generator's.
/// </summary>
public static class ModuleGenerators
{
    public const string Manual = "/lib/modules/manual";

    /// <summary>Callers: root, two ordinary users, and one whose name differs from root's only in case (an ordinary
    /// user too: privilege goes by the exact name, facts §7).</summary>
    public static readonly string[] Users = ["root", "alice", "bob", "Root"];

    private static readonly string[] Owners = ["root", "root", "alice", "bob", "Root"];

    private sealed record RawFile(string Name, int Style, bool AtBoot, ModelModuleKind Kind, string Owner, bool WorldWritable);

    private sealed record RawStep(ModuleOpKind Kind, int User, int File, int Variant, bool Flag, int Owner);

    public static Arbitrary<ModuleScenario> Scenarios(ModuleMix mix) =>
        Arb.From(
            from count in Gen.Choose(2, 5)
            from files in Gen.ArrayOf(File(mix), count)
            from steps in Gen.ArrayOf(Step(mix), 10)
            select Resolve(mix, files, steps),
            Shrink);

    private static Gen<RawFile> File(ModuleMix mix) =>
        from name in Gen.Elements(ModuleNames.Bases)
        from style in Gen.Choose(0, 3)
        from atBoot in Gen.Elements(true, false)
        from kind in Gen.Elements(mix.Kinds.ToArray())
        from owner in mix.Untrusted ? Gen.Elements(Owners) : Gen.Constant("root")
        from writable in mix.Untrusted ? Gen.Frequency((2, Gen.Constant(true)), (3, Gen.Constant(false))) : Gen.Constant(false)
        select new RawFile(name, style, atBoot, kind, owner, writable);

    private static Gen<RawStep> Step(ModuleMix mix) =>
        from kind in Gen.Frequency(
            (mix.Load, Gen.Constant(ModuleOpKind.Load)), (mix.Unload, Gen.Constant(ModuleOpKind.Unload)),
            (mix.Call, Gen.Constant(ModuleOpKind.Call)), (mix.Chmod, Gen.Constant(ModuleOpKind.Chmod)),
            (mix.Chown, Gen.Constant(ModuleOpKind.Chown)))
        from user in Gen.Choose(0, Users.Length - 1)
        from file in Gen.Choose(0, 100)
        from variant in Gen.Choose(0, 100)
        from flag in Gen.Elements(true, false)
        from owner in Gen.Choose(0, Owners.Length - 1)
        select new RawStep(kind, user, file, variant, flag, owner);

    private static ModuleScenario Resolve(ModuleMix mix, RawFile[] raw, RawStep[] steps)
    {
        var files = new List<ModelFile>();
        var names = new List<string>();
        foreach (var f in raw)
        {
            var directory = f.AtBoot ? "/lib/modules" : Manual;
            var path = $"{directory}/{ModuleNames.FileName(f.Name, f.Style, mix.DottedNames)}";
            if (files.Any(g => g.Path == path)) continue;
            files.Add(new ModelFile($"f{files.Count}", path, f.Kind, f.Owner, f.WorldWritable));
            names.Add(f.Name);
        }
        var ops = steps.Select(s =>
        {
            var index = s.File % files.Count;
            var path = files[index].Path;
            var user = Users[s.User];
            var privileged = mix.AnyoneLoads ? user : "root";
            return s.Kind switch
            {
                ModuleOpKind.Load => new ModuleOp(s.Kind, privileged, path),
                ModuleOpKind.Unload => new ModuleOp(s.Kind, privileged, ModuleNames.Variant(names[index], s.Variant)),
                ModuleOpKind.Call => new ModuleOp(s.Kind, user, ModuleNames.Variant(names[index], s.Variant)),
                ModuleOpKind.Chmod => new ModuleOp(s.Kind, user, path, WorldWritable: s.Flag),
                _ => new ModuleOp(s.Kind, user, path, Owner: Owners[s.Owner]),
            };
        });
        return new ModuleScenario(files, ops.ToArray());
    }

    /// <summary>Shrinks by dropping a step, then by dropping a file no step names.</summary>
    private static IEnumerable<ModuleScenario> Shrink(ModuleScenario scenario)
    {
        for (var i = 0; i < scenario.Ops.Count; i++)
        {
            yield return scenario with { Ops = scenario.Ops.Where((_, j) => j != i).ToArray() };
        }
        foreach (var file in scenario.Files.Where(f => scenario.Ops.All(o => o.Target != f.Path)))
        {
            if (scenario.Files.Count > 1) yield return scenario with { Files = scenario.Files.Where(f => f != file).ToArray() };
        }
    }
}
