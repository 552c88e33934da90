using System.Collections.Concurrent;
using System.Diagnostics;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Protocol.Adapter.Client;
using Phoenix.Conformance.Reporting.Results;

namespace Phoenix.Conformance.Cli.Running;

/// <summary>
/// <c>run --isolation process</c>: kernels live in N worker processes, each this program's <c>serve --adapter X</c>,
/// reached through the <c>exec</c> client. A rule takes a free worker for its whole run. Limits are enforced from
/// outside, where a runaway in native code cannot escape them: a rule past its time limit has its worker killed (the
/// rule is a timeout), and a worker whose memory passes the cap is killed at once (the rule is an error naming the
/// cap). The next boot starts a fresh worker, so the run goes on.
/// </summary>
public sealed class WorkerPool : IDisposable
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(200);

    private readonly BlockingCollection<ExecAdapter> _free = [];
    private readonly List<ExecAdapter> _workers = [];
    private readonly long _memoryCapBytes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _watchdog;

    public WorkerPool(string adapter, IReadOnlyList<string> adapterPaths, int workers, long memoryCapBytes, TimeSpan timeLimit)
    {
        _memoryCapBytes = memoryCapBytes;
        for (var i = 0; i < workers; i++)
        {
            // An answer may take as long as the rule may; past that the rule is a timeout and its worker is killed.
            var worker = new ExecAdapter(() => ServeCommand(adapter, adapterPaths), timeLimit + TimeSpan.FromSeconds(5));
            _workers.Add(worker);
            _free.Add(worker);
        }
        _watchdog = new Thread(Watch) { IsBackground = true, Name = "worker memory watchdog" };
        _watchdog.Start();
    }

    /// <summary>Runs one rule on a free worker (<paramref name="runOne"/> gets the worker as its adapter).</summary>
    public RuleRecord Run(RuleDescriptor rule, Func<RuleDescriptor, IKernelAdapter, RuleRecord> runOne, TimeSpan timeLimit)
    {
        var worker = _free.Take();
        try
        {
            var record = runOne(rule, worker);
            if (record.Outcome == RuleOutcome.Timeout)
            {
                // The rule's thread is abandoned, but its kernel may still be running in the worker: end it there.
                worker.Kill($"the rule's time limit of {timeLimit.TotalSeconds:0.#} s passed");
            }
            return record;
        }
        finally
        {
            _free.Add(worker);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _watchdog.Join(TimeSpan.FromSeconds(2));
        foreach (var worker in _workers) worker.Dispose();
        _free.Dispose();
        _stop.Dispose();
    }

    /// <summary>The worker command: this very program (as the apphost or through dotnet) with <c>serve</c>.</summary>
    private static ProcessStartInfo ServeCommand(string adapter, IReadOnlyList<string> adapterPaths)
    {
        var program = typeof(WorkerPool).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        ProcessStartInfo start;
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "phoenix-conformance", StringComparison.Ordinal))
        {
            start = new ProcessStartInfo(host);
        }
        else
        {
            start = new ProcessStartInfo(string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.Ordinal) ? host : "dotnet");
            start.ArgumentList.Add(program);
        }
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--adapter");
        start.ArgumentList.Add(adapter);
        foreach (var path in adapterPaths)
        {
            start.ArgumentList.Add("--adapter-path");
            start.ArgumentList.Add(path);
        }
        return start;
    }

    private void Watch()
    {
        while (!_stop.Token.WaitHandle.WaitOne(WatchInterval))
        {
            foreach (var worker in _workers)
            {
                if (worker.ProcessId is not { } pid) continue;
                var bytes = MemoryOf(pid);
                if (bytes > _memoryCapBytes)
                {
                    worker.Kill($"the worker's memory reached {bytes / (1024 * 1024)} MB, over the cap of {_memoryCapBytes / (1024 * 1024)} MB (--memory-limit)");
                }
            }
        }
    }

    private static long MemoryOf(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.WorkingSet64;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return 0; // exited meanwhile
        }
    }
}
