using Phoenix.Values;
using Phoenix.Lua.Tests.Support;

namespace Phoenix.Lua.Tests;

/// <summary>
/// Field writes from C# (<see cref="LuaEngine.SetField"/>, <see cref="LuaEngine.Register"/> into a table) are raw.
/// They run outside any protected call, so a __newindex metamethod there would run module code without the budget,
/// and an error it raised would unwind through C# frames: before the fix the process aborted (exit 134). A regression
/// therefore ends the test run rather than failing one test; that is still a loud signal.
/// </summary>
public class RawFieldAccessTests
{
    private const string Trap = "local t = ... setmetatable(t, { __newindex = function() error('trap') end, __index = function() error('trap') end })";

    [Test]
    public void SetField_OnTableWithNewIndexTrap_WritesRawWithoutRunningIt()
    {
        using var host = new EngineHost();
        using var table = host.Engine.NewTable();
        host.Run(Trap, "=trap", table);

        host.Engine.SetField(table, "x", 1L);

        Assert.That(host.Engine.GetField(table, "x"), Is.EqualTo((LuaValue)1L));
        Assert.That(host.Run("local t = ... return rawget(t, 'x')", "=read", table), Is.EqualTo(new LuaValue[] { 1L }));
    }

    [Test]
    public void Register_IntoTableWithNewIndexTrap_StoresFunctionRaw()
    {
        using var host = new EngineHost();
        using var table = host.Engine.NewTable();
        host.Run(Trap, "=trap", table);

        host.Engine.Register(table, "hello", _ => ["hi"]).Dispose();

        Assert.That(host.Run("local t = ... return rawget(t, 'hello')()", "=call", table), Is.EqualTo(new LuaValue[] { "hi" }));
    }

    [Test]
    public void GetField_OnTableWithIndexTrap_ReadsRaw()
    {
        // Reads were already raw; pinned so both directions stay consistent.
        using var host = new EngineHost();
        using var table = host.Engine.NewTable();
        host.Run(Trap, "=trap", table);

        Assert.That(host.Engine.GetField(table, "missing"), Is.EqualTo(LuaValue.Nil));
        Assert.That(host.Engine.GetFieldRef(table, "missing"), Is.Null);
    }
}
