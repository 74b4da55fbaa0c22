"""Every `az openshift` command, run by the real Azure CLI against the real RP."""

import base64
import json
import os
import stat

import pytest
import yaml
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from conftest import PULL_SECRET, SUBSCRIPTION

GROUP = 'e2e'
LOCATION = 'eastus'


@pytest.fixture(scope='module', name='created')
def created_fixture(az, tmp_path_factory):
    """A cluster created by `az openshift create`, waiting for it: (the command's result, the cluster's name)."""
    path = tmp_path_factory.mktemp('create') / 'pull-secret.json'
    path.write_text(PULL_SECRET)
    result = az('openshift', 'create', '-g', GROUP, '-n', 'created', '-l', LOCATION, '--pull-secret', '@' + str(path),
                '--tags', 'env=e2e', '--query', 'properties.provisioningState', '-o', 'tsv')
    return result, 'created'


def show(az, name, group=GROUP):
    result = az('openshift', 'show', '-g', group, '-n', name)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_create_waits_and_prints_succeeded(created):
    result, _ = created

    assert result.returncode == 0, result.stderr
    assert result.stdout == 'Succeeded\n'


def test_list_and_show_as_tables_and_json(az, created):
    _, name = created
    url = show(az, name)['properties']['apiserverProfile']['url']

    list_table = az('openshift', 'list', '-o', 'table')
    group_json = az('openshift', 'list', '-g', GROUP, '-o', 'json')
    show_table = az('openshift', 'show', '-g', GROUP, '-n', name, '-o', 'table')
    show_json = az('openshift', 'show', '-g', GROUP, '-n', name, '-o', 'json')

    assert url.startswith('https://api.')
    assert list_table.stdout.splitlines()[0].split() == ['Name', 'ResourceGroup', 'Location', 'ProvisioningState',
                                                         'ApiServerUrl']
    assert [name, GROUP, LOCATION, 'Succeeded', url] in [line.split() for line in list_table.stdout.splitlines()]
    assert name in [c['name'] for c in json.loads(group_json.stdout)]
    assert show_table.stdout.splitlines()[2].split() == [name, GROUP, LOCATION, 'Succeeded', url]
    cluster = json.loads(show_json.stdout)
    assert (cluster['name'], cluster['location'], cluster['tags']) == (name, LOCATION, {'env': 'e2e'})
    assert 'pullSecret' not in json.dumps(cluster), 'a secret is never shown'


def test_list_credentials(az, created):
    _, name = created

    result = az('openshift', 'list-credentials', '-g', GROUP, '-n', name)

    assert result.returncode == 0, result.stderr
    credentials = json.loads(result.stdout)
    assert credentials['kubeadminUsername'] == 'kubeadmin'
    assert len(credentials['kubeadminPassword']) >= 20


def test_get_admin_kubeconfig_writes_a_private_kubeconfig_whose_client_chains_to_its_ca(az, created, tmp_path):
    _, name = created

    result = az('openshift', 'get-admin-kubeconfig', '-g', GROUP, '-n', name, cwd=str(tmp_path))

    assert result.returncode == 0, result.stderr
    path = tmp_path / 'kubeconfig'
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    kubeconfig = yaml.safe_load(path.read_text())
    ca = x509.load_pem_x509_certificate(base64.b64decode(kubeconfig['clusters'][0]['cluster']['certificate-authority-data']))
    user = kubeconfig['users'][0]['user']
    client = x509.load_pem_x509_certificate(base64.b64decode(user['client-certificate-data']))
    key = serialization.load_pem_private_key(base64.b64decode(user['client-key-data']), password=None)
    assert client.issuer == ca.subject
    verify_signed_by(client, ca.public_key())
    assert public_bytes(key.public_key()) == public_bytes(client.public_key()), 'the key is the certificate\'s'
    assert kubeconfig['clusters'][0]['cluster']['server'] == show(az, name)['properties']['apiserverProfile']['url']


def verify_signed_by(certificate, public_key):
    """Raises unless `public_key` signed `certificate` (cryptography 38 has no verify_directly_issued_by)."""
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        public_key.verify(certificate.signature, certificate.tbs_certificate_bytes,
                          ec.ECDSA(certificate.signature_hash_algorithm))
    elif isinstance(public_key, rsa.RSAPublicKey):
        public_key.verify(certificate.signature, certificate.tbs_certificate_bytes, padding.PKCS1v15(),
                          certificate.signature_hash_algorithm)
    else:
        raise AssertionError('unexpected CA key type {}'.format(type(public_key).__name__))


def public_bytes(key):
    return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def test_update_tags_then_worker_count(az, created):
    _, name = created

    tags = az('openshift', 'update', '-g', GROUP, '-n', name, '--tags', 'env=prod', 'team=rp')
    workers = az('openshift', 'update', '-g', GROUP, '-n', name, '--worker-count', '4')

    assert tags.returncode == 0, tags.stderr
    assert json.loads(tags.stdout)['tags'] == {'env': 'prod', 'team': 'rp'}
    assert workers.returncode == 0, workers.stderr
    cluster = show(az, name)
    assert cluster['properties']['provisioningState'] == 'Succeeded'
    assert [w['count'] for w in cluster['properties']['workerProfiles']] == [4]
    assert cluster['tags'] == {'env': 'prod', 'team': 'rp'}


def test_create_with_a_bad_cidr_shows_the_rps_error_and_creates_nothing(az, pull_secret):
    result = az('openshift', 'create', '-g', GROUP, '-n', 'badcidr', '-l', LOCATION, '--pull-secret', pull_secret,
                '--pod-cidr', '10.128.0.0/33')

    assert result.returncode != 0
    assert ("(InvalidParameter) The provided CIDR '10.128.0.0/33' at 'properties.networkProfile.podCidr' is invalid: "
            'expected an IPv4 network such as 10.0.0.0/16, without host bits set.') in result.stderr
    assert 'Target: properties.networkProfile.podCidr' in result.stderr
    missing = az('openshift', 'show', '-g', GROUP, '-n', 'badcidr')
    assert missing.returncode == 3 and '(ResourceNotFound)' in missing.stderr
    assert 'badcidr' not in az('openshift', 'list').stdout


VNET = '/subscriptions/{}/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet'.format(SUBSCRIPTION)


@pytest.mark.parametrize('case,flags', [
    ('pod CIDR with host bits', ['--pod-cidr', '10.128.0.1/14']),
    ('service CIDR overlapping the pods\'', ['--service-cidr', '10.130.0.0/16']),
    ('master VM size for workers only', ['--master-vm-size', 'Standard_D2s_v3']),
    ('too many workers for the pod range', ['--pod-cidr', '10.128.0.0/18', '--worker-count', '30']),
    ('worker subnet without master subnet', ['--worker-subnet', VNET + '/subnets/worker']),
])
def test_validate_reports_what_the_rp_refuses(az, pull_secret, case, flags):
    common = ['-g', GROUP, '-n', 'refused', '-l', LOCATION, '--pull-secret', pull_secret] + flags

    validated = az('openshift', 'validate', *common)
    created = az('openshift', 'create', *common)

    assert validated.returncode != 0 and created.returncode != 0, case
    assert error_of(validated.stderr) == error_of(created.stderr), case


def error_of(stderr):
    """The CloudError lines the CLI shows: (Code) message, Code, Message, Target."""
    lines = [line[len('ERROR: '):] if line.startswith('ERROR: ') else line for line in stderr.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith('('))
    return lines[start:start + 4]


def test_validate_passes_what_the_rp_accepts_and_sends_nothing(az, pull_secret):
    result = az('openshift', 'validate', '-g', GROUP, '-n', 'valid', '-l', LOCATION, '--pull-secret', pull_secret,
                '--worker-count', '50', '--pod-cidr', '10.128.0.0/17')

    assert result.returncode == 0, result.stderr
    assert az('openshift', 'show', '-g', GROUP, '-n', 'valid').returncode == 3


def test_create_no_wait_then_wait_created(az, pull_secret):
    started = az('openshift', 'create', '-g', GROUP, '-n', 'nowait', '-l', LOCATION, '--pull-secret', pull_secret,
                 '--no-wait')
    waited = az('openshift', 'wait', '-g', GROUP, '-n', 'nowait', '--created', '--interval', '1', '--timeout', '60')

    assert (started.returncode, started.stdout) == (0, ''), started.stderr
    assert waited.returncode == 0, waited.stderr
    assert show(az, 'nowait')['properties']['provisioningState'] == 'Succeeded'


def test_delete_waits_until_gone_then_wait_deleted(az, pull_secret):
    create = az('openshift', 'create', '-g', GROUP, '-n', 'deleted', '-l', LOCATION, '--pull-secret', pull_secret)
    assert create.returncode == 0, create.stderr

    unconfirmed = az('openshift', 'delete', '-g', GROUP, '-n', 'deleted')
    deleted = az('openshift', 'delete', '-g', GROUP, '-n', 'deleted', '--yes')
    gone = az('openshift', 'show', '-g', GROUP, '-n', 'deleted')
    waited = az('openshift', 'wait', '-g', GROUP, '-n', 'deleted', '--deleted')

    assert unconfirmed.returncode != 0 and '--yes' in unconfirmed.stderr
    assert (deleted.returncode, deleted.stdout) == (0, ''), deleted.stderr
    assert gone.returncode == 3 and '(ResourceNotFound)' in gone.stderr, 'delete returned only once the cluster was gone'
    assert waited.returncode == 0, waited.stderr
