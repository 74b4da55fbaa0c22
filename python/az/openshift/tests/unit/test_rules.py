"""The client's copy of the RP's create rules: each case starts from a valid create and changes one thing."""

import os
import re

import pytest

from azext_openshift import _rules
from azext_openshift._body import create_body
from conftest import REPOSITORY_ROOT, SUBSCRIPTION

VNET = '/subscriptions/{}/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet'.format(SUBSCRIPTION)
OTHER_VNET = VNET.replace('/vnet', '/other')

CASES = [
    # (case, flags changed, resource group, name, expected code, target, message fragment)
    ('resource group name with a space', {}, 'my rg', 'cluster', 'InvalidParameter', 'resourceGroupName',
     "The resource group name 'my rg' is invalid"),
    ('resource group name ending with a dot', {}, 'rg.', 'cluster', 'InvalidParameter', 'resourceGroupName', "'rg.'"),
    ('cluster name with a dot', {}, 'rg', 'my.cluster', 'InvalidResourceName', 'name',
     "The resource name 'my.cluster' is invalid"),
    ('no location', {'location': ' '}, 'rg', 'cluster', 'InvalidParameter', 'location',
     "The property 'location' is required."),
    ('tag name with a slash', {'tags': {'a/b': 'c'}}, 'rg', 'cluster', 'InvalidParameter', 'tags',
     "The tag name 'a/b' contains a character that is not allowed"),
    ('tag names differing in case', {'tags': {'a': '1', 'A': '2'}}, 'rg', 'cluster', 'InvalidParameter', 'tags',
     "The tag name 'A' is given more than once"),
    ('tag value too long', {'tags': {'a': 'x' * 257}}, 'rg', 'cluster', 'InvalidParameter', 'tags',
     "The value of the tag 'a' is longer than 256 characters."),
    ('51 tags', {'tags': {str(i): '' for i in range(51)}}, 'rg', 'cluster', 'InvalidParameter', 'tags',
     'A resource may have at most 50 tags; 51 were provided.'),
    ('pull secret not JSON', {'pull_secret': 'eyJhdXRocyI6e319'}, 'rg', 'cluster', 'InvalidParameter',
     'properties.clusterProfile.pullSecret', 'The provided pull secret is invalid'),
    ('pull secret without auths', {'pull_secret': '{"auth":{}}'}, 'rg', 'cluster', 'InvalidParameter',
     'properties.clusterProfile.pullSecret', 'The provided pull secret is invalid'),
    ('domain in upper case', {'domain': 'Example.com'}, 'rg', 'cluster', 'InvalidParameter',
     'properties.clusterProfile.domain', "The provided domain 'Example.com' is invalid"),
    ('version of two parts', {'version': '4.3'}, 'rg', 'cluster', 'InvalidParameter',
     'properties.clusterProfile.version', "The provided version '4.3' is invalid"),
    ('cluster resource group that is the cluster\'s', {'cluster_resource_group': 'rg'}, 'rg', 'cluster',
     'InvalidParameter', 'properties.clusterProfile.resourceGroupId', "must not be the cluster's own resource group."),
    ('cluster resource group in another subscription',
     {'cluster_resource_group': '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/infra'}, 'rg',
     'cluster', 'InvalidParameter', 'properties.clusterProfile.resourceGroupId', "must be in the cluster's subscription."),
    ('client secret without client id', {'client_secret': 's'}, 'rg', 'cluster', 'InvalidParameter',
     'properties.servicePrincipalProfile.clientId', "The property 'properties.servicePrincipalProfile.clientId' is required."),
    ('client id not a GUID', {'client_id': 'app', 'client_secret': 's'}, 'rg', 'cluster', 'InvalidParameter',
     'properties.servicePrincipalProfile.clientId', "The provided client id 'app' is invalid: expected a GUID."),
    ('client id without secret', {'client_id': '11111111-1111-1111-1111-111111111111'}, 'rg', 'cluster',
     'InvalidParameter', 'properties.servicePrincipalProfile.clientSecret', 'is required.'),
    ('empty client secret', {'client_id': '11111111-1111-1111-1111-111111111111', 'client_secret': ''}, 'rg', 'cluster',
     'InvalidParameter', 'properties.servicePrincipalProfile.clientSecret', 'The provided client secret must not be empty.'),
    ('pod CIDR with host bits', {'pod_cidr': '10.128.0.1/14'}, 'rg', 'cluster', 'InvalidParameter',
     'properties.networkProfile.podCidr', "The provided CIDR '10.128.0.1/14' at 'properties.networkProfile.podCidr' is "
     'invalid: expected an IPv4 network such as 10.0.0.0/16, without host bits set.'),
    ('pod CIDR with a leading zero', {'pod_cidr': '10.128.00.0/14'}, 'rg', 'cluster', 'InvalidParameter',
     'properties.networkProfile.podCidr', 'without host bits set.'),
    ('pod CIDR of /33', {'pod_cidr': '10.0.0.0/33'}, 'rg', 'cluster', 'InvalidParameter',
     'properties.networkProfile.podCidr', 'without host bits set.'),
    ('pod CIDR too small', {'pod_cidr': '10.128.0.0/19'}, 'rg', 'cluster', 'InvalidParameter',
     'properties.networkProfile.podCidr', 'its prefix length must be between /8 and /18.'),
    ('service CIDR too small', {'service_cidr': '172.30.0.0/23'}, 'rg', 'cluster', 'InvalidParameter',
     'properties.networkProfile.serviceCidr', 'its prefix length must be between /8 and /22.'),
    ('service CIDR on the loopback range', {'service_cidr': '127.0.0.0/16'}, 'rg', 'cluster', 'InvalidParameter',
     'properties.networkProfile.serviceCidr', 'it overlaps the loopback range 127.0.0.0/8.'),
    ('service CIDR overlapping the pods\'', {'service_cidr': '10.130.0.0/16'}, 'rg', 'cluster', 'InvalidParameter',
     'properties.networkProfile.serviceCidr', "The provided CIDR '10.130.0.0/16' at 'properties.networkProfile.serviceCidr' "
     "overlaps '10.128.0.0/14' at 'properties.networkProfile.podCidr'."),
    ('master VM size for workers only', {'master_vm_size': 'Standard_D2s_v3'}, 'rg', 'cluster', 'InvalidParameter',
     'properties.masterProfile.vmSize', "The provided master VM size 'Standard_D2s_v3' is not supported; supported "
     'sizes: Standard_D8s_v3, Standard_D16s_v3, Standard_D32s_v3, Standard_E8s_v3, Standard_E16s_v3, Standard_E32s_v3.'),
    ('worker VM size unknown', {'worker_vm_size': 'Standard_A1'}, 'rg', 'cluster', 'InvalidParameter',
     'properties.workerProfiles[0].vmSize', "The provided worker VM size 'Standard_A1' is not supported"),
    ('worker disk too small', {'worker_vm_disk_size_gb': 127}, 'rg', 'cluster', 'InvalidParameter',
     'properties.workerProfiles[0].diskSizeGB', 'The provided disk size 127 GB is invalid: it must be between 128 and 2048 GB.'),
    ('51 workers', {'worker_count': 51}, 'rg', 'cluster', 'InvalidParameter', 'properties.workerProfiles[0].count',
     'The provided worker count 51 is invalid: it must be between 3 and 50.'),
    ('more nodes than the pod range has room for', {'pod_cidr': '10.128.0.0/18', 'worker_count': 30}, 'rg', 'cluster',
     'InvalidParameter', 'properties.workerProfiles',
     "The cluster would have 33 nodes, more than the pod CIDR '10.128.0.0/18' has room for (32, one /23 each)."),
    ('worker subnet without master subnet', {'worker_subnet': VNET + '/subnets/worker'}, 'rg', 'cluster',
     'InvalidParameter', 'properties.masterProfile.subnetId', "The property 'properties.masterProfile.subnetId' is required."),
    ('master subnet not a subnet id', {'master_subnet': VNET, 'worker_subnet': VNET + '/subnets/worker'}, 'rg', 'cluster',
     'InvalidParameter', 'properties.masterProfile.subnetId', "The provided subnet id '{}' is invalid".format(VNET)),
    ('worker subnet in another network', {'master_subnet': VNET + '/subnets/master',
                                          'worker_subnet': OTHER_VNET + '/subnets/worker'}, 'rg', 'cluster',
     'InvalidParameter', 'properties.workerProfiles[0].subnetId', "must be in the masters' virtual network"),
    ('worker subnet the masters\'', {'master_subnet': VNET + '/subnets/master', 'worker_subnet': VNET + '/subnets/MASTER'},
     'rg', 'cluster', 'InvalidParameter', 'properties.workerProfiles[0].subnetId', "must not be the masters' subnet."),
]


def valid_flags():
    return {'location': 'eastus', 'pull_secret': '{"auths":{"registry.example.com":{"auth":"eA=="}}}'}


@pytest.mark.parametrize('flags', [
    {},
    {'tags': {'env': 'test'}, 'domain': 'cluster.example.com', 'version': '4.3.0', 'cluster_resource_group': 'infra',
     'client_id': '11111111-1111-1111-1111-111111111111', 'client_secret': 's', 'pod_cidr': '10.0.0.0/18',
     'service_cidr': '10.1.0.0/22', 'master_vm_size': 'standard_e8s_v3', 'master_subnet': VNET + '/subnets/master',
     'worker_vm_size': 'Standard_E4s_v3', 'worker_subnet': VNET + '/subnets/worker', 'worker_count': 29,
     'worker_vm_disk_size_gb': 2048, 'apiserver_visibility': 'Private', 'ingress_visibility': 'Public'},
], ids=['the minimal create', 'every flag at a limit'])
def test_validate_create_valid_passes(flags):
    _rules.validate_create(SUBSCRIPTION, 'rg', 'cluster', create_body(SUBSCRIPTION, dict(valid_flags(), **flags)))


@pytest.mark.parametrize('case,flags,resource_group,name,code,target,message', CASES, ids=[c[0] for c in CASES])
def test_validate_create_invalid_raises_the_rps_error(case, flags, resource_group, name, code, target, message):
    body = create_body(SUBSCRIPTION, dict(valid_flags(), **flags))

    with pytest.raises(_rules.RuleViolation) as raised:
        _rules.validate_create(SUBSCRIPTION, resource_group, name, body)

    assert (raised.value.code, raised.value.target) == (code, target), case
    assert message in raised.value.message, case


def test_validate_create_location_not_given_is_not_checked():
    flags = valid_flags()
    del flags['location']

    _rules.validate_create(SUBSCRIPTION, 'rg', 'cluster', create_body(SUBSCRIPTION, flags), location_given=False)


def test_rule_violation_reads_as_the_cli_shows_the_rps_errors():
    violation = _rules.RuleViolation('InvalidParameter', 'Bad.', 'properties.x')

    assert str(violation) == '(InvalidParameter) Bad.\nCode: InvalidParameter\nMessage: Bad.\nTarget: properties.x'


def rp_source(*path):
    with open(os.path.join(REPOSITORY_ROOT, 'pkg', *path), encoding='utf-8') as f:
        return f.read()


def csharp_constant(source, name):
    return re.search(r'\b{}\s*=\s*"?([^";]+)"?;'.format(name), source).group(1)


@pytest.mark.parametrize('name,path,csharp,python', [
    ('pod CIDR', ('Api', 'ClusterDefaults.cs'), 'PodCidr', _rules.POD_CIDR),
    ('service CIDR', ('Api', 'ClusterDefaults.cs'), 'ServiceCidr', _rules.SERVICE_CIDR),
    ('master VM size', ('Api', 'ClusterDefaults.cs'), 'MasterVmSize', _rules.MASTER_VM_SIZE),
    ('worker profile name', ('Api', 'ClusterDefaults.cs'), 'WorkerProfileName', _rules.WORKER_PROFILE_NAME),
    ('worker VM size', ('Api', 'ClusterDefaults.cs'), 'WorkerVmSize', _rules.WORKER_VM_SIZE),
    ('worker disk size', ('Api', 'ClusterDefaults.cs'), 'WorkerDiskSizeGB', str(_rules.WORKER_DISK_SIZE_GB)),
    ('worker count', ('Api', 'ClusterDefaults.cs'), 'WorkerCount', str(_rules.WORKER_COUNT)),
    ('ingress profile name', ('Api', 'ClusterDefaults.cs'), 'IngressProfileName', _rules.INGRESS_PROFILE_NAME),
    ('fewest workers', ('Api', 'Validation', 'ProfileRules.cs'), 'MinWorkerCount', str(_rules.MIN_WORKER_COUNT)),
    ('most workers', ('Api', 'Validation', 'ProfileRules.cs'), 'MaxWorkerCount', str(_rules.MAX_WORKER_COUNT)),
    ('smallest disk', ('Api', 'Validation', 'ProfileRules.cs'), 'MinDiskSizeGB', str(_rules.MIN_DISK_SIZE_GB)),
    ('largest disk', ('Api', 'Validation', 'ProfileRules.cs'), 'MaxDiskSizeGB', str(_rules.MAX_DISK_SIZE_GB)),
    ('most profiles', ('Api', 'Validation', 'ProfileRules.cs'), 'MaxProfiles', str(_rules.MAX_PROFILES)),
    ('most tags', ('Api', 'Validation', 'TagRules.cs'), 'MaxCount', str(_rules.MAX_TAGS)),
    ('node prefix', ('Api', 'Validation', 'CidrRules.cs'), 'NodePrefixLength', str(_rules.NODE_PREFIX_LENGTH)),
])
def test_constant_is_the_rps(name, path, csharp, python):
    assert csharp_constant(rp_source(*path), csharp) == python, name


@pytest.mark.parametrize('role,python', [('Master', _rules.MASTER_VM_SIZES), ('Worker', _rules.WORKER_VM_SIZES)])
def test_vm_sizes_are_the_rps(role, python):
    source = rp_source('Api', 'Validation', 'VmSizes.cs')
    listed = re.search(r'IReadOnlyList<string> {}\s*=\s*\[(.*?)\];'.format(role), source, re.S).group(1)

    assert tuple(re.findall(r'"([^"]+)"', listed)) == python


@pytest.mark.parametrize('name,prefix', [('PodPrefix', _rules.POD_PREFIX), ('ServicePrefix', _rules.SERVICE_PREFIX)])
def test_cidr_prefix_bounds_are_the_rps(name, prefix):
    source = rp_source('Api', 'Validation', 'CidrRules.cs')

    assert re.search(r'{} = \((\d+), (\d+)\)'.format(name), source).groups() == tuple(str(p) for p in prefix)
