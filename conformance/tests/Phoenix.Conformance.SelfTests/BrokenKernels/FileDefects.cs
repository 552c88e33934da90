namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for PX-FS-FILE-HANDLES: the root filesystem's files, each wrong in one way a user program
/// that writes a file and reads it back would notice.</summary>
internal static class FileDefects
{
    private const string Open = "local tmpfs = kernel.filesystems.tmpfs\nlocal open = tmpfs.open\n";

    public static IEnumerable<BrokenKernel> All =>
    [
        BrokenKernel.Patched("writeline-without-newline", "PX-FS-FILE-HANDLES", "writeLine writes its text without the \"\\n\"",
            Open + "function tmpfs:open(process, path, mode)\n  local handle, err = open(self, process, path, mode)\n" +
            "  if handle and handle.writeLine then handle.writeLine = function(text) handle.write(text) end end\n  return handle, err\nend"),
        BrokenKernel.Patched("read-without-count-reads-all", "PX-FS-FILE-HANDLES", "read() without a count reads the rest of the file, not one character",
            Open + "function tmpfs:open(process, path, mode)\n  local handle, err = open(self, process, path, mode)\n" +
            "  if handle and handle.read then local read = handle.read handle.read = function(count) return read(count or math.huge) end end\n" +
            "  return handle, err\nend"),
        BrokenKernel.Patched("append-truncates", "PX-FS-FILE-HANDLES", "mode \"a\" empties the file like \"w\"",
            Open + "function tmpfs:open(process, path, mode)\n  return open(self, process, path, (mode:gsub('^a', 'w')))\nend"),
        BrokenKernel.Patched("remove-does-nothing", "PX-FS-FILE-HANDLES", "remove on the root filesystem returns without removing",
            "function kernel.filesystems.tmpfs:remove(process, path) end"),
        BrokenKernel.Patched("denied-open-raises", "PX-FS-FILE-HANDLES", "open for writing without the right raises instead of returning nil and a message",
            Open + "function tmpfs:open(process, path, mode)\n  local handle, err = open(self, process, path, mode)\n" +
            "  if handle == nil and mode ~= 'r' then error(err, 0) end\n  return handle, err\nend"),
    ];
}
