namespace Phoenix.Conformance.Suite.Support;

/// <summary>What a mount-table property compares between the kernel and <see cref="MountTableModel"/>.</summary>
[Flags]
public enum FsViews
{
    None = 0,
    /// <summary>Which mount a call reaches (none: the root filesystem) and the relative path(s) it carries, after every
    /// step, and stat probes of every mount point after every mount and unmount.</summary>
    Routing = 1,
    /// <summary>The syscall reaches the method of the same name on the right mount, once.</summary>
    Methods = 2,
    /// <summary>The method is a ':' call with the caller's process and the syscall's arguments after the path.</summary>
    Arguments = 4,
    /// <summary>Whether mount succeeds where the model knows.</summary>
    MountOutcomes = 8,
    /// <summary>Whether unmount succeeds where the model knows.</summary>
    UnmountOutcomes = 16,
    /// <summary>Each successful mount calls the class's new once, as a method, with the caller, source and options.</summary>
    New = 32,
    /// <summary>Each successful unmount calls the top mount object's unmount hook once, with the caller.</summary>
    Hook = 64,
    /// <summary>mountlist shows every live mount with what its info returns.</summary>
    Info = 128,
    /// <summary>mountlist is exactly the mount table, Phoenix's way (path "/" + key, one entry per layer).</summary>
    List = 256,
    /// <summary>Failed mounts and unmounts fail with Phoenix's message (first line).</summary>
    Errors = 512,
}
