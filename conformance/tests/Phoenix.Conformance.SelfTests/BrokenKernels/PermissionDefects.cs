namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for PX-FS-CHMOD-CHOWN: the root filesystem's chmod and chown, each wrong in one way a
/// kernel author could get it wrong (and one for chmod's mode-table check, PX-FS-TYPE-ERRORS).</summary>
internal static class PermissionDefects
{
    private const string Tmpfs = "local tmpfs = kernel.filesystems.tmpfs\nlocal chmod, chown = tmpfs.chmod, tmpfs.chown\n";

    public static IEnumerable<BrokenKernel> All =>
    [
        BrokenKernel.Patched("chmod-chown-as-kernel", "PX-FS-CHMOD-CHOWN", "chmod and chown run with the kernel's rights, not the caller's",
            Tmpfs + "function tmpfs:chmod(process, path, user, mode) host.tmpfsChmod(self.id, 'root', path, user, mode) end\n" +
            "function tmpfs:chown(process, path, user) host.tmpfsChown(self.id, 'root', path, user) end"),
        BrokenKernel.Patched("numeric-mode-bits-reversed", "PX-FS-CHMOD-CHOWN", "a numeric mode reads 1 as read and 4 as execute",
            Tmpfs + "function tmpfs:chmod(process, path, user, mode)\n" +
            "  if math.type(mode) == 'integer' then mode = (mode & 10) | ((mode & 4) >> 2) | ((mode & 1) << 2) end\n" +
            "  return chmod(self, process, path, user, mode)\nend"),
        BrokenKernel.Patched("chown-keeps-setuser", "PX-FS-CHMOD-CHOWN", "chown leaves setuser as it was",
            Tmpfs + "function tmpfs:chown(process, path, user)\n  local before = self:stat(process, path)\n" +
            "  chown(self, process, path, user)\n" +
            "  if before and before.setuser then host.tmpfsChmod(self.id, 'root', path, nil, '+s') end\nend"),
        BrokenKernel.Patched("new-entry-from-nothing", "PX-FS-CHMOD-CHOWN", "a named user's new entry starts from no rights, not from the world's",
            Tmpfs + "function tmpfs:chmod(process, path, user, mode)\n  local stat = user ~= nil and self:stat(process, path)\n" +
            "  if stat and stat.permissions[user] == nil then chmod(self, process, path, user, 0) end\n" +
            "  return chmod(self, process, path, user, mode)\nend"),
        BrokenKernel.Patched("mode-table-fields-coerced", "PX-FS-TYPE-ERRORS", "chmod makes a mode table's fields booleans by truthiness instead of refusing other types",
            "local chmod = kernel.syscalls.chmod\nkernel.syscalls.chmod = function(process, thread, path, user, mode)\n" +
            "  if type(mode) == 'table' then local copy = {} for k, v in pairs(mode) do copy[k] = v and true or false end mode = copy end\n" +
            "  return chmod(process, thread, path, user, mode)\nend"),
    ];
}
