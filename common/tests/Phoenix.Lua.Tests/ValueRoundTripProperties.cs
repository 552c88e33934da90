using FsCheck.Fluent;
using Phoenix.Values;
using Phoenix.Conformance.Harness.Properties;
using Phoenix.Lua.Tests.Support;

namespace Phoenix.Lua.Tests;

/// <summary>
/// C# -> Lua -> C# leaves plain data unchanged. The kernel hands syscall arguments to Lua modules and their results
/// back to the adapter seam through exactly this path, so a lossy step here (a NUL cutting a string, 1 becoming 1.0,
/// -0.0 becoming 0.0, a hole closing up) would show up as a false conformance failure, or hide a real one.
/// </summary>
public class ValueRoundTripProperties
{
    private const int Cases = 300;

    [Test]
    public void AnyValue_PassedThroughLuaIdentity_ComesBackIdentical()
    {
        using var host = new EngineHost();
        using var identity = host.Engine.Load("return ...", "=id", host.Env);
        var property = Prop.ForAll(LuaValueGenerators.ValueArbitrary, value =>
        {
            var results = host.Engine.Call(identity, value);
            if (results.Count != 1 || !StrictLuaEquality.AreIdentical(value, results[0]))
            {
                throw new PropertyMismatchException($"sent {value}, got back [{string.Join(", ", results)}]");
            }
        });
        PropertyRunner.Check(property, Cases);
    }

    [Test]
    public void AnyValue_StoredInLuaTableAndReadBack_ComesBackIdentical()
    {
        // The same data through the other entry points the kernel uses: NewTable copies a table in, GetField and
        // ToValue copy out. Wrapping each value in a record also puts scalars in table-value position.
        using var host = new EngineHost();
        var property = Prop.ForAll(LuaValueGenerators.ValueArbitrary, value =>
        {
            using var box = host.Engine.NewTable(new LuaTable());
            host.Engine.SetField(box, "v", value);
            var field = host.Engine.GetField(box, "v");
            if (!StrictLuaEquality.AreIdentical(value, field))
            {
                throw new PropertyMismatchException($"stored {value}, read back {field}");
            }
            if (value is LuaTable table)
            {
                using var copy = host.Engine.NewTable(table);
                var pulled = host.Engine.ToValue(copy);
                if (!StrictLuaEquality.AreIdentical(table, pulled))
                {
                    throw new PropertyMismatchException($"copied {table} in, ToValue gave {pulled}");
                }
            }
        });
        PropertyRunner.Check(property, Cases);
    }
}
