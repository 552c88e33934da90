// Clauses: none
// Compat: PX-DRV-UUID-DETERMINISTIC
// Mirrors: Phoenix 40-hardware (device-node UUIDs)

using System.Security.Cryptography;

namespace Phoenix.ReferenceKernel.Devices;

/// <summary>
/// Device-node UUIDs as Phoenix makes them (facts §5.1): a version-5 UUID from SHA-1 of the parent UUID's bytes and
/// the node's name; the root's parent is a fixed namespace and its name the computer ID. So the same name under the
/// same parent gets the same UUID after a detach and reattach, or a reboot.
/// </summary>
public static class NodeUuid
{
    public const string RootNamespace = "a6f53b7d-50f3-4e51-adef-8728c83e3f3a";

    /// <summary>Whether <paramref name="uuid"/> is 8-4-4-4-12 hexadecimal digits, as <see cref="Derive"/> needs.</summary>
    public static bool IsWellFormed(string uuid) =>
        uuid.Length == 36 && uuid.Select((c, i) => i is 8 or 13 or 18 or 23 ? c == '-' : char.IsAsciiHexDigit(c)).All(ok => ok);

    public static string Derive(string parentUuid, ReadOnlySpan<byte> name)
    {
        var space = Convert.FromHexString(parentUuid.Replace("-", "", StringComparison.Ordinal));
        // SHA-1 is what UUID version 5 is defined with (RFC 9562); it names nodes, it protects nothing.
#pragma warning disable CA5350
        var hash = SHA1.HashData([.. space, .. name]);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash, 0, 16);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
