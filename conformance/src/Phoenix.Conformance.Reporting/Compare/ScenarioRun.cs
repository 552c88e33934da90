using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;

namespace Phoenix.Conformance.Reporting.Compare;

/// <summary>One thing a kernel showed: a step's result, or a view of its state after the last step.</summary>
/// <param name="Key">What was observed: "step 2", "listmodules", "mountlist", "syslog errors".</param>
public sealed record Observation(string Key, string Description, string Value);

/// <summary>
/// Runs a scenario on one kernel and records what can be observed through the adapter: each step's values or
/// error's first line (tracebacks differ between Lua VMs), then root's listmodules, the root filesystem's type and the other mounts (sorted:
/// the order of pairs is unspecified), the calls each declared peripheral received and the syslog's error lines.
/// </summary>
public static class ScenarioRun
{
    public static IReadOnlyList<Observation> Run(IKernelAdapter adapter, Scenario scenario)
    {
        var observations = new List<Observation>();
        IKernel kernel;
        try
        {
            kernel = adapter.Boot(scenario.Image);
        }
        catch (Exception e) when (e is KernelBootException or KernelStoppedException)
        {
            return [new Observation("boot", "boot", "error: " + e.Message.Split('\n')[0])];
        }
        using (kernel)
        {
            try
            {
                foreach (var (step, index) in scenario.Steps.Select((s, i) => (s, i + 1)))
                {
                    if (step.Attach is { } attach)
                    {
                        observations.Add(new Observation($"step {index}", $"attach {attach}", Change(() => kernel.Attach(attach), "attached")));
                        continue;
                    }
                    if (step.Detach is { } detach)
                    {
                        observations.Add(new Observation($"step {index}", $"detach {detach}", Change(() => kernel.Detach(detach), "detached")));
                        continue;
                    }
                    var result = kernel.RunUserChunk(step.User, step.Program);
                    observations.Add(new Observation($"step {index}", $"{step.User}: {OneLine(step.Program)}", Show(result)));
                }
                observations.Add(new Observation("listmodules", "listmodules (root)", Sorted(kernel.RunUserChunk("root", "return syscall.listmodules()"))));
                // The root filesystem's type is the kernel's choice (tmpfs, craftos, ...), so it is its own observation
                // and a scenario can accept it without hiding the mounts its steps made.
                observations.Add(new Observation("root filesystem", "the type of the filesystem mounted at / (mountlist)",
                    Show(kernel.RunUserChunk("root", "for _, m in ipairs(syscall.mountlist()) do if m.path == '/' then return m.type end end"))));
                observations.Add(new Observation("mountlist", "mountlist (root), paths and types, but /",
                    Sorted(kernel.RunUserChunk("root", "local t = {} for _, m in ipairs(syscall.mountlist()) do if m.path ~= '/' then t[#t + 1] = tostring(m.path) .. ' ' .. tostring(m.type) end end return t"))));
                foreach (var (name, modem) in LoggedPeripherals(scenario))
                {
                    // A modem's own methods (isWireless, getNamesRemote, getTypeRemote, ...) are how a kernel walks
                    // its network, as often as it likes; what it forwards to devices (callRemote) is the drivers' work.
                    var calls = kernel.ReadPeripheralLog(name).Where(c => !modem || c.Method == "callRemote");
                    observations.Add(new Observation($"peripheral {name}", modem ? $"calls modem {name} forwarded (callRemote)" : $"calls peripheral {name} received",
                        string.Join("; ", calls.Select(c => c.ToString()))));
                }
                var errors = kernel.ReadSyslog().Where(e => e.Level >= SyslogLevel.Error).Select(e => e.Message.Split('\n')[0]);
                observations.Add(new Observation("syslog errors", "syslog lines at level error or above", string.Join(" | ", errors)));
            }
            catch (KernelStoppedException e)
            {
                observations.Add(new Observation("stopped", "the kernel stopped", e.Message.Split('\n')[0]));
            }
        }
        return observations;
    }

    // An attach or detach the adapter cannot do (or a layout it refuses) is what this step shows, not an internal error.
    private static string Change(Action change, string done)
    {
        try
        {
            change();
            return done;
        }
        catch (Exception e) when (e is NotSupportedByAdapterException or ArgumentException or InvalidOperationException)
        {
            return "error(" + e.Message.Split('\n')[0] + ")";
        }
    }

    /// <summary>Every declared or attached peripheral and every implied wired modem (a modem logs the calls it
    /// forwards), each with whether it is a modem.</summary>
    private static IEnumerable<(string Name, bool Modem)> LoggedPeripherals(Scenario scenario) =>
        scenario.Image.Peripherals.Concat(scenario.Steps.Select(s => s.Attach).OfType<Abstractions.Peripherals.PeripheralSpec>())
            .SelectMany(p => p.ModemSide is null ? [(p.Name, p.IsModem)] : new[] { (p.ModemSide, true), (p.Name, false) })
            .DistinctBy(p => p.Item1, StringComparer.Ordinal);

    private static string Show(SyscallResult result) =>
        result.Succeeded ? "ok(" + string.Join(", ", result.Values.Select(Plain)) + ")" : "error(" + result.ErrorFirstLine + ")";

    // An error message caught by the program keeps its traceback, which differs between Lua VMs: it is cut off.
    private static string Plain(LuaValue value) =>
        value is LuaString s && s.Text.Contains("\nstack traceback:", StringComparison.Ordinal)
            ? LuaString.From(s.Text[..s.Text.IndexOf("\nstack traceback:", StringComparison.Ordinal)]).ToString()
            : value.ToString();

    private static string Sorted(SyscallResult result) =>
        result.Succeeded && result.Values is [LuaTable table, ..]
            ? string.Join(", ", table.Array.Select(v => v.ToString()).Order(StringComparer.Ordinal))
            : Show(result);

    private static string OneLine(string program)
    {
        var line = string.Join(" ", program.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return line.Length > 100 ? line[..97] + "..." : line;
    }
}
