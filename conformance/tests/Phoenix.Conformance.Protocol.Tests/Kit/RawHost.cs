using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Phoenix.Conformance.Protocol.Tests.Kit;

/// <summary>A kernel host spoken to line by line, with no client logic in between, so the kit can send what a
/// well-behaved client never would (junk, requests before the handshake) and read exactly what comes back.</summary>
public sealed class RawHost : IDisposable
{
    private readonly Process _process;

    public RawHost(ProcessStartInfo start)
    {
        start.RedirectStandardInput = start.RedirectStandardOutput = true;
        start.RedirectStandardError = false;
        start.StandardInputEncoding = start.StandardOutputEncoding = new UTF8Encoding(false);
        _process = Process.Start(start)!;
    }

    public JsonObject Send(string line)
    {
        _process.StandardInput.Write(line + "\n");
        _process.StandardInput.Flush();
        var read = _process.StandardOutput.ReadLineAsync();
        Assert.That(read.Wait(TimeSpan.FromSeconds(30)), Is.True, $"no answer to {line} within 30 s");
        Assert.That(read.Result, Is.Not.Null, $"the host exited after {line}");
        return (JsonObject)JsonNode.Parse(read.Result!)!;
    }

    public JsonObject Send(JsonObject request) => Send(request.ToJsonString());

    public JsonObject Hello() => Send("""{"id":1,"op":"hello","protocols":[1],"client":"kit"}""");

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill(true);
        }
        catch (InvalidOperationException)
        {
            // gone already
        }
        _process.Dispose();
    }
}
