using FluentAssertions;
using Xunit;

namespace Rp.Deploy.Tests;

public sealed class DeployGeneratorTests
{
    private static readonly IReadOnlyList<DeployFile> Generated = DeployGenerator.Generate();

    public static TheoryData<string> GeneratedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Generated)
        {
            data.Add(file.Path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GeneratedFiles))]
    public void Generate_CommittedFile_MatchesFreshGeneration(string path)
    {
        var committed = Path.Combine(RepositoryRoot.Deploy, path);

        File.Exists(committed).Should().BeTrue($"deploy/{path} is generated: run hack/generate-deploy.sh and commit it");
        File.ReadAllText(committed).Should().Be(Generated.Single(f => f.Path == path).Content, $"deploy/{path} is stale: run hack/generate-deploy.sh and commit it");
    }

    [Fact]
    public void Generate_CommittedJsonFiles_AreExactlyTheGeneratedOnes()
    {
        var committed = Directory.EnumerateFiles(RepositoryRoot.Deploy, "*.json").Select(Path.GetFileName);

        committed.Should().BeEquivalentTo(Generated.Select(f => f.Path), "every JSON file in deploy/ is generated");
    }
}
