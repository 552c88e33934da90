namespace Phoenix.Conformance.Rules;

/// <summary>Which published version of the page a clause belongs to: v1 (older) and/or v2 (newer).</summary>
[Flags]
public enum Profiles
{
    None = 0,
    V1 = 1,
    V2 = 2,
    Both = V1 | V2,
}
