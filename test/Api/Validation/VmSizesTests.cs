using System.Text.RegularExpressions;
using FluentAssertions;
using Rp.Api.Validation;
using Xunit;

namespace Rp.Api.Tests.Validation;

public sealed class VmSizesTests
{
    public static TheoryData<string> AcceptedSizes => new(VmSizes.Master.Concat(VmSizes.Worker).Distinct());

    [Theory]
    [MemberData(nameof(AcceptedSizes))]
    public void VCpus_EverySizeTheValidatorsAccept_HasItsCount(string size)
    {
        var vCpus = VmSizes.VCpus(size);

        vCpus.Should().BePositive(size);
        VmSizes.VCpus(size.ToUpperInvariant()).Should().Be(vCpus, "sizes match case-insensitively");
        Regex.Match(size, @"^Standard_[A-Z](\d+)s_v3$").Groups[1].Value.Should().Be(vCpus.ToString(), "Azure names these sizes after their vCPUs");
    }

    [Fact]
    public void VCpus_UnknownSize_IsNull()
    {
        VmSizes.VCpus("Standard_Z99").Should().BeNull();
        VmSizes.VCpus(null).Should().BeNull();
    }
}
