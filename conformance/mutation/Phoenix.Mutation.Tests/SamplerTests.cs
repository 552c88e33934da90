using Phoenix.Mutation.Mutants;

namespace Phoenix.Mutation.Tests;

public class SamplerTests
{
    private static readonly IReadOnlyList<Mutant> All = MutantGenerator.ForReferenceKernel();

    [Test]
    public void SameSeed_GivesTheSameSample_WhateverTheInputOrder()
    {
        var a = MutantSampler.Sample(All, 40, 1).Select(m => m.Id);
        var b = MutantSampler.Sample(All.Reverse(), 40, 1).Select(m => m.Id);
        Assert.That(a, Is.EqualTo(b));
    }

    [Test]
    public void Sample_HasTheSizeAsked_AndNoDuplicates()
    {
        var sample = MutantSampler.Sample(All, 100, 7);
        Assert.That(sample, Has.Count.EqualTo(100));
        Assert.That(sample.Select(m => m.Id), Is.Unique);
    }

    [Test]
    public void OtherSeeds_GiveOtherSamples()
    {
        Assert.That(MutantSampler.Sample(All, 40, 1).Select(m => m.Id), Is.Not.EqualTo(MutantSampler.Sample(All, 40, 2).Select(m => m.Id)));
    }

    [Test]
    public void MovingAMutantsLine_DoesNotChangeWhetherItIsSampled()
    {
        var before = MutantSampler.Sample(All, 40, 1).Select(m => m.SampleKey);
        var moved = MutantSampler.Sample(All.Select(m => m with { Line = m.Line + 10 }), 40, 1).Select(m => m.SampleKey);
        Assert.That(moved, Is.EquivalentTo(before));
    }

    [Test]
    public void ASampleLargerThanThePool_IsThePool()
    {
        Assert.That(MutantSampler.Sample(All.Take(5), 50, 1), Has.Count.EqualTo(5));
    }

    [Test]
    public void SplitMix_IsPinned()
    {
        // Pinned so a change to the sampler, which would silently change CI's sample, shows up here.
        var ids = new[] { "a", "b", "c", "d", "e", "f" }.Select(s => new Mutant("kmod.lua", 1, MutationOperator.Constant, s, "", 0, 1, "MOD", null, s)).ToArray();
        Assert.That(string.Join(",", MutantSampler.Sample(ids, 3, 1).Select(m => m.Original)), Is.EqualTo("d,b,f"));
    }
}
