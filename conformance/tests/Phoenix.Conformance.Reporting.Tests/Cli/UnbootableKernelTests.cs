using Phoenix.Conformance.Cli;

namespace Phoenix.Conformance.Reporting.Tests.Cli;

/// <summary>A kernel that cannot boot even an empty image is reported once, before any rule, with the adapter's
/// reason and exit 2: not one error per rule and a percentage that reads like a verdict.</summary>
public sealed class UnbootableKernelTests
{
    [Test]
    public void KernelCrashingAtBoot_Exits2WithOneLine_AndWritesNothing()
    {
        var root = Path.Combine(Path.GetTempPath(), $"phoenix-unbootable-{Guid.NewGuid():N}");
        var kernel = Path.Combine(root, "kernel");
        Directory.CreateDirectory(kernel);
        // As Phoenix 0.0.1-0.0.8 did before the host had a ROM: open a ROM file (one our ROM lacks) and use the handle.
        File.WriteAllText(Path.Combine(kernel, "kernel.lua"), "local file = fs.open('/rom/apis/colors.lua', 'r')\nlocal text = file.readAll()\n");
        try
        {
            var (exit, output, error) = CliRun.Real("run", "--adapter", $"craftos:{kernel}", "--output", Path.Combine(root, "out"));

            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(output, Is.Empty);
            Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(error, Does.StartWith("The kernel cannot be certified: it does not boot an empty image")
                .And.Contain("attempt to index a nil value (local 'file')").And.Contain("files it could not open: rom/apis/colors.lua"));
            Assert.That(Directory.Exists(Path.Combine(root, "out")), Is.False);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
