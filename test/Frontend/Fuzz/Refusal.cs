namespace Rp.Frontend.Tests.Fuzz;

/// <summary>Which routes must refuse a mutated query.</summary>
public enum Refusal
{
    Never,
    Lists,
    Always,
}
