"""The Azure CLI in process, with this extension installed from source, against a scripted RP.

The CLI reads its extension and configuration directories when it is first imported, so they are
set here, before any test module imports it: a throwaway configuration (nothing of the user's is
read or written) and an extension directory holding this source as the installed `openshift`.
"""

import atexit
import io
import json
import logging
import os
import shutil
import sys
import tempfile
from urllib.parse import urlparse

import pytest
import requests
import urllib3
from requests.structures import CaseInsensitiveDict

EXTENSION_SOURCE = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
REPOSITORY_ROOT = os.path.abspath(os.path.join(EXTENSION_SOURCE, '..', '..', '..'))
sys.path.insert(0, EXTENSION_SOURCE)

_STATE = tempfile.mkdtemp(prefix='az-openshift-unit-')
atexit.register(shutil.rmtree, _STATE, True)
os.environ['AZURE_CONFIG_DIR'] = os.path.join(_STATE, 'config')
os.environ['AZURE_EXTENSION_DIR'] = os.path.join(_STATE, 'cliextensions')
os.environ['AZURE_CORE_COLLECT_TELEMETRY'] = 'false'
os.environ['AZURE_CORE_ERROR_RECOMMENDATION'] = 'off'
os.environ['AZURE_EXTENSION_USE_DYNAMIC_INSTALL'] = 'no'
os.environ['AZURE_CORE_NO_COLOR'] = 'true'
_INSTALLED = os.path.join(os.environ['AZURE_EXTENSION_DIR'], 'openshift')
os.makedirs(os.path.join(_INSTALLED, 'openshift-0.1.0.dist-info'))
with open(os.path.join(_INSTALLED, 'openshift-0.1.0.dist-info', 'METADATA'), 'w', encoding='utf-8') as metadata:
    metadata.write('Metadata-Version: 2.1\nName: openshift\nVersion: 0.1.0\n')
os.symlink(os.path.join(EXTENSION_SOURCE, 'azext_openshift'), os.path.join(_INSTALLED, 'azext_openshift'))

# pylint: disable=wrong-import-position
from azure.core.pipeline.transport import RequestsTransport  # noqa: E402

from azext_openshift import _client_factory  # noqa: E402
from azext_openshift._client import OpenShiftClustersClient  # noqa: E402

SUBSCRIPTION = '11111111-2222-3333-4444-555555555555'
RP = 'http://rp.test'
RESOURCE_MANAGER = 'https://management.azure.com'
CLUSTERS = '/subscriptions/{}/resourceGroups/rg/providers/RedHat.OpenShift/OpenShiftClusters'.format(SUBSCRIPTION)
CLUSTER = CLUSTERS + '/cluster'
STATUS = '/subscriptions/{}/providers/RedHat.OpenShift/locations/eastus/operationsStatus/op'.format(SUBSCRIPTION)
RESULT = '/subscriptions/{}/providers/RedHat.OpenShift/locations/eastus/operationResults/op'.format(SUBSCRIPTION)


def cluster(state='Succeeded', **properties):
    """A cluster as the RP shows it."""
    body = {
        'id': CLUSTER, 'name': 'cluster', 'type': 'RedHat.OpenShift/OpenShiftClusters', 'location': 'eastus',
        'etag': '"etag-1"',
        'properties': dict({
            'provisioningState': state,
            'apiserverProfile': {'visibility': 'Public', 'url': 'https://api.example:6443/'},
            'workerProfiles': [{'name': 'worker', 'vmSize': 'Standard_D2s_v3', 'diskSizeGB': 128, 'count': 3}],
        }, **properties),
    }
    return body


def operation(status, error=None):
    body = {'id': STATUS, 'name': 'op', 'status': status, 'startTime': '2026-11-30T00:00:00Z'}
    if error:
        body['error'] = error
    return body


class Exchange:
    """One request the scripted RP expects, and its answer."""

    def __init__(self, method, path, status, body=None, headers=None):
        self.method = method
        self.path = path
        self.status = status
        self.body = body
        self.headers = headers or {}


class ScriptedRp(requests.adapters.BaseAdapter):
    """Answers requests in the order a script gives; records them, and fails on any other."""

    def __init__(self):
        super().__init__()
        self.script = []
        self.requests = []

    def expect(self, method, path, status, body=None, headers=None):
        self.script.append(Exchange(method, path, status, body, headers))
        return self

    def send(self, request, **kwargs):  # pylint: disable=arguments-differ,unused-argument
        self.requests.append(request)
        if not self.script:
            raise AssertionError('unexpected request {} {}'.format(request.method, request.url))
        exchange = self.script.pop(0)
        path = urlparse(request.url).path
        assert (request.method, path) == (exchange.method, exchange.path), \
            'expected {} {}, got {} {}'.format(exchange.method, exchange.path, request.method, request.url)
        content = b'' if exchange.body is None else json.dumps(exchange.body).encode()
        headers = dict(exchange.headers, **({'Content-Type': 'application/json'} if content else {}))
        response = requests.Response()
        response.status_code = exchange.status
        response.headers = CaseInsensitiveDict(headers)
        response.raw = urllib3.HTTPResponse(body=io.BytesIO(content), headers=headers, status=exchange.status,
                                            preload_content=False)
        response.url = request.url
        response.request = request
        response.reason = 'scripted'
        return response

    def close(self):
        pass

    def body(self, index):
        return json.loads(self.requests[index].body)


class RecordingTransport(RequestsTransport):
    """azure-core's requests transport over the scripted RP; records the pollers' sleeps instead of sleeping."""

    def __init__(self, adapter):
        session = requests.Session()
        session.mount(RP, adapter)
        session.mount(RESOURCE_MANAGER, adapter)
        super().__init__(session=session, session_owner=False)
        self.sleeps = []

    def sleep(self, duration):
        self.sleeps.append(duration)


class Result:
    def __init__(self, exit_code, out, err):
        self.exit_code = exit_code
        self.out = out
        self.err = err

    def json(self):
        return json.loads(self.out)


@pytest.fixture(name='rp')
def rp_fixture(monkeypatch):
    """The scripted RP, reached in development mode over http (no login, no certificate)."""
    adapter = ScriptedRp()
    adapter.transport = RecordingTransport(adapter)
    monkeypatch.setenv('RP_MODE', 'development')
    monkeypatch.setenv('RP_URL', RP + '/')
    monkeypatch.setenv('AZURE_SUBSCRIPTION_ID', SUBSCRIPTION)

    class ScriptedClient(OpenShiftClustersClient):
        """The client the CLI builds, over the scripted RP."""

        def __init__(self, credential, subscription_id, base_url, **kwargs):
            super().__init__(credential, subscription_id, base_url, transport=adapter.transport, **kwargs)

    monkeypatch.setattr(_client_factory, 'OpenShiftClustersClient', ScriptedClient)
    yield adapter
    assert not adapter.script, 'requests the RP expected but did not get: {}'.format(
        [(e.method, e.path) for e in adapter.script])


@pytest.fixture(name='az')
def az_fixture(caplog):
    """Runs `az ARGS...` in process; returns its exit code, its output and what it logged as warnings and errors."""
    from azure.cli.core.mock import DummyCli

    def run(*args):
        out = io.StringIO()
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            try:
                exit_code = DummyCli().invoke(list(args), out_file=out)
            except SystemExit as e:
                # As `az` does: some failures (a show of a missing resource) end in sys.exit.
                exit_code = e.code
        return Result(exit_code, out.getvalue(), '\n'.join(r.getMessage() for r in caplog.records))

    return run
