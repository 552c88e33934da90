using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.CraftOS.Adapter;

namespace Phoenix.CraftOS.Tests.Kernel;

/// <summary>
/// A kernel that stops on a valid image fails the rule (KernelStoppedException, with what it last said); a kernel
/// that cannot boot at all, even an empty image, is a setup error (KernelBootException). Both use Tiny with one line
/// put in front, in a scratch directory.
/// </summary>
public class KernelStopTests
{
    private const string PanicsOnModule =
        "if fs.exists(\"root/lib/modules/panic.lua\") then error(\"kernel panic: a module called panic\", 0) end\n";

    [Test]
    public void KernelThatStopsOnThisImage_ThrowsKernelStopped_WithTheReason()
    {
        WithKernel(PanicsOnModule, adapter =>
        {
            var stopped = Assert.Throws<KernelStoppedException>(() => adapter.Boot(BootImage.Empty.WithFile("/lib/modules/panic.lua", "return {}")));
            Assert.That(stopped!.Message, Does.Contain("kernel panic: a module called panic"));
            using var fine = adapter.Boot(BootImage.Empty.WithFile("/lib/modules/other.lua", "return {}"));
            Assert.That(fine.Syscall("root", "listmodules").Succeeded, Is.True);
        });
    }

    [Test]
    public void KernelThatStopsDuringAnOperation_ThrowsKernelStopped()
    {
        WithKernel("", adapter =>
        {
            using var kernel = adapter.Boot(BootImage.Empty.WithFile("/lib/modules/off.lua",
                "return { off = function() os.shutdown() coroutine.yield() end }"));
            var stopped = Assert.Throws<KernelStoppedException>(() => kernel.Syscall("root", "callmodule", "off", "off"));
            Assert.That(stopped!.Message, Does.Contain("the kernel stopped (shutdown)"));
        });
    }

    [Test]
    public void KernelThatNeverBoots_IsASetupError()
    {
        WithKernel("error(\"kernel panic: always\", 0)\n", adapter =>
        {
            var error = Assert.Throws<KernelBootException>(() => adapter.Boot(BootImage.Empty.WithFile("/lib/modules/x.lua", "return {}")));
            Assert.That(error!.Message, Does.Contain("does not boot even an empty image").And.Contain("kernel panic: always"));
        });
    }

    [Test]
    public void KernelWhoseAgentAnswerIsCut_SaysSo_WithTheFrameAndWhatTheKernelLogged()
    {
        // A kernel that writes the start of the ready frame and then waits for ever: its terminal "lost" the rest.
        WithKernel("term.write(\"@@pxc:0:0a0b0c\") while true do coroutine.yield() end\n", adapter =>
        {
            var error = Assert.Throws<KernelBootException>(() => adapter.Boot(BootImage.Empty));
            Assert.That(error!.Message, Does.Contain("went idle without answering").And.Contain("an answer frame began but did not end").And.Contain("@@pxc:0:0a0b0c"));
        });
    }

    /// <summary>A kernel that cannot boot is reported once, with what it was missing: Phoenix 0.0.1-0.0.8 opened a ROM
    /// file the host lacked and indexed the nil handle, which alone names only a local variable.</summary>
    [Test]
    public void KernelMissingAFile_DoesNotBoot_AndTheReasonNamesTheFile()
    {
        WithKernel("local file = fs.open('/rom/apis/colors.lua', 'r') local text = file.readAll()\n", adapter =>
        {
            var error = Assert.Throws<KernelBootException>(() => adapter.Boot(BootImage.Empty));
            Assert.That(error!.Message.Split('\n')[0], Does.Contain("does not boot even an empty image")
                .And.Contain("attempt to index a nil value (local 'file')")
                .And.Contain("files it could not open: rom/apis/colors.lua (r): /rom/apis/colors.lua: No such file"));
        });
    }

    private static void WithKernel(string firstLine, Action<CraftOsAdapter> test)
    {
        var dir = Directory.CreateTempSubdirectory("craftos-stop");
        try
        {
            var tiny = File.ReadAllText(Path.Combine(RepositoryPaths.TinyKernel, "kernel.lua"));
            File.WriteAllText(Path.Combine(dir.FullName, "kernel.lua"), firstLine + tiny);
            test(new CraftOsAdapter(dir.FullName));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
