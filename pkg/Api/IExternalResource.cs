namespace Rp.Api;

/// <summary>The ARM envelope every api-version's cluster model has, so that its rules are written once.</summary>
internal interface IExternalResource
{
    string? Id { get; }

    string? Name { get; }

    string? Type { get; }

    string? Location { get; }

    Dictionary<string, string?>? Tags { get; }

    ResourceSystemData? SystemData { get; }
}
