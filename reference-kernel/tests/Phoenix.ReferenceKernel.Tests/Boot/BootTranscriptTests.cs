using Phoenix.ReferenceKernel.Boot;
using Phoenix.Testing.Snapshots;

namespace Phoenix.ReferenceKernel.Tests.Boot;

/// <summary>The syslog the reference kernel writes while booting a mixed image, pinned as a snapshot: a change to
/// what boot loads, refuses or logs shows up as a diff to review.</summary>
public class BootTranscriptTests
{
    private static string Fixture(string path) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", path));

    [Test]
    public void MixedImage_Boot_LogsEachModuleOutcome()
    {
        var good = Fixture("MOD-AUTOLOAD/autoload.lua");
        var image = BootImage.Empty
            .WithFile("/lib/modules/a_good.lua", good)
            .WithFile("/lib/modules/b_throws.lua", Fixture("PX-MOD/throws.lua"))
            .WithFile("/lib/modules/c_foreign.lua", good, owner: "alice")
            .WithFile("/lib/modules/d_writable.lua", good, world: "rw-")
            .WithFile("/lib/modules/disabled/e_sub.lua", good)
            .WithFile("/lib/modules/f_syntax.lua", "return {")
            .WithFile("/lib/modules/g_nothing.lua", Fixture("MOD-UNLOAD-OPTIONAL/returns_nothing.lua"));
        using var kernel = ReferenceKernel.Boot(image);
        var transcript = string.Join("\n", kernel.Syslog.Entries.Select(e =>
            $"{e.TimestampMs} [{e.Level.ToString().ToLowerInvariant()}] {e.Message.Split('\n')[0]}"));
        Snapshot.Match(Snapshot.ScrubTimes(transcript), nameof(BootTranscriptTests));
    }
}
