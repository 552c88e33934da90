using Phoenix.CraftOS.Port;
using Phoenix.Lua;

namespace Phoenix.CraftOS.Api;

/// <summary>The native side of the host port's handle (<see cref="HostPort"/>): the bios adds <c>send</c>,
/// <c>receive</c> and <c>arm</c> to the CC handle of the port file.</summary>
public sealed class PortApi(HostPort port)
{
    public void Register(NativeTable native)
    {
        // Every argument as data; a value too large or too deep to copy raises a Lua error at the sender.
        native.Add("port_send", a =>
        {
            port.Send(a.All());
            return NativeTable.None;
        });
        // The message's length, then its values (nil holes kept); nothing when no message waits.
        native.Add("port_receive", _ =>
        {
            if (port.Receive() is not { } message) return NativeTable.None;
            var values = new LuaArg[message.Count + 1];
            values[0] = (long)message.Count;
            for (var i = 0; i < message.Count; i++) values[i + 1] = message[i];
            return values;
        });
        native.Add("port_arm", a =>
        {
            port.Arm(Arg.Str(a, 1), Arg.Int(a, 2));
            return NativeTable.None;
        });
    }
}
