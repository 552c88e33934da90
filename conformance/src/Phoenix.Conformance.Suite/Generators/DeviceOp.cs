using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>One step of a generated device scenario: attach <see cref="Spec"/>, detach <see cref="Name"/>,
/// (de)register the recording driver for <see cref="Type"/>, or call its poke method on device <see cref="Name"/>.</summary>
public sealed record DeviceOp(DeviceOpKind Kind, PeripheralSpec? Spec, string Name, string Type, IReadOnlyList<LuaValue> Args)
{
    public static DeviceOp Attach(PeripheralSpec spec) => new(DeviceOpKind.Attach, spec, spec.Name, "", []);

    public static DeviceOp Detach(string name) => new(DeviceOpKind.Detach, null, name, "", []);

    public static DeviceOp Register(string type) => new(DeviceOpKind.Register, null, "", type, []);

    public static DeviceOp Deregister(string type) => new(DeviceOpKind.Deregister, null, "", type, []);

    public static DeviceOp Call(string name, string type, IReadOnlyList<LuaValue> args) => new(DeviceOpKind.Call, null, name, type, args);

    public override string ToString() => Kind switch
    {
        DeviceOpKind.Attach => $"attach {Spec}",
        DeviceOpKind.Detach => $"detach {Name}",
        DeviceOpKind.Call => $"call {Name}.poke_{Type}({string.Join(", ", Args)})",
        _ => $"{Kind.ToString().ToLowerInvariant()} rec_{Type}",
    };
}
