using System.Security.Cryptography;
using System.Text;

namespace Phoenix.CraftOS.Adapter;

/// <summary>
/// A kernel directory's identity for reports: its folder name and a SHA-256 over its files (relative path and bytes,
/// in ordinal path order; version-control folders left out), so the same kernel gets the same identity on every
/// machine and two kernels in folders of the same name are told apart.
/// </summary>
public static class KernelIdentity
{
    private static readonly string[] Skipped = [".git", ".svn", ".hg"];

    /// <summary><paramref name="text"/> (what a kernel says its name is) made safe as one folder name: lower case,
    /// letters, digits, '.', '-' and '_' only, at most 64 characters.</summary>
    public static string FolderSafe(string text)
    {
        var safe = new string(text.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_' ? c : '-').ToArray()).Trim('.', '-');
        if (safe.Length > 64) safe = safe[..64];
        return safe.Length == 0 ? "kernel" : safe;
    }

    public static string Of(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root)) return $"{Path.GetFileName(root)} (missing)";
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !Skipped.Any(s => f.StartsWith(s + "/", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            sha.AppendData(File.ReadAllBytes(Path.Combine(root, file)));
        }
        var hash = Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
        return $"{Path.GetFileName(root.TrimEnd('/', '\\'))} sha256:{hash} ({files.Count} files)";
    }
}
