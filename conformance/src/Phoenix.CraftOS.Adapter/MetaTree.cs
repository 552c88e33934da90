using System.Globalization;
using System.Text;
using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Values;

namespace Phoenix.CraftOS.Adapter;

/// <summary>
/// Writes a boot image's owners and permissions as Phoenix's craftos metadata file (<c>/meta.ltn</c>, facts §4.9): a
/// Lua table tree <c>{ meta = {type, owner, permissions, worldPermissions, setuser}, contents = { name = node } }</c>
/// rooted at the kernel's root directory. Implied parent directories get the contract's defaults.
/// </summary>
public static class MetaTree
{
    public static string Build(IEnumerable<BootEntry> entries)
    {
        var root = new Node("root", AccessBits.ReadExecute, new Dictionary<string, AccessBits> { ["root"] = AccessBits.All }, true);
        foreach (var entry in entries)
        {
            var parts = entry.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var node = root;
            for (var i = 0; i < parts.Length; i++)
            {
                if (!node.Contents.TryGetValue(parts[i], out var child))
                {
                    child = new Node("root", AccessBits.ReadExecute, new Dictionary<string, AccessBits> { ["root"] = AccessBits.All }, true);
                    node.Contents[parts[i]] = child;
                }
                if (i == parts.Length - 1)
                {
                    child = new Node(entry.Owner, entry.WorldPermissions, entry.Permissions, entry.IsDirectory) { Contents = child.Contents };
                    node.Contents[parts[i]] = child;
                }
                node = child;
            }
        }
        var text = new StringBuilder();
        Write(root, text);
        return text.ToString();
    }

    private static void Write(Node node, StringBuilder text)
    {
        text.Append("{meta={type=").Append(node.IsDirectory ? "\"directory\"" : "\"file\"")
            .Append(",owner=").Append(Quote(node.Owner)).Append(",permissions={");
        foreach (var (user, bits) in node.Permissions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append('[').Append(Quote(user)).Append("]=").Append(Bits(bits)).Append(',');
        }
        text.Append("},worldPermissions=").Append(Bits(node.World)).Append(",setuser=false}");
        if (node.Contents.Count > 0 || node.IsDirectory)
        {
            text.Append(",contents={");
            foreach (var (name, child) in node.Contents.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                text.Append('[').Append(Quote(name)).Append("]=");
                Write(child, text);
                text.Append(',');
            }
            text.Append('}');
        }
        text.Append('}');
    }

    private static string Bits(AccessBits bits) =>
        string.Create(CultureInfo.InvariantCulture, $"{{read={Lower(bits.Read)},write={Lower(bits.Write)},execute={Lower(bits.Execute)}}}");

    private static string Lower(bool value) => value ? "true" : "false";

    private static string Quote(string text) => LuaLiteral.Write(LuaString.From(text));

    private sealed record Node(string Owner, AccessBits World, IReadOnlyDictionary<string, AccessBits> Permissions, bool IsDirectory)
    {
        public Dictionary<string, Node> Contents { get; init; } = new(StringComparer.Ordinal);
    }
}
