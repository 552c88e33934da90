using Phoenix.Lua;

namespace Phoenix.ReferenceKernel;

public sealed partial class ReferenceKernel
{
    /// <summary>Registers the C# primitives the device glue (Scripting/devices.lua) calls. Filled in by the
    /// device-drivers work (issue 4).</summary>
    private void RegisterDeviceHost(LuaRef host)
    {
        _ = host;
    }
}
