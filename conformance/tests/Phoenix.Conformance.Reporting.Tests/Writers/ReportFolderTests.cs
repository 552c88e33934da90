using Phoenix.Conformance.Reporting.Tests.Canned;

namespace Phoenix.Conformance.Reporting.Tests.Writers;

/// <summary>The report folder written by several threads (<c>run --jobs N</c>) holds what the serial writer writes.</summary>
public sealed class ReportFolderTests
{
    [Test]
    public void ParallelWrite_WritesTheSameFilesAsSerial()
    {
        var run = CannedRun.Create();
        var root = Path.Combine(Path.GetTempPath(), $"report-folder-{Guid.NewGuid():N}");
        try
        {
            var serial = ReportFolder.Write(run, Path.Combine(root, "serial"));
            var parallel = ReportFolder.Write(run, Path.Combine(root, "parallel"), jobs: 4);
            Assert.That(parallel.Select(Path.GetFileName), Is.EqualTo(serial.Select(Path.GetFileName)));
            Assert.That(serial, Has.Count.EqualTo(4));
            foreach (var (a, b) in serial.Zip(parallel))
            {
                Assert.That(File.ReadAllText(b), Is.EqualTo(File.ReadAllText(a)), Path.GetFileName(a));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void ParallelWrite_OfAReportThatCannotBeWritten_ThrowsItsOwnError()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"report-folder-{Guid.NewGuid():N}");
        // A folder where results.json should go: that one report fails, the other three are written.
        Directory.CreateDirectory(Path.Combine(folder, Json.ResultsJson.FileName));
        try
        {
            var thrown = Assert.Catch(() => ReportFolder.Write(CannedRun.Create(), folder, jobs: 4));
            // The caller sees the error as from a serial write (an I/O error it can name), not an AggregateException.
            Assert.That(thrown, Is.InstanceOf<IOException>().Or.InstanceOf<UnauthorizedAccessException>());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
