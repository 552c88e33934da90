// Clauses: MOD-OWNER, MOD-WORLD-WRITABLE
// Compat: PX-FS-CHMOD-CHOWN
// Mirrors: Phoenix 05-filesystem (the read, write and execute bits of a permission entry)

namespace Phoenix.ReferenceKernel.Vfs;

/// <summary>Read, write and execute bits of one permission entry (Phoenix's stat model, facts §4.7).</summary>
public readonly record struct AccessBits(bool Read, bool Write, bool Execute)
{
    public static readonly AccessBits All = new(true, true, true);
    public static readonly AccessBits ReadExecute = new(true, false, true);
    public static readonly AccessBits None = new(false, false, false);

    /// <summary>Parses the three-character form "rwx", "r-x", "-w-" and so on.</summary>
    public static AccessBits Parse(string text)
    {
        if (text.Length != 3 || "r-".IndexOf(text[0]) < 0 || "w-".IndexOf(text[1]) < 0 || "x-".IndexOf(text[2]) < 0)
        {
            throw new FormatException($"Permission text '{text}' is not of the form 'rwx' / 'r-x' / '---'.");
        }
        return new AccessBits(text[0] == 'r', text[1] == 'w', text[2] == 'x');
    }

    public override string ToString() => $"{(Read ? 'r' : '-')}{(Write ? 'w' : '-')}{(Execute ? 'x' : '-')}";
}
