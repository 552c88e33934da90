using Phoenix.ComputerCraft.Peripherals;
using Phoenix.Values;

namespace Phoenix.CraftOS.Tests.Host;

/// <summary>
/// Boots a small Lua program as the kernel of a fresh computer. The program reports with <c>report(...)</c>, which
/// writes its arguments as a Lua expression list to /out; <see cref="Values"/> reads them back as plain data.
/// </summary>
internal sealed class KernelRun : IDisposable
{
    private const string Prelude = """
        local function lit(v)
            if type(v) == "table" then
                local parts = {}
                for k, x in next, v do parts[#parts + 1] = "[" .. lit(k) .. "]=" .. lit(x) end
                return "{" .. table.concat(parts, ",") .. "}"
            end
            return (type(v) == "string" or type(v) == "number") and string.format("%q", v) or tostring(v)
        end
        function report(...)
            local parts = {}
            for i = 1, select("#", ...) do parts[i] = lit((select(i, ...))) end
            local f = fs.open("out", "w")
            f.write("return " .. table.concat(parts, ","))
            f.close()
        end

        """;

    public KernelRun(string source, ComputerOptions? options = null)
        : this(source, [], options)
    {
    }

    /// <summary>Boots with <paramref name="peripherals"/> already attached, as an adapter does for a boot image.</summary>
    public KernelRun(string source, IEnumerable<PeripheralSpec> peripherals, ComputerOptions? options = null)
    {
        Computer = new CraftOsComputer(options);
        Computer.Peripherals.AttachAll(peripherals);
        Computer.FileSystem.HostWrite("kernel.lua", System.Text.Encoding.UTF8.GetBytes(Prelude + source));
        Outcome = Computer.Boot("kernel.lua", []);
    }

    public CraftOsComputer Computer { get; }

    public RunOutcome Outcome { get; }

    public IReadOnlyList<LuaValue> Values =>
        Computer.FileSystem.HostRead("out") is { } bytes
            ? Computer.DecodeData(bytes)
            : throw new AssertionException($"The kernel reported nothing.\n{Computer.Report()}");

    public void Dispose() => Computer.Dispose();
}
