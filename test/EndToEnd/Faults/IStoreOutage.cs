namespace Rp.EndToEnd.Tests.Faults;

/// <summary>A way to take the stores away from every role for a while, and give them back.</summary>
public interface IStoreOutage
{
    string What { get; }

    Task BeginAsync();

    Task EndAsync();
}
