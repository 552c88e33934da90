using Phoenix.Values;

namespace Phoenix.CraftOS.Tests.Host;

/// <summary>The globals a kernel sees: bit32, math.frexp/ldexp, _HOST, no _CC_VERSION, text-only load, os.date with float times.</summary>
public class GuestEnvironmentTests
{
    [Test]
    public void Bit32_ReducesFloatsAndLargeValuesModulo2To32()
    {
        using var run = new KernelRun("""
            report(bit32.band(2^32 + 5, 7), bit32.bxor(0xFFFFFFFF, 1), bit32.bor(1.9, 2), bit32.lrotate(0x80000001, 1),
                bit32.rshift(-1, 28), bit32.arshift(0x80000000, 31), bit32.bnot(0), bit32.lshift(1, 32),
                bit32.extract(0xF0, 4, 4), bit32.replace(0, 3, 8, 2), bit32.band(2^48 * 3 + 9, 0xFF), bit32.btest(2, 4))
            """);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[] { 5L, 0xFFFFFFFEL, 3L, 3L, 15L, 0xFFFFFFFFL, 0xFFFFFFFFL, 0L, 15L, 768L, 9L, false }));
    }

    /// <summary>Lua 5.2's frexp and ldexp, which ComputerCraft keeps (compressfs's deflateans compresses with frexp).</summary>
    [Test]
    public void MathFrexpAndLdexp_AreLua52s()
    {
        using var run = new KernelRun("""
            local m, e = math.frexp(12)
            local n, f = math.frexp(-0.375)
            report(m, e, n, f, math.ldexp(0.75, 4), math.ldexp(1, -1074) > 0, select(2, math.frexp(0)), (pcall(math.frexp, "x")))
            """);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[] { 0.75, 4L, -0.75, -1L, 12.0, true, 0L, false }));
    }

    [Test]
    public void Globals_ArePostUnbios()
    {
        using var run = new KernelRun("""
            report(_HOST, _HEADLESS, _CC_VERSION == nil, _ENV == _G, type(io), type(print), type(bit32),
                (load(string.char(27) .. "Lua")), os.date("!%Y-%m-%d", os.epoch("utc") / 1000 + 0.5),
                math.type(os.epoch("nano")), os.getComputerID(), type(peripheral.call), type(redstone.setAnalogOutput))
            """);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[]
        {
            "ComputerCraft 1.109.0 (CraftOS-PC 2.8)", true, true, true, "nil", "nil", "table", LuaValue.Nil, "2024-01-01",
            "integer", 0L, "function", "function",
        }));
    }

    [Test]
    public void KeysFromRom_RunsAndNamesKeys()
    {
        using var run = new KernelRun("""
            local keys = {}
            local f = fs.open("rom/apis/keys.lua", "r")
            local fn = load(f.readAll(), "@keys", "t", setmetatable(keys, { __index = _G }))
            f.close()
            fn()
            report(keys.a, keys.enter, keys.getName(keys.leftShift), keys["return"])
            """);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[] { 65L, 257L, "leftShift", 257L }));
    }

    /// <summary>CC's blit counts bytes: "é" is two bytes, so two colour bytes each (Phoenix 0.0.1-0.0.7 redraw their
    /// terminals with blit, and a UTF-8 module name in a log line once stopped them here).</summary>
    [Test]
    public void Blit_ComparesLengthsInBytes()
    {
        using var run = new KernelRun("""
            report(pcall(term.blit, "\195\169", "00", "ff"), select(2, pcall(term.blit, "\195\169", "0", "f")))
            """);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[] { true, "Arguments must be the same length" }));
    }
}
