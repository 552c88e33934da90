namespace Phoenix.Conformance.Suite.Generators;

/// <summary>The shape of a generated module copy (fixtures/MOD-MODEL/probe.lua): an API with unload, an API without
/// one, a chunk that returns nothing, a chunk that throws while loading.</summary>
public enum ModelModuleKind
{
    Api,
    ApiOnly,
    Nothing,
    Throws,
}
