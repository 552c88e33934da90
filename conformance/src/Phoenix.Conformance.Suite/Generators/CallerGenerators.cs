using FsCheck;
using FsCheck.Fluent;
using Phoenix.Values;
using Phoenix.Conformance.Harness.Properties;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>Sequences of calls into a module by root and ordinary users, through the syscall seam or from a user
/// program, each with a generated argument list (nil holes, trailing nils, NaN, -0.0, integers and floats, nested
/// tables). Users alternate within one boot, so a kernel that keeps one caller's identity for the next is seen.</summary>
public static class CallerGenerators
{
    public static Arbitrary<CallerStep[]> Steps(bool programsOnly) =>
        Arb.From(
            from count in Gen.Choose(2, 6)
            from steps in Gen.ArrayOf(Step(programsOnly), count)
            select steps,
            steps => Enumerable.Range(0, steps.Length).Where(_ => steps.Length > 1).Select(i => steps.Where((_, j) => j != i).ToArray()));

    private static Gen<CallerStep> Step(bool programsOnly) =>
        from user in Gen.Elements(ModuleGenerators.Users)
        from program in programsOnly ? Gen.Constant(true) : Gen.Elements(true, false)
        from args in LuaValueGenerators.ArgumentList
        select new CallerStep(user, program, args);
}

/// <summary>One call: by <see cref="User"/>, from a program or through the syscall seam, with <see cref="Args"/>.</summary>
public sealed record CallerStep(string User, bool FromProgram, LuaValue[] Args)
{
    public override string ToString() =>
        $"{User} {(FromProgram ? "program" : "syscall")} ({string.Join(", ", Args.Select(a => a.ToString()))})";
}
