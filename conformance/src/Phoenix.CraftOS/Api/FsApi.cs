using Phoenix.ComputerCraft.Paths;
using Phoenix.Values;
using Phoenix.CraftOS.Filesystem;
using Phoenix.Lua;

namespace Phoenix.CraftOS.Api;

/// <summary>
/// The native side of CC's <c>fs</c> API and of file handles (handles are numbered here; the bios wraps each number
/// in a CC handle table). Failures raise CC's messages; <c>open</c> answers <c>nil, message</c> as CC does.
/// </summary>
public sealed class FsApi(MemoryFileSystem fs, Port.HostPort? port = null)
{
    /// <summary>CC:Tweaked's limit on files open at once.</summary>
    public const int MaxOpenFiles = 128;

    private readonly Dictionary<long, OpenFile> _open = [];
    private long _nextHandle = 1;

    public void Register(NativeTable native)
    {
        native.Add("fs_combine", a =>
        {
            var parts = new List<string>();
            for (var i = 1; i <= Math.Max(1, a.Count); i++) parts.Add(Arg.Str(a, i));
            return NativeTable.One(CcPath.Combine(parts));
        });
        native.Add("fs_getName", a => NativeTable.One(CcPath.GetName(Arg.Str(a, 1))));
        native.Add("fs_getDir", a => NativeTable.One(CcPath.GetDir(Arg.Str(a, 1))));
        native.Add("fs_exists", a => NativeTable.One(fs.Exists(Arg.Str(a, 1))));
        native.Add("fs_isDir", a => NativeTable.One(fs.IsDirectory(Arg.Str(a, 1))));
        native.Add("fs_isReadOnly", a => NativeTable.One(fs.IsReadOnly(Arg.Str(a, 1))));
        native.Add("fs_getDrive", a => NativeTable.One(Guard(() =>
            fs.Exists(Arg.Str(a, 1)) ? (LuaValue)(fs.IsReadOnly(Arg.Str(a, 1)) ? "rom" : "hdd") : LuaNil.Instance)));
        native.Add("fs_list", a => NativeTable.One(Guard(() =>
            new LuaTable(fs.List(Arg.Str(a, 1)).Select(n => (LuaValue)n)))));
        native.Add("fs_getSize", a => NativeTable.One(Guard(() => fs.Stat(Arg.Str(a, 1)).Size)));
        native.Add("fs_getFreeSpace", a => NativeTable.One(Guard(() => fs.FreeSpace(Arg.Str(a, 1)))));
        native.Add("fs_getCapacity", a => NativeTable.One(Guard(() =>
            fs.IsReadOnly(Arg.Str(a, 1)) ? (LuaValue)LuaNil.Instance : fs.Capacity)));
        native.Add("fs_makeDir", a => Do(() => fs.MakeDirectory(Arg.Str(a, 1))));
        native.Add("fs_delete", a => Do(() => fs.Delete(Arg.Str(a, 1))));
        native.Add("fs_move", a => Do(() => fs.Move(Arg.Str(a, 1), Arg.Str(a, 2))));
        native.Add("fs_copy", a => Do(() => fs.Copy(Arg.Str(a, 1), Arg.Str(a, 2))));
        native.Add("fs_attributes", a => NativeTable.One(Guard(() => Attributes(Arg.Str(a, 1)))));
        native.Add("fs_open", Open);
        RegisterHandles(native);
    }

    /// <summary>How many handles are open (tests check that close releases them).</summary>
    public int OpenCount => _open.Count;

    private IReadOnlyList<LuaArg> Open(LuaCallbackArgs a)
    {
        var path = Arg.Str(a, 1);
        var mode = Arg.Str(a, 2);
        if (_open.Count >= MaxOpenFiles) return [LuaArg.Nil, "Too many files already open"];
        try
        {
            var file = OpenFile.Open(fs, path, mode);
            var id = _nextHandle++;
            _open[id] = file;
            // The host port's file: the bios adds the port's functions to this handle.
            var isPort = port?.Path is { } portPath && file.Path == portPath;
            if (isPort) port!.Opened = true;
            return [id, file.Binary, file.CanRead, file.CanWrite, isPort];
        }
        catch (ArgumentException e)
        {
            throw Arg.Raise(e.Message);
        }
        catch (FsException e)
        {
            if (_failedOpens.Count == MaxFailedOpens) _failedOpens.RemoveAt(0);
            _failedOpens.Add($"{CcPath.Sanitize(path)} ({mode}): {e.Message}");
            return [LuaArg.Nil, e.Message];
        }
    }

    private const int MaxFailedOpens = 5;

    private readonly List<string> _failedOpens = [];

    /// <summary>The last opens that failed (path, mode, CC's message), oldest first: what a kernel that stops at boot
    /// was probably missing.</summary>
    public IReadOnlyList<string> FailedOpens => _failedOpens;

    private void RegisterHandles(NativeTable native)
    {
        native.Add("h_readAll", a => NativeTable.One(Bytes(Handle(a).ReadAll())));
        native.Add("h_read", a =>
        {
            var file = Handle(a);
            var count = Arg.OptInt(a, 2);
            if (count is < 0) throw Arg.Raise("Cannot read a negative number of bytes");
            var bytes = file.Read((int)Math.Min(count ?? 1, int.MaxValue));
            if (bytes.Length == 0 && (count ?? 1) > 0) return [LuaArg.Nil];
            // A binary handle's read() without a count gives the byte as a number (CC:T).
            return count is null && file.Binary ? [(long)bytes[0]] : [Bytes(bytes)];
        });
        native.Add("h_readLine", a => Handle(a).ReadLine(Arg.OptBool(a, 2)) is { } line ? [Bytes(line)] : [LuaArg.Nil]);
        native.Add("h_write", a =>
        {
            var file = Handle(a);
            var bytes = a[2] switch
            {
                LuaInteger or LuaFloat when file.Binary => [(byte)(Arg.Int(a, 2) & 0xff)],
                LuaString s => s.Bytes.ToArray(),
                LuaInteger or LuaFloat => System.Text.Encoding.UTF8.GetBytes(a[2].ToString()),
                _ => throw Arg.Raise($"bad argument #1 (expected string, got {a.TypeOf(2)})"),
            };
            return Do(() => file.Write(bytes));
        });
        native.Add("h_flush", a => Do(() => Handle(a).Flush()));
        native.Add("h_seek", a =>
        {
            var position = Handle(a).Seek(Arg.OptStr(a, 2) ?? "cur", Arg.OptInt(a, 3) ?? 0);
            return position is { } p ? [p] : [LuaArg.Nil, "Position is negative"];
        });
        native.Add("h_close", a =>
        {
            var id = Arg.Int(a, 1);
            var file = Handle(a);
            _open.Remove(id);
            return Do(file.Close);
        });
    }

    private OpenFile Handle(LuaCallbackArgs a) =>
        _open.TryGetValue(Arg.Int(a, 1), out var file) && !file.Closed ? file : throw Arg.Raise("attempt to use a closed file");

    private LuaTable Attributes(string path)
    {
        var node = fs.Stat(path);
        return LuaTable.Record(
            ("size", node.Size),
            ("isDir", node.IsDirectory),
            ("isReadOnly", fs.IsReadOnly(path)),
            ("created", node.CreatedMs),
            ("modified", node.ModifiedMs),
            ("modification", node.ModifiedMs));
    }

    private static LuaString Bytes(byte[] bytes) => new(bytes);

    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (FsException e)
        {
            throw Arg.Raise(e.Message);
        }
    }

    private static IReadOnlyList<LuaArg> Do(Action action) => Guard(() =>
    {
        action();
        return NativeTable.None;
    });
}
