"""The commands run by the Azure CLI in process against a scripted RP: parsing, requests, polling, output."""

import time

from azure.cli.core._profile import Profile
from azure.core.credentials import AccessToken

from conftest import CLUSTER, CLUSTERS, RESOURCE_MANAGER, RESULT, RP, STATUS, SUBSCRIPTION, cluster, operation

ASYNC = {'Azure-AsyncOperation': RP + STATUS + '?api-version=2020-04-30', 'Retry-After': '1'}


def test_create_sends_every_flag_and_waits_for_succeeded(az, rp, tmp_path):
    pull_secret = tmp_path / 'pull-secret.json'
    pull_secret.write_text('{"auths":{}}\n')
    rp.expect('PUT', CLUSTER, 201, cluster('Creating'), ASYNC)
    rp.expect('GET', STATUS, 200, operation('Creating'), {'Retry-After': '2'})
    rp.expect('GET', STATUS, 200, operation('Succeeded'))
    rp.expect('GET', CLUSTER, 200, cluster('Succeeded'))

    result = az('openshift', 'create', '-g', 'rg', '-n', 'cluster', '-l', 'eastus', '--pull-secret', '@' + str(pull_secret),
                '--domain', 'example.com', '--version', '4.3.0', '--cluster-resource-group', 'infra',
                '--client-id', '11111111-1111-1111-1111-111111111111', '--client-secret', 'secret',
                '--pod-cidr', '10.128.0.0/16', '--service-cidr', '172.30.0.0/18',
                '--master-vm-size', 'Standard_D16s_v3', '--master-subnet', '/subnets/master',
                '--worker-vm-size', 'Standard_D4s_v3', '--worker-subnet', '/subnets/worker', '--worker-count', '5',
                '--worker-vm-disk-size-gb', '256', '--apiserver-visibility', 'private', '--ingress-visibility', 'Private',
                '--tags', 'env=test', 'owner=me')

    assert result.exit_code == 0, result.err
    assert result.json()['properties']['provisioningState'] == 'Succeeded'
    assert rp.requests[0].url == RP + CLUSTER + '?api-version=2020-04-30'
    assert rp.requests[0].headers['Content-Type'] == 'application/json'
    assert 'Authorization' not in rp.requests[0].headers
    assert rp.body(0) == {
        'location': 'eastus',
        'tags': {'env': 'test', 'owner': 'me'},
        'properties': {
            'clusterProfile': {
                'pullSecret': '{"auths":{}}',
                'domain': 'example.com',
                'version': '4.3.0',
                'resourceGroupId': '/subscriptions/{}/resourceGroups/infra'.format(SUBSCRIPTION),
            },
            'servicePrincipalProfile': {'clientId': '11111111-1111-1111-1111-111111111111', 'clientSecret': 'secret'},
            'networkProfile': {'podCidr': '10.128.0.0/16', 'serviceCidr': '172.30.0.0/18'},
            'masterProfile': {'vmSize': 'Standard_D16s_v3', 'subnetId': '/subnets/master'},
            'apiserverProfile': {'visibility': 'Private'},
            'workerProfiles': [{'name': 'worker', 'vmSize': 'Standard_D4s_v3', 'diskSizeGB': 256,
                                'subnetId': '/subnets/worker', 'count': 5}],
            'ingressProfiles': [{'name': 'default', 'visibility': 'Private'}],
        },
    }
    # azure-core polls once at once, then waits what the last answer's Retry-After said.
    assert rp.transport.sleeps == [2]


def test_create_sends_only_the_flags_given(az, rp):
    rp.expect('PUT', CLUSTER, 201, cluster('Creating'), ASYNC)
    rp.expect('GET', STATUS, 200, operation('Succeeded'))
    rp.expect('GET', CLUSTER, 200, cluster('Succeeded'))

    result = az('openshift', 'create', '-g', 'rg', '-n', 'cluster', '-l', 'eastus', '--pull-secret', '{"auths":{}}')

    assert result.exit_code == 0, result.err
    assert rp.body(0) == {'location': 'eastus', 'properties': {'clusterProfile': {'pullSecret': '{"auths":{}}'}}}


def test_create_no_wait_returns_after_the_put(az, rp):
    rp.expect('PUT', CLUSTER, 201, cluster('Creating'), ASYNC)

    result = az('openshift', 'create', '-g', 'rg', '-n', 'cluster', '-l', 'eastus', '--pull-secret', '{"auths":{}}',
                '--no-wait')

    assert (result.exit_code, result.out) == (0, ''), result.err
    assert rp.transport.sleeps == []


def test_create_refused_shows_the_rps_cloud_error(az, rp):
    rp.expect('PUT', CLUSTER, 400, {'error': {
        'code': 'InvalidParameter', 'message': "The provided CIDR '10.0.0.0/33' is invalid.",
        'target': 'properties.networkProfile.podCidr'}})

    result = az('openshift', 'create', '-g', 'rg', '-n', 'cluster', '-l', 'eastus', '--pull-secret', '{"auths":{}}',
                '--pod-cidr', '10.0.0.0/33')

    assert result.exit_code != 0
    assert "(InvalidParameter) The provided CIDR '10.0.0.0/33' is invalid." in result.err
    assert 'Target: properties.networkProfile.podCidr' in result.err


def test_create_failed_in_the_backend_shows_the_operations_error(az, rp):
    rp.expect('PUT', CLUSTER, 201, cluster('Creating'), ASYNC)
    rp.expect('GET', STATUS, 200, operation('Failed', {'code': 'DeploymentFailed', 'message': 'The bootstrap failed.'}))

    result = az('openshift', 'create', '-g', 'rg', '-n', 'cluster', '-l', 'eastus', '--pull-secret', '{"auths":{}}')

    assert result.exit_code != 0
    assert '(DeploymentFailed) The bootstrap failed.' in result.err


def test_create_without_location_in_development_asks_for_it(az, rp):
    result = az('openshift', 'create', '-g', 'rg', '-n', 'cluster', '--pull-secret', '{"auths":{}}')

    assert result.exit_code != 0
    assert 'give --location' in result.err
    assert rp.requests == []


def test_list_follows_next_link_and_shows_a_table(az, rp):
    next_link = RP + '/subscriptions/{}/providers/RedHat.OpenShift/OpenShiftClusters?api-version=2020-04-30&%24skipToken=abc'.format(SUBSCRIPTION)
    second = dict(cluster('Creating'), name='other', id=CLUSTERS.replace('/rg/', '/rg2/') + '/other', location='westus')
    second['properties'] = {'provisioningState': 'Creating'}
    rp.expect('GET', '/subscriptions/{}/providers/RedHat.OpenShift/OpenShiftClusters'.format(SUBSCRIPTION), 200,
              {'value': [cluster()], 'nextLink': next_link})
    rp.expect('GET', '/subscriptions/{}/providers/RedHat.OpenShift/OpenShiftClusters'.format(SUBSCRIPTION), 200,
              {'value': [second]})

    result = az('openshift', 'list', '-o', 'table')

    assert result.exit_code == 0, result.err
    assert rp.requests[1].url == next_link
    assert result.out.splitlines() == [
        'Name     ResourceGroup    Location    ProvisioningState    ApiServerUrl',
        '-------  ---------------  ----------  -------------------  -------------------------',
        'cluster  rg               eastus      Succeeded            https://api.example:6443/',
        'other    rg2              westus      Creating',
    ]


def test_list_by_resource_group(az, rp):
    rp.expect('GET', CLUSTERS, 200, {'value': [cluster()]})

    result = az('openshift', 'list', '-g', 'rg')

    assert result.exit_code == 0, result.err
    assert [c['name'] for c in result.json()] == ['cluster']


def test_show_missing_reports_resource_not_found(az, rp):
    rp.expect('GET', CLUSTER, 404, {'error': {'code': 'ResourceNotFound', 'message': 'The Resource was not found.'}})

    result = az('openshift', 'show', '-g', 'rg', '-n', 'cluster')

    assert result.exit_code == 3
    assert '(ResourceNotFound) The Resource was not found.' in result.err


def test_update_tags_only_completes_with_the_patch(az, rp):
    rp.expect('PATCH', CLUSTER, 200, dict(cluster(), tags={'a': 'b'}))

    result = az('openshift', 'update', '-g', 'rg', '-n', 'cluster', '--tags', 'a=b')

    assert result.exit_code == 0, result.err
    assert rp.body(0) == {'tags': {'a': 'b'}}
    assert 'If-Match' not in rp.requests[0].headers
    assert result.json()['tags'] == {'a': 'b'}
    assert rp.transport.sleeps == []


def test_update_worker_count_patches_the_profile_read_and_waits(az, rp):
    rp.expect('GET', CLUSTER, 200, cluster())
    rp.expect('PATCH', CLUSTER, 202, None, dict(ASYNC, Location=RP + RESULT + '?api-version=2020-04-30'))
    rp.expect('GET', STATUS, 200, operation('Succeeded'))
    rp.expect('GET', CLUSTER, 200, cluster())

    result = az('openshift', 'update', '-g', 'rg', '-n', 'cluster', '--worker-count', '4', '--client-secret', 'new')

    assert result.exit_code == 0, result.err
    assert rp.body(1) == {'properties': {
        'servicePrincipalProfile': {'clientSecret': 'new'},
        'workerProfiles': [{'name': 'worker', 'vmSize': 'Standard_D2s_v3', 'diskSizeGB': 128, 'count': 4}],
    }}
    assert rp.requests[1].headers['If-Match'] == '"etag-1"', 'the profile is sent as it was read'


def test_update_nothing_is_refused(az, rp):
    result = az('openshift', 'update', '-g', 'rg', '-n', 'cluster')

    assert result.exit_code != 0
    assert 'Nothing to update' in result.err
    assert rp.requests == []


def test_delete_waits_until_the_operation_ends(az, rp):
    rp.expect('DELETE', CLUSTER, 202, None, dict(ASYNC, Location=RP + RESULT + '?api-version=2020-04-30'))
    rp.expect('GET', STATUS, 200, operation('Deleting'), {'Retry-After': '1'})
    rp.expect('GET', STATUS, 200, operation('Succeeded'))

    result = az('openshift', 'delete', '-g', 'rg', '-n', 'cluster', '--yes')

    assert (result.exit_code, result.out) == (0, ''), result.err
    assert rp.transport.sleeps == [1]


def test_delete_without_yes_and_no_terminal_sends_nothing(az, rp):
    result = az('openshift', 'delete', '-g', 'rg', '-n', 'cluster')

    assert result.exit_code != 0
    assert '--yes' in result.err
    assert rp.requests == []


def test_wait_deleted_returns_once_the_cluster_is_gone(az, rp):
    rp.expect('GET', CLUSTER, 404, {'error': {'code': 'ResourceNotFound', 'message': 'gone'}})

    result = az('openshift', 'wait', '-g', 'rg', '-n', 'cluster', '--deleted')

    assert result.exit_code == 0, result.err


def test_list_credentials(az, rp):
    rp.expect('POST', CLUSTER + '/listCredentials', 200, {'kubeadminUsername': 'kubeadmin', 'kubeadminPassword': 'pw'})

    result = az('openshift', 'list-credentials', '-g', 'rg', '-n', 'cluster')

    assert result.exit_code == 0, result.err
    assert result.json() == {'kubeadminUsername': 'kubeadmin', 'kubeadminPassword': 'pw'}


def test_get_admin_kubeconfig_writes_a_new_private_file(az, rp, tmp_path):
    path = tmp_path / 'kubeconfig'
    rp.expect('POST', CLUSTER + '/listAdminCredentials', 200, {'kubeconfig': 'YXBpVmVyc2lvbjogdjEK'})
    rp.expect('POST', CLUSTER + '/listAdminCredentials', 200, {'kubeconfig': 'b3RoZXIK'})

    first = az('openshift', 'get-admin-kubeconfig', '-g', 'rg', '-n', 'cluster', '-f', str(path))
    second = az('openshift', 'get-admin-kubeconfig', '-g', 'rg', '-n', 'cluster', '-f', str(path))

    assert (first.exit_code, first.out) == (0, ''), first.err
    assert path.read_text() == 'apiVersion: v1\n'
    assert path.stat().st_mode & 0o777 == 0o600
    assert second.exit_code != 0 and 'already exists' in second.err
    assert path.read_text() == 'apiVersion: v1\n', 'an existing file is never replaced'


def test_validate_sends_nothing(az, rp):
    good = az('openshift', 'validate', '-g', 'rg', '-n', 'cluster', '-l', 'eastus', '--pull-secret', '{"auths":{}}')
    bad = az('openshift', 'validate', '-g', 'rg', '-n', 'cluster', '-l', 'eastus', '--pull-secret', '{"auths":{}}',
             '--worker-count', '2')

    assert good.exit_code == 0, good.err
    assert bad.exit_code != 0
    assert ('(InvalidParameter) The provided worker count 2 is invalid: it must be between 3 and 50.\n'
            'Code: InvalidParameter\n') in bad.err
    assert 'Target: properties.workerProfiles[0].count' in bad.err
    assert rp.requests == []


def test_without_development_mode_and_login_asks_for_az_login(az, rp, monkeypatch):
    monkeypatch.delenv('RP_MODE')

    result = az('openshift', 'show', '-g', 'rg', '-n', 'cluster', '--subscription', SUBSCRIPTION)

    assert result.exit_code != 0
    assert 'az login' in result.err
    assert rp.requests == []


class CliCredential:  # pylint: disable=too-few-public-methods
    """Stands for the credential of an `az login`."""

    def __init__(self):
        self.scopes = []

    def get_token(self, *scopes, **kwargs):  # pylint: disable=unused-argument
        self.scopes.append(scopes)
        return AccessToken('cli-token', int(time.time()) + 3600)


def test_without_development_mode_sends_the_cli_token_to_resource_manager(az, rp, monkeypatch):
    credential = CliCredential()
    monkeypatch.delenv('RP_MODE')
    monkeypatch.setattr(Profile, 'get_login_credentials',
                        lambda self, **kwargs: (credential, kwargs.get('subscription_id'), 'tenant'))
    rp.expect('GET', CLUSTER, 200, cluster())

    result = az('openshift', 'show', '-g', 'rg', '-n', 'cluster', '--subscription', SUBSCRIPTION)

    assert result.exit_code == 0, result.err
    assert rp.requests[0].url == RESOURCE_MANAGER + CLUSTER + '?api-version=2020-04-30'
    assert rp.requests[0].headers['Authorization'] == 'Bearer cli-token'
    assert credential.scopes == [('https://management.core.windows.net//.default',)]
