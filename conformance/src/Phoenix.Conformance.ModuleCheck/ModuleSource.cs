namespace Phoenix.Conformance.ModuleCheck;

/// <summary>A module to check: where the user's file is (for reports) and its text.</summary>
/// <param name="DisplayPath">The file as the user named it, in reports and SARIF locations.</param>
/// <param name="FileName">Its file name; the module is installed as /checkmodule/&lt;FileName&gt;, so its module name is
/// the file name without ".lua", as for a module in /lib/modules.</param>
public sealed record ModuleSource(string DisplayPath, string FileName, string Text)
{
    public static ModuleSource FromFile(string path) =>
        new(path, System.IO.Path.GetFileName(path), File.ReadAllText(path));

    public string KernelPath => ModuleChecker.ModuleFolder + "/" + FileName;
}
