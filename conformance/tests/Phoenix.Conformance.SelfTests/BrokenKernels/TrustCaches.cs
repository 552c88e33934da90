using System.Runtime.CompilerServices;
using Phoenix.ReferenceKernel.Modules;
using Phoenix.ReferenceKernel.Vfs;

namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Module policies that remember trust decisions per file instead of judging each load anew (a kernel
/// author's "the file was already vetted" shortcut). Keyed by the file node, so boots do not share what they saw.</summary>
internal static class TrustCaches
{
    /// <summary>A file trusted once stays trusted, whatever chmod and chown do to it later.</summary>
    public sealed class RemembersTrusted : ModulePolicy
    {
        private readonly ConditionalWeakTable<FsNode, object> _vetted = [];

        public override bool IsTrusted(FsNode file)
        {
            if (_vetted.TryGetValue(file, out _)) return true;
            if (!base.IsTrusted(file)) return false;
            _vetted.AddOrUpdate(file, file);
            return true;
        }
    }

    /// <summary>A file refused once stays refused, even after it was made safe.</summary>
    public sealed class RemembersRefused : ModulePolicy
    {
        private readonly ConditionalWeakTable<FsNode, object> _refused = [];

        public override bool IsTrusted(FsNode file)
        {
            if (_refused.TryGetValue(file, out _)) return false;
            if (base.IsTrusted(file)) return true;
            _refused.AddOrUpdate(file, file);
            return false;
        }
    }
}
