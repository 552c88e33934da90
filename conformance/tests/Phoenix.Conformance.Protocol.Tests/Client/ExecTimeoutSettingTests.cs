using Phoenix.Conformance.Cli;
using Phoenix.Conformance.Harness.Adapters;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Protocol.Adapter.Client;
using Phoenix.Conformance.Protocol.Tests.Workers;

namespace Phoenix.Conformance.Protocol.Tests.Client;

/// <summary>PHOENIX_EXEC_TIMEOUT reaches the exec: adapter from the entry point's variables (the CLI's context, the
/// suite's setup), not from the process; a value that is no number of seconds is bad usage, named.</summary>
public sealed class ExecTimeoutSettingTests
{
    private const string Host = "exec:sh -c 'read l; echo \"{\\\"id\\\":1,\\\"ok\\\":true,\\\"result\\\":{\\\"protocol\\\":1,\\\"name\\\":\\\"fake\\\",\\\"version\\\":\\\"1\\\",\\\"operations\\\":[]}}\"; read l'";

    [TestCase(null, 30.0)]
    [TestCase("", 30.0)]
    [TestCase("2.5", 2.5)]
    [TestCase("86400", 86400.0)]
    public void Timeout_FromTheGivenVariables(string? value, double seconds)
    {
        using var adapter = (ExecAdapter)AdapterRegistry.Create(Host, [], name => name == ExecAdapter.TimeoutEnvironmentVariable ? value : null);
        Assert.That(adapter.Timeout, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [TestCase("abc")]
    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("86401")]
    public void BadTimeout_IsRefusedNamingTheValue(string value) =>
        Assert.That(() => ExecAdapter.TimeoutFrom(value),
            Throws.ArgumentException.With.Message.EqualTo($"PHOENIX_EXEC_TIMEOUT must be a number of seconds above 0 and at most 86400, not '{value}'."));

    [Test]
    public void BadTimeout_ThroughTheCli_Exit2BeforeAnyRule()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, false, typeof(WorkerRules).Assembly, () => RuleDiscovery.FromAssembly(typeof(WorkerRules).Assembly))
        {
            Variables = name => name == ExecAdapter.TimeoutEnvironmentVariable ? "soon" : null,
        };
        var exit = ConformanceCli.Run(["run", "--adapter", Host, "--output", Path.Combine(Path.GetTempPath(), $"exec-timeout-{Guid.NewGuid():N}")], context);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), output.ToString() + error);
        Assert.That(error.ToString(), Does.Contain("PHOENIX_EXEC_TIMEOUT must be a number of seconds above 0 and at most 86400, not 'soon'."));
        Assert.That(error.ToString().Trim().Split('\n'), Has.Length.EqualTo(1));
    }
}
