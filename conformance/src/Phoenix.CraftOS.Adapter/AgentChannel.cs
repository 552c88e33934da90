using System.Globalization;
using System.Text.RegularExpressions;
using Phoenix.Conformance.Abstractions.Values;
using Phoenix.Lua;

namespace Phoenix.CraftOS.Adapter;

/// <summary>
/// Talks to the agent program inside the kernel: a request is a CC event queued on the computer, an answer is a
/// frame "@@pxc:&lt;id&gt;:&lt;hex&gt;@@" the agent writes to the screen. The frame's text ("return ok, values…") is
/// evaluated in an empty sandbox of the computer's Lua state, so values arrive exactly (bytes, integer or float).
/// </summary>
public sealed partial class AgentChannel(CraftOsComputer computer, int maxResumesPerRequest = 200_000)
{
    private int _cursor;
    private long _nextId = 1;

    /// <summary>Sends one request and runs the computer until the agent answers it.</summary>
    public IReadOnlyList<LuaValue> Request(string op, string user, string text, IReadOnlyList<LuaValue> args)
    {
        var id = _nextId++;
        var packed = new LuaTable(args);
        computer.QueueEvent("conformance_request", id, op, user, text, args.Count, packed);
        return WaitFor(id, $"{op} {text.Split('\n')[0]} as {user}");
    }

    /// <summary>Runs the computer until the frame <paramref name="id"/> arrives (frame 0: the agent is ready).</summary>
    public IReadOnlyList<LuaValue> WaitFor(long id, string what)
    {
        IReadOnlyList<LuaValue>? answer = null;
        var outcome = computer.Run(() => (answer = TryTake(id)) is not null, maxResumesPerRequest);
        if (answer is not null) return answer;
        var why = outcome switch
        {
            RunOutcome.Idle => "the kernel went idle without answering (did it deliver the request event to the agent?)",
            RunOutcome.ResumeLimit => $"the kernel kept busy for {maxResumesPerRequest} resumes without answering",
            _ => "the computer stopped",
        };
        throw new KernelHostException($"{what}: {why}\n{computer.Report()}");
    }

    private IReadOnlyList<LuaValue>? TryTake(long id)
    {
        if (computer.Screen.TranscriptLength <= _cursor) return null;
        var text = computer.Screen.TranscriptFrom(_cursor);
        IReadOnlyList<LuaValue>? found = null;
        var consumed = 0;
        foreach (Match match in Frame().Matches(text))
        {
            consumed = match.Index + match.Length;
            if (long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) != id) continue;
            found = Decode(match.Groups[2].Value);
            break;
        }
        _cursor += consumed;
        return found;
    }

    private IReadOnlyList<LuaValue> Decode(string hex)
    {
        try
        {
            return computer.DecodeData(Convert.FromHexString(hex));
        }
        catch (Exception e) when (e is LuaScriptException or FormatException)
        {
            throw new KernelHostException($"the agent's answer could not be read: {e.Message}\n{computer.Report()}");
        }
    }

    [GeneratedRegex("@@pxc:([0-9]+):([0-9a-f]*)@@")]
    private static partial Regex Frame();
}
