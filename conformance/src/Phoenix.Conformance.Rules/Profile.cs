namespace Phoenix.Conformance.Rules;

/// <summary>The profile a run certifies against.</summary>
public enum Profile
{
    V1 = 1,
    V2 = 2,
}
