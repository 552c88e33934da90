using Phoenix.Values;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>One step of a module-table scenario, issued by <see cref="User"/>: loadmodule(<see cref="Target"/>),
/// unloadmodule(name), callmodule(name, "who"), chmod(path, nil, "+w"/"-w") or chown(path, <see cref="Owner"/>).</summary>
public sealed record ModuleOp(ModuleOpKind Kind, string User, string Target, bool WorldWritable = false, string Owner = "")
{
    public override string ToString()
    {
        var target = LuaString.From(Target).ToString();
        return Kind switch
        {
            ModuleOpKind.Load => $"{User}: loadmodule({target})",
            ModuleOpKind.Unload => $"{User}: unloadmodule({target})",
            ModuleOpKind.Call => $"{User}: callmodule({target}, \"who\")",
            ModuleOpKind.Chmod => $"{User}: chmod({target}, nil, \"{(WorldWritable ? "+w" : "-w")}\")",
            _ => $"{User}: chown({target}, \"{Owner}\")",
        };
    }
}
