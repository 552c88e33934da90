using Phoenix.Values;

namespace Phoenix.CraftOS.Tests.Host;

/// <summary>http on a computer with no network: present, URLs checked as CC: Tweaked does, every well-formed request
/// failing as CC:T reports a host it cannot resolve, at once or through its failure events.</summary>
public class HttpApiTests
{
    [Test]
    public void BlockingCalls_FailWithAReason()
    {
        using var run = new KernelRun("""
            local function all(...) return { n = select("#", ...), ... } end
            report(all(http.get("http://example.com/")), all(http.post({ url = "https://example.com/", body = "x" })),
                all(http.get("ftp://example.com/")), all(http.get("not a url")), all(http.checkURL("http://example.com")),
                all(http.websocket("ws://example.com")), all(http.websocket("http://example.com")))
            """);
        static LuaTable All(params LuaValue[] values) => new(values, [new(LuaString.From("n"), (long)values.Length)]);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[]
        {
            All(LuaValue.Nil, "Unknown host"), All(LuaValue.Nil, "Unknown host"), All(LuaValue.Nil, "Invalid protocol 'ftp'"),
            All(LuaValue.Nil, "URL malformed"), All(false, "Unknown host"), All(false, "Unknown host"), All(false, "Invalid protocol 'http'"),
        }));
    }

    [Test]
    public void AsyncCalls_QueueTheirFailureEvents()
    {
        using var run = new KernelRun("""
            local accepted = { http.request("http://example.com/a"), http.checkURLAsync("https://example.com/b"), http.websocketAsync("wss://example.com/c") }
            local refused = { http.request("gopher://x") }
            local events = {}
            for i = 1, 3 do events[i] = { os.pullEvent() } end
            report(accepted, refused, events)
            """);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[]
        {
            new LuaTable(new LuaValue[] { true, true, true }),
            new LuaTable(new LuaValue[] { false, "Invalid protocol 'gopher'" }),
            new LuaTable(new LuaValue[]
            {
                new LuaTable(new LuaValue[] { "http_failure", "http://example.com/a", "Unknown host" }),
                new LuaTable(new LuaValue[] { "http_check", "https://example.com/b", false, "Unknown host" }),
                new LuaTable(new LuaValue[] { "websocket_failure", "wss://example.com/c", "Unknown host" }),
            }),
        }));
    }
}
