import pytest
from azure.cli.core.azclierror import InvalidArgumentValueError, RequiredArgumentMissingError

from azext_openshift._body import create_body, resource_group_id, update_body
from conftest import SUBSCRIPTION, cluster


@pytest.mark.parametrize('case,flags,expected', [
    ('nothing given', {}, {}),
    ('a worker flag makes the default profile', {'worker_count': 4},
     {'properties': {'workerProfiles': [{'name': 'worker', 'count': 4}]}}),
    ('a zero is sent, not dropped', {'worker_count': 0},
     {'properties': {'workerProfiles': [{'name': 'worker', 'count': 0}]}}),
    ('ingress visibility makes the default ingress', {'ingress_visibility': 'Private'},
     {'properties': {'ingressProfiles': [{'name': 'default', 'visibility': 'Private'}]}}),
    ('a client secret alone', {'client_secret': 's'},
     {'properties': {'servicePrincipalProfile': {'clientSecret': 's'}}}),
    ('a resource group name becomes an id', {'cluster_resource_group': 'infra'},
     {'properties': {'clusterProfile': {'resourceGroupId': '/subscriptions/{}/resourceGroups/infra'.format(SUBSCRIPTION)}}}),
])
def test_create_body_sends_only_what_is_given(case, flags, expected):
    assert create_body(SUBSCRIPTION, flags) == expected, case


def test_create_body_unknown_flag_is_a_programming_error():
    with pytest.raises(ValueError):
        create_body(SUBSCRIPTION, {'worker_counts': 3})


@pytest.mark.parametrize('case,value,expected', [
    ('absent', None, None),
    ('a name', 'infra', '/subscriptions/{}/resourceGroups/infra'.format(SUBSCRIPTION)),
    ('an id, kept as given', '/Subscriptions/x/resourceGroups/infra', '/Subscriptions/x/resourceGroups/infra'),
])
def test_resource_group_id(case, value, expected):
    assert resource_group_id(SUBSCRIPTION, value) == expected, case


@pytest.mark.parametrize('case,kwargs,expected_body,expected_if_match', [
    ('tags replace the set', {'tags': {'a': 'b'}}, {'tags': {'a': 'b'}}, None),
    ('empty tags remove them all', {'tags': {}}, {'tags': {}}, None),
    ('a client secret merges into the profile', {'client_secret': 's'},
     {'properties': {'servicePrincipalProfile': {'clientSecret': 's'}}}, None),
    ('a worker count sends the profile read, guarded by its etag', {'worker_count': 5},
     {'properties': {'workerProfiles': [{'name': 'worker', 'vmSize': 'Standard_D2s_v3', 'diskSizeGB': 128, 'count': 5}]}},
     '"etag-1"'),
])
def test_update_body(case, kwargs, expected_body, expected_if_match):
    assert update_body(cluster(), **kwargs) == (expected_body, expected_if_match), case


def test_update_body_nothing_is_refused():
    with pytest.raises(RequiredArgumentMissingError):
        update_body(None)


def test_update_body_worker_count_of_several_profiles_is_refused():
    current = cluster(workerProfiles=[{'name': 'a', 'count': 3}, {'name': 'b', 'count': 3}])

    with pytest.raises(InvalidArgumentValueError, match=r'2 worker profiles \(a, b\)'):
        update_body(current, worker_count=4)
