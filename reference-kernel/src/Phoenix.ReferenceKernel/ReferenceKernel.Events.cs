// Clauses: none (ComputerCraft events and eventHooks: Phoenix's kernel API beyond the page, KERNEL-API.md)
// Mirrors: Phoenix 99-main (the event loop that runs eventHooks[name] for each event)

using Phoenix.Values;
using Phoenix.Lua;

namespace Phoenix.ReferenceKernel;

public sealed partial class ReferenceKernel
{
    /// <summary>
    /// Delivers a ComputerCraft event (for example <c>chat</c> from a chat box, <c>timer</c>) to the kernel as its
    /// event loop would: every function in the kernel global <c>eventHooks[name]</c> is called, in order, with the
    /// event table <c>{name, args..., n = …}</c>. Peripheral attach and detach go through
    /// <see cref="AttachPeripheral"/> and <see cref="DetachPeripheral"/>, which run the same hooks after the kernel's
    /// own handling. As in Phoenix, a hook that throws stops the kernel (<see cref="KernelStoppedException"/>).
    /// </summary>
    public void DeliverEvent(string name, params LuaValue[] args)
    {
        ThrowIfStopped("event " + name);
        RunDeviceEntry("handleEvent", [LuaString.From(name), .. args.Select(LuaArg.From)]);
    }
}
