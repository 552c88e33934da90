// Clauses: none (scripted peripheral behaviour, the simulation's input)
// Mirrors: a ComputerCraft peripheral method

using Phoenix.Values;

namespace Phoenix.ComputerCraft.Peripherals;

/// <summary>A scripted method of a simulated peripheral: fixed results, an echo of its arguments, or an error.
/// Plain data, so an out-of-process or Lua adapter can simulate it too.</summary>
public sealed record PeripheralMethod(PeripheralMethodKind Kind, IReadOnlyList<LuaValue> Values, string ErrorMessage)
{
    /// <summary>Answers with its arguments: the rules' way to see what reached the peripheral.</summary>
    public static PeripheralMethod Echo { get; } = new(PeripheralMethodKind.Echo, [], "");

    public static PeripheralMethod Returns(params LuaValue[] values) => new(PeripheralMethodKind.Returns, values, "");

    public static PeripheralMethod Fails(string message) => new(PeripheralMethodKind.Fails, [], message);

    /// <summary>The results of a call with <paramref name="args"/>; throws nothing (a failing method is the caller's
    /// job to raise, see <see cref="Kind"/>).</summary>
    public IReadOnlyList<LuaValue> ResultsFor(IReadOnlyList<LuaValue> args) => Kind == PeripheralMethodKind.Echo ? args : Values;
}
