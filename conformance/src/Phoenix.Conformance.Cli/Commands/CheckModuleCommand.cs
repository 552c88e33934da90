using System.CommandLine;
using Phoenix.Conformance.ModuleCheck;
using Phoenix.Conformance.ModuleCheck.Acceptance;
using Phoenix.Conformance.ModuleCheck.Output;
using Phoenix.ReferenceKernel.Boot;

namespace Phoenix.Conformance.Cli.Commands;

/// <summary>
/// <c>check-module &lt;module.lua | folder&gt;…</c>: runs each module on the reference kernel and reports where it
/// goes against the page's advice to module authors (MOD-UNLOAD-REVERSES, MOD-USER-CALLBACK-USE,
/// MOD-NO-CUSTOM-SYSCALLS; <see cref="ModuleChecker"/>). A folder means its *.lua files (or, for a system tree, those
/// of its lib/modules). Findings listed with reasons in an <c>--accept</c> file are printed as accepted and do not
/// count. Exit 0 when every module is clean, 1 on findings, 2 on bad usage (checked before any module runs).
/// </summary>
public static class CheckModuleCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("modules") { Description = "Module files, or folders of them (a folder with lib/modules/ means that one).", Arity = ArgumentArity.OneOrMore };
        var sarif = new Option<string?>("--sarif") { Description = "Also write the findings as SARIF 2.1.0 to this file." };
        var json = new Option<string?>("--json") { Description = "Also write the findings as JSON to this file." };
        var html = new Option<string?>("--html") { Description = "Also write the findings as a self-contained HTML page to this file." };
        var system = new Option<string?>("--system") { Description = "Check on this system: a folder laid out as a Phoenix root, or a tablefs image (rootfs.img), so required libraries are there." };
        var accept = new Option<string?>("--accept") { Description = "YAML file of findings accepted with reasons (check, module, path or line, reason)." };
        var command = new Command("check-module", "Check kernel modules against the page's advice to module authors (the SHOULD clauses), on the reference kernel.") { paths, sarif, json, html, accept, system };
        command.SetAction(parse =>
        {
            var files = parse.GetValue(paths)!.SelectMany(Expand).ToList();
            var sarifFile = parse.GetValue(sarif);
            var jsonFile = parse.GetValue(json);
            var htmlFile = parse.GetValue(html);
            foreach (var target in new[] { sarifFile, jsonFile, htmlFile }.OfType<string>()) CheckWritable(target);
            var acceptFile = parse.GetValue(accept);
            var acceptance = acceptFile is null ? AcceptedFindings.None : AcceptedFindings.Read(acceptFile);
            var systemPath = parse.GetValue(system);
            BootImage? systemImage = null;
            try
            {
                systemImage = systemPath is null ? null : SystemImage.Load(systemPath);
            }
            catch (ArgumentException e)
            {
                throw new UsageException("check-module --system: " + e.Message.Split(" (Parameter")[0]);
            }
            var (results, accepted, unused) = acceptance.Apply(ModuleChecker.CheckAll(files.Select(ModuleSource.FromFile), system: systemImage));
            foreach (var (finding, by) in accepted) context.Output.WriteLine($"accepted: {finding} ({by.Reason})");
            foreach (var entry in unused) context.Output.WriteLine($"unused acceptance: {entry.Check} in {entry.Module}{(entry.Path is null ? "" : " at " + entry.Path)} matches no finding");
            foreach (var line in TextReport.Lines(results)) context.Output.WriteLine(line);
            if (sarifFile is not null) File.WriteAllText(sarifFile, SarifReport.Write(results, Directory.GetCurrentDirectory()));
            if (jsonFile is not null) File.WriteAllText(jsonFile, JsonReport.Write(results));
            if (htmlFile is not null) File.WriteAllText(htmlFile, HtmlReport.Write(results));
            return results.All(r => r.Clean) ? ExitCodes.Success : ExitCodes.Unexpected;
        });
        return command;
    }

    private static IEnumerable<string> Expand(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) throw new UsageException($"check-module: no such file or folder: {path}");
        var modules = Path.Combine(path, "lib", "modules");
        var folder = Directory.Exists(modules) ? modules : path;
        var files = Directory.GetFiles(folder, "*.lua").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new UsageException($"check-module: no *.lua files in {folder}");
        return files;
    }

    // Checked before any module runs, so a typo in an output path does not cost the whole check.
    private static void CheckWritable(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        if (Directory.Exists(file)) throw new UsageException($"check-module: {file} is a folder, not a file");
        if (!Directory.Exists(folder)) throw new UsageException($"check-module: the folder of {file} does not exist");
    }
}
