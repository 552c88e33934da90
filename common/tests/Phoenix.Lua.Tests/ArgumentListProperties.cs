using FsCheck.Fluent;
using Phoenix.Values;
using Phoenix.Conformance.Harness.Properties;
using Phoenix.Lua.Tests.Support;

namespace Phoenix.Lua.Tests;

/// <summary>
/// Argument lists keep their exact length, nils included. Phoenix syscalls see select('#', ...), so f(1, nil) and
/// f(1) are different calls; a marshaller that drops trailing nils or closes holes changes what a module observes.
/// </summary>
public class ArgumentListProperties
{
    private const int Cases = 200;

    [Test]
    public void AnyArgumentList_PassedToLua_KeepsCountAndValues()
    {
        using var host = new EngineHost();
        using var echo = host.Engine.Load("return select('#', ...), ...", "=echo", host.Env);
        var property = Prop.ForAll(LuaValueGenerators.ArgumentListArbitrary, arguments =>
        {
            var results = host.Engine.Call(echo, [.. arguments.Select(LuaArg.From)]);
            var expected = new LuaValue[] { new LuaInteger(arguments.Length) }.Concat(arguments).ToArray();
            if (!StrictLuaEquality.ListsIdentical(expected, results))
            {
                throw new PropertyMismatchException(
                    $"sent ({string.Join(", ", arguments)}), Lua saw and returned ({string.Join(", ", results)})");
            }
        });
        PropertyRunner.Check(property, Cases);
    }

    [Test]
    public void AnyArgumentList_PassedToCallback_KeepsCountAndValues()
    {
        // The other direction: Lua calling a registered C# function must deliver the same count and values, and the
        // callback's results (the same list) must come back to Lua with their count intact.
        using var host = new EngineHost();
        IReadOnlyList<LuaValue> seen = [];
        host.Engine.Register(host.Env, "capture", args =>
        {
            seen = args.All();
            return [.. seen.Select(LuaArg.From)];
        }).Dispose();
        using var relay = host.Engine.Load("return select('#', capture(...)), capture(...)", "=relay", host.Env);
        var property = Prop.ForAll(LuaValueGenerators.ArgumentListArbitrary, arguments =>
        {
            var results = host.Engine.Call(relay, [.. arguments.Select(LuaArg.From)]);
            var expected = new LuaValue[] { new LuaInteger(arguments.Length) }.Concat(arguments).ToArray();
            if (!StrictLuaEquality.ListsIdentical(arguments, seen) || !StrictLuaEquality.ListsIdentical(expected, results))
            {
                throw new PropertyMismatchException(
                    $"sent ({string.Join(", ", arguments)}), callback saw ({string.Join(", ", seen)}), " +
                    $"Lua got back ({string.Join(", ", results)})");
            }
        });
        PropertyRunner.Check(property, Cases);
    }
}
