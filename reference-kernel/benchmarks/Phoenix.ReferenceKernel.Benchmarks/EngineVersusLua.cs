using System.Diagnostics;
using System.Globalization;
using Phoenix.Values;
using Phoenix.Lua;

namespace Phoenix.ReferenceKernel.Benchmarks;

/// <summary>
/// `-- --engine-vs-lua`: the micro-benchmarks of Lua/engine-micro.lua in our engine (a sandboxed environment, with the
/// instruction budget and memory limit on) and in a stock lua5.4 process, side by side in one run, with the ratio.
/// Needs Debian's lua5.4 (run-engine-vs-lua.sh installs it).
/// </summary>
public static class EngineVersusLua
{
    public const string Switch = "--engine-vs-lua";

    private const int Rounds = 3;

    public static int Run()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Lua", "engine-micro.lua");
        // The two sides alternate Rounds times and each keeps its best figure, so a burst of load on a shared machine
        // does not land on one side only.
        Dictionary<string, double>? stock = null;
        Dictionary<string, double>? bare = null;
        Dictionary<string, double>? hooked = null;
        List<(string Name, double Ns)>? engine = null;
        for (var round = 0; round < Rounds; round++)
        {
            var s = RunStock(script, withHook: false);
            if (s is null) return 2;
            var h = RunStock(script, withHook: true)!;
            hooked = hooked is null ? h : h.ToDictionary(p => p.Key, p => Math.Min(p.Value, hooked.TryGetValue(p.Key, out var old) ? old : p.Value));
            stock = stock is null ? s : s.ToDictionary(p => p.Key, p => Math.Min(p.Value, stock.TryGetValue(p.Key, out var old) ? old : p.Value));
            var b = RunBare(script);
            bare = bare is null ? b : b.ToDictionary(p => p.Key, p => Math.Min(p.Value, bare.TryGetValue(p.Key, out var old) ? old : p.Value));
            var e = RunEngine(File.ReadAllText(script));
            engine = engine is null ? e : [.. e.Select((row, i) => (row.Name, Math.Min(row.Ns, engine[i].Ns)))];
        }
        Console.WriteLine($"{"operation",-28} {"lua5.4 ns",10} {"+hook ns",10} {"bare ns",10} {"engine ns",10} {"ratio",7} {"vs hook",7}");
        foreach (var (name, ns) in engine!)
        {
            var baseline = stock!.TryGetValue(name, out var b) ? b : double.NaN;
            var floor = bare!.TryGetValue(name, out var f) ? f : double.NaN;
            var withHook = hooked!.TryGetValue(name, out var w) ? w : double.NaN;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-28} {baseline,10:F1} {withHook,10:F1} {floor,10:F1} {ns,10:F1} {ns / baseline,6:F2}x {ns / withHook,6:F2}x"));
        }
        return 0;
    }

    private static List<(string Name, double Ns)> RunEngine(string code)
    {
        using var engine = new LuaEngine(new LuaEngineOptions { InstructionBudget = long.MaxValue / 2 });
        using var env = engine.CreateEnvironment();
        using var chunk = engine.Load(code, "=engine-micro", env);
        var table = (LuaTable)engine.Call(chunk)[0];
        return [.. table.Array.Cast<LuaTable>().Select(row => (((LuaString)row.Array[0]).Text, Number(row.Array[1])))];
    }

    /// <summary>The same Lua in a bare state of the engine's own Lua library (KeraLua's build: no sandbox, no hook, Lua's
    /// default allocator): the floor the engine could reach, which separates the library's build from the engine's
    /// policy in the ratios.</summary>
    private static Dictionary<string, double> RunBare(string script)
    {
        using var state = new KeraLua.Lua();
        state.PushString(script);
        state.SetGlobal("SCRIPT");
        const string Driver = @"local out = {} for _, r in ipairs(dofile(SCRIPT)) do out[#out + 1] = r[1] .. '\t' .. string.format('%.3f', r[2]) end return table.concat(out, '\n')";
        if (state.DoString(Driver)) throw new InvalidOperationException(state.ToString(-1));
        return state.ToString(-1).Split('\n').Select(l => l.Split('\t')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The micro-benchmarks in a stock lua5.4 process; <paramref name="withHook"/> sets a count hook every
    /// 1,000 instructions first, as any instruction budget needs: with a count hook set, Lua 5.4 traps every
    /// instruction, which is the floor of a budgeted engine on an unpatched Lua.</summary>
    private static Dictionary<string, double>? RunStock(string script, bool withHook)
    {
        var start = new ProcessStartInfo("lua5.4") { RedirectStandardOutput = true, UseShellExecute = false };
        if (withHook)
        {
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add("debug.sethook(function() end, '', 1000)");
        }
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add($"for _, r in ipairs(dofile([[{script}]])) do print(r[1] .. '\\t' .. string.format('%.3f', r[2])) end");
        try
        {
            using var process = Process.Start(start)!;
            var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            process.WaitForExit();
            return lines.Select(l => l.Split('\t')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("lua5.4 is not installed: run reference-kernel/benchmarks/run-engine-vs-lua.sh, which installs it from Debian.");
            return null;
        }
    }

    private static double Number(LuaValue value) => value switch
    {
        LuaFloat f => f.Value,
        LuaInteger i => i.Value,
        _ => double.NaN,
    };
}
