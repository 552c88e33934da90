// Clauses: none (reading boot images from the field, not a page behaviour)
// Mirrors: Phoenix's tablefs image format (the docs repository's packages/rootfs.img, read by its tablefs filesystem)

using Phoenix.Values;
using Phoenix.Lua;
using Phoenix.ReferenceKernel.Vfs;

namespace Phoenix.ReferenceKernel.Boot;

/// <summary>
/// Reads a <b>tablefs</b> image, Phoenix's own filesystem image format, into a <see cref="BootImage"/>. An image is a
/// Lua table literal of nodes: a directory is <c>{type="directory", owner=…, permissions={user={read=…, write=…,
/// execute=…}}, worldPermissions={…}, contents={name=node, …}}</c>, a file <c>{type="file", data="…", …}</c> with the
/// same metadata (<c>created</c>, <c>modified</c>, <c>size</c>, <c>setuser</c> are read past). A node without a type is
/// a directory when it has <c>contents</c>, a file when it has <c>data</c>.
/// </summary>
/// <remarks>
/// The text is untrusted: it is loaded as text only (never bytecode), in an <b>empty</b> environment of a Lua state
/// of its own, under an instruction budget and a memory limit, and the value that comes out is checked node by node
/// (names, depth, node count, types). Links (<c>type="link"</c>) and other node types have no place in a boot image
/// and are skipped; <see cref="TableFsResult.Skipped"/> names them. The root node's own metadata is not kept: a boot
/// image's root is always root-owned.
/// </remarks>
public static class TableFsImage
{
    /// <summary>Bounds on what an image may ask of the reader.</summary>
    public sealed record Limits
    {
        public long MaxTextBytes { get; init; } = 64L * 1024 * 1024;
        public int MaxNodes { get; init; } = 50_000;
        public int MaxDepth { get; init; } = 64;
        public long InstructionBudget { get; init; } = 50_000_000;
        public long MemoryLimitBytes { get; init; } = 512L * 1024 * 1024;
    }

    /// <summary>The image and the nodes that could not be represented (path and why).</summary>
    public sealed record TableFsResult(BootImage Image, IReadOnlyList<string> Skipped);

    /// <summary>Reads the image text; throws <see cref="InvalidDataException"/> with the reason when it is not a valid
    /// tablefs image, or asks more than <paramref name="limits"/> allow.</summary>
    public static TableFsResult Read(byte[] text, Limits? limits = null)
    {
        limits ??= new Limits();
        if (text.LongLength > limits.MaxTextBytes) throw new InvalidDataException($"tablefs image is {text.LongLength} bytes, over the limit of {limits.MaxTextBytes}");
        var root = Evaluate(text, limits);
        var walker = new Walker(limits);
        walker.Directory("", root, 0);
        return new TableFsResult(BootImage.Empty with { Entries = walker.Entries }, walker.Skipped);
    }

    private static LuaTable Evaluate(byte[] text, Limits limits)
    {
        using var engine = new LuaEngine(new LuaEngineOptions { InstructionBudget = limits.InstructionBudget, MemoryLimitBytes = limits.MemoryLimitBytes });
        using var empty = engine.NewTable();
        try
        {
            using var chunk = engine.Load([.. "return "u8, .. text], "=tablefs", empty);
            var values = engine.Call(chunk);
            return values is [LuaTable table, ..] ? table : throw new InvalidDataException("tablefs image does not evaluate to a table");
        }
        catch (LuaScriptException e)
        {
            throw new InvalidDataException($"tablefs image could not be read: {e.Message}", e);
        }
    }

    private sealed class Walker(Limits limits)
    {
        private int _nodes;

        public List<BootEntry> Entries { get; } = [];

        public List<string> Skipped { get; } = [];

        public void Directory(string path, LuaTable node, int depth)
        {
            if (depth > limits.MaxDepth) throw new InvalidDataException($"tablefs image nests deeper than {limits.MaxDepth} at {path}");
            if (Get(node, "contents") is not LuaTable contents) throw new InvalidDataException($"tablefs directory {Shown(path)} has no contents table");
            foreach (var (key, value) in contents.Hash.OrderBy(kv => kv.Key is LuaString s ? s.Text : "", StringComparer.Ordinal))
            {
                var name = key is LuaString s ? s.Text : throw new InvalidDataException($"tablefs directory {Shown(path)} has a non-string name ({key.TypeName})");
                if (name.Length == 0 || name is "." or ".." || name.Contains('/') || name.Contains('\0'))
                {
                    throw new InvalidDataException($"tablefs directory {Shown(path)} has an invalid name \"{name}\"");
                }
                if (value is not LuaTable child) throw new InvalidDataException($"tablefs node {path}/{name} is not a table");
                Node(path + "/" + name, child, depth + 1);
            }
            if (contents.Array.Count > 0) throw new InvalidDataException($"tablefs directory {Shown(path)} has unnamed (array) entries");
        }

        private void Node(string path, LuaTable node, int depth)
        {
            if (++_nodes > limits.MaxNodes) throw new InvalidDataException($"tablefs image has more than {limits.MaxNodes} nodes");
            var type = Get(node, "type") is LuaString t ? t.Text : Get(node, "contents") is LuaTable ? "directory" : Get(node, "data") is LuaString ? "file" : "";
            var owner = Get(node, "owner") is LuaString o ? o.Text : "root";
            var permissions = Permissions(path, Get(node, "permissions"));
            var world = Bits(path, "worldPermissions", Get(node, "worldPermissions"));
            switch (type)
            {
                case "directory":
                    Entries.Add(new BootEntry(path, null, owner, permissions, world));
                    Directory(path, node, depth);
                    break;
                case "file":
                    var data = Get(node, "data") as LuaString ?? throw new InvalidDataException($"tablefs file {path} has no data string");
                    Entries.Add(new BootEntry(path, data.Bytes.ToArray(), owner, permissions, world));
                    break;
                default:
                    Skipped.Add($"{path}: {(type.Length == 0 ? "a node without type, contents or data" : $"type \"{type}\"")} has no place in a boot image");
                    break;
            }
        }

        private static Dictionary<string, AccessBits> Permissions(string path, LuaValue value)
        {
            var result = new Dictionary<string, AccessBits>(StringComparer.Ordinal);
            if (value is LuaNil) return result;
            if (value is not LuaTable table) throw new InvalidDataException($"tablefs node {path}: permissions is not a table");
            foreach (var (user, bits) in table.Hash)
            {
                if (user is not LuaString name) throw new InvalidDataException($"tablefs node {path}: a permissions key is not a user name");
                result[name.Text] = Bits(path, "permissions." + name.Text, bits);
            }
            return result;
        }

        private static AccessBits Bits(string path, string field, LuaValue value) => value switch
        {
            LuaNil => AccessBits.ReadExecute,
            LuaTable t => new AccessBits(Flag(t, "read"), Flag(t, "write"), Flag(t, "execute")),
            _ => throw new InvalidDataException($"tablefs node {path}: {field} is not a table"),
        };

        private static bool Flag(LuaTable table, string key) => table[LuaString.From(key)] is LuaBoolean { Value: true };

        private static LuaValue Get(LuaTable table, string key) => table[LuaString.From(key)];

        private static string Shown(string path) => path.Length == 0 ? "/" : path;
    }

    /// <summary>Reads an image file (see <see cref="Read(byte[], Limits?)"/>).</summary>
    public static TableFsResult ReadFile(string path, Limits? limits = null) => Read(File.ReadAllBytes(path), limits);
}
