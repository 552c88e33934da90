using Phoenix.Values;
using Phoenix.CraftOS.Events;
using Phoenix.Lua;

namespace Phoenix.CraftOS.Api;

/// <summary>
/// The native side of CC's <c>os</c>: epoch (utc, local, ingame, and CraftOS-PC's nano), clock, timers, queueEvent,
/// shutdown and reboot (taking effect at the kernel's next yield, as in CC), computer ID and label.
/// </summary>
public sealed class OsApi(EventQueue queue, VirtualClock clock, int computerId, string? label)
{
    public string? Label { get; private set; } = label;

    /// <summary>Set by os.shutdown or os.reboot: "shutdown" or "reboot".</summary>
    public string? PowerRequest { get; private set; }

    public long? ShutdownCode { get; private set; }

    /// <summary>Reads of the real-time epoch per millisecond it moves while the kernel runs. The virtual clock stands
    /// still while the kernel runs, but code that waits for the time to change by reading it in a loop must see it
    /// move (ccryptolib's timing seed, which the stock image's encryptfs runs at load, reads it 256 times in a row and
    /// wants a tick to fall at varied places); prime and over 256, as the reference kernel's (api-lualib.lua), so it
    /// finishes the same way every run. Timers still follow the virtual clock alone.</summary>
    private const int EpochReadsPerMs = 331;

    private long _epochReads;

    private long RunningEpochMs() => clock.NowMs + (++_epochReads / EpochReadsPerMs);

    public void Register(NativeTable native)
    {
        native.Add("os_epoch", a => (Arg.OptStr(a, 1) ?? "ingame").ToLowerInvariant() switch
        {
            "utc" or "local" => [RunningEpochMs()],
            "nano" => [RunningEpochMs() * 1_000_000],
            "ingame" => [InGameMs()],
            var other => throw Arg.Raise($"Unsupported operation '{other}'"),
        });
        native.Add("os_clock", _ => [new LuaFloat(clock.UptimeMs / 1000.0)]);
        native.Add("os_time", _ => [new LuaFloat(InGameHours())]);
        native.Add("os_day", _ => [1 + (clock.UptimeMs / 1_200_000)]);
        native.Add("os_startTimer", a => [queue.StartTimer(Arg.Num(a, 1))]);
        native.Add("os_cancelTimer", a =>
        {
            queue.CancelTimer(Arg.Int(a, 1));
            return NativeTable.None;
        });
        native.Add("os_queueEvent", a =>
        {
            var name = Arg.Str(a, 1);
            // CC turns what cannot be event data (functions, coroutines) into nil; a cycle arrives as an opaque
            // marker here and is dropped the same way, rather than stopping the computer when the event is delivered.
            queue.Enqueue([name, .. a.All().Skip(1).Select(EventData)]);
            return NativeTable.None;
        });
        native.Add("os_shutdown", a =>
        {
            PowerRequest ??= "shutdown";
            ShutdownCode = Arg.OptInt(a, 1);
            return NativeTable.None;
        });
        native.Add("os_reboot", _ =>
        {
            PowerRequest ??= "reboot";
            return NativeTable.None;
        });
        native.Add("os_getComputerID", _ => [computerId]);
        native.Add("os_getComputerLabel", _ => [Label is null ? LuaArg.Nil : Label]);
        native.Add("os_setComputerLabel", a =>
        {
            Label = Arg.OptStr(a, 1);
            return NativeTable.None;
        });
    }

    // A Minecraft day is 20 minutes of real time; the computer starts at 06:00 in-game.
    private double InGameHours() => (6.0 + clock.UptimeMs / 50_000.0) % 24.0;

    private long InGameMs() => (long)(InGameHours() * 3_600_000);

    private static LuaValue EventData(LuaValue value) => value switch
    {
        LuaOpaque => LuaValue.Nil,
        LuaTable t => new LuaTable(
            t.Array.Select(EventData),
            t.Hash.Where(kv => kv.Key is not LuaOpaque && kv.Value is not LuaOpaque)
                .Select(kv => new KeyValuePair<LuaValue, LuaValue>(kv.Key, EventData(kv.Value)))),
        _ => value,
    };
}
