namespace Phoenix.CraftOS.Adapter;

/// <summary>
/// The argument of <c>craftos:&lt;kernel directory&gt;[?option&amp;option…]</c> (the adapter registry hands over
/// everything after the first colon). Options, after the last '?':
/// <c>rom=&lt;dir&gt;</c> mounts that folder as /rom instead of the built-in clean-room ROM (a CC: Tweaked ROM you own);
/// <c>trusted</c> gives the kernel string.dump and binary chunk loading, which is unsafe (Lua 5.4 does not verify
/// bytecode) and needed by Phoenix 0.0.1-0.0.4 at boot; <c>cooperative</c> passes the kernel <c>preemptive=false</c>
/// (by default Phoenix preempts its processes as shipped). A path with a '?' in it cannot be given this way.
/// </summary>
public sealed record AdapterSpec(string KernelDirectory, string? RomDirectory, bool Trusted, bool Cooperative = false)
{
    public static AdapterSpec Parse(string argument)
    {
        var question = argument.LastIndexOf('?');
        if (question < 0) return new AdapterSpec(argument, null, false);
        string? rom = null;
        var trusted = false;
        var cooperative = false;
        foreach (var option in argument[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (option == "trusted") trusted = true;
            else if (option == "cooperative") cooperative = true;
            else if (option.StartsWith("rom=", StringComparison.Ordinal) && option.Length > 4) rom = option[4..];
            else throw new ArgumentException($"unknown craftos option '{option}' (known: trusted, cooperative, rom=<dir>)");
        }
        return new AdapterSpec(argument[..question], rom, trusted, cooperative);
    }
}
