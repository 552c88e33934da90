using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness.Fixtures;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Harness.Running;

/// <summary>
/// Everything a rule may use: boot kernels through the adapter, read fixtures, know the profile and the seed. Rules
/// never see the kernel behind the adapter. Kernels booted here are shut down when the rule ends.
/// </summary>
public sealed class RuleContext : IDisposable
{
    private readonly IKernelAdapter _adapter;
    private readonly List<IKernel> _kernels = [];

    public RuleContext(IKernelAdapter adapter, Profile profile, ulong seed, FixtureLibrary fixtures, CancellationToken cancellation)
    {
        _adapter = adapter;
        Profile = profile;
        Seed = seed;
        Fixtures = fixtures;
        Cancellation = cancellation;
    }

    public Profile Profile { get; }

    /// <summary>Seed for property rules; reported with every result so a failure can be replayed.</summary>
    public ulong Seed { get; }

    /// <summary>When the rule must stop shrinking a counterexample to leave time to report it (half its time limit),
    /// so a slow machine reports a less shrunk case instead of a timeout.</summary>
    public DateTime ShrinkDeadline { get; init; } = DateTime.MaxValue;

    /// <summary>The running rule's ID ("CLAUSE-ID/Method"), for replay hints.</summary>
    public string RuleId { get; init; } = "";

    /// <summary>Set when the rule ran a property, so the result carries the seed.</summary>
    public bool UsedSeed { get; internal set; }

    public FixtureLibrary Fixtures { get; }

    /// <summary>Set when the rule's time limit has passed; long rules (properties) stop early.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Boots a fresh kernel from <paramref name="image"/>.</summary>
    public IKernel Boot(BootImage image)
    {
        Cancellation.ThrowIfCancellationRequested();
        var kernel = _adapter.Boot(image);
        lock (_kernels) _kernels.Add(kernel);
        return kernel;
    }

    /// <summary>A fixture module's source, by its path under fixtures/ ("MOD-API/echo.lua").</summary>
    public string Fixture(string path) => Fixtures.Read(path);

    public void Dispose()
    {
        lock (_kernels)
        {
            foreach (var kernel in _kernels) kernel.Dispose();
            _kernels.Clear();
        }
    }
}
