"""The real Azure CLI, with the extension's wheel installed, against the real rp binary over https.

Everything lives in temporary directories (CLI configuration, extensions, the RP's data) and talks
over loopback only: hack/test-az-extension.sh runs this in a network namespace of its own.
"""

import base64
import os
import shutil
import socket
import subprocess
import tempfile
import time

import pytest
import requests

REPOSITORY_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', '..'))
SUBSCRIPTION = '11111111-2222-3333-4444-555555555555'
PULL_SECRET = '{"auths":{"registry.example.com":{"auth":"' + base64.b64encode(b'user:password').decode() + '"}}}'


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Rp:
    """`rp` (every role, embedded stores) serving https on a free loopback port."""

    def __init__(self, data_dir):
        self.data_dir = data_dir
        self.port = free_port()
        self.url = 'https://127.0.0.1:{}/'.format(self.port)
        self.certificate = os.path.join(data_dir, 'tls.pem')
        self.log_path = os.path.join(data_dir, 'rp.log')
        binary = os.environ.get('RP_DLL') or os.path.join(REPOSITORY_ROOT, 'cmd', 'rp', 'bin', 'Release', 'net10.0', 'rp.dll')
        if not os.path.isfile(binary):
            raise RuntimeError('{} is missing: build it first (dotnet build Rp.sln -c Release)'.format(binary))
        environ = {k: v for k, v in os.environ.items() if not k.startswith(('Frontend__', 'Installer__', 'Rp__'))}
        # Development mode's defaults, as `dotnet run --project cmd/rp` has them: Retry-After 1 s,
        # installer phases of no duration. Only where it listens differs.
        environ.update({'DOTNET_ENVIRONMENT': 'Development', 'Frontend__HttpsPort': '0'})
        environ.pop('ASPNETCORE_URLS', None)
        with open(self.log_path, 'wb') as log:
            self.process = subprocess.Popen(  # pylint: disable=consider-using-with
                ['dotnet', binary, '--data-dir', data_dir, '--urls', self.url.rstrip('/')],
                stdout=log, stderr=subprocess.STDOUT, env=environ)

    def wait_until_serving(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError('rp exited with {}:\n{}'.format(self.process.returncode, self.log()))
            if os.path.isfile(self.certificate):
                try:
                    requests.get(self.url + 'providers/RedHat.OpenShift/operations?api-version=2020-04-30',
                                 verify=self.certificate, timeout=5).raise_for_status()
                    return
                except requests.RequestException:
                    pass
            time.sleep(0.2)
        raise RuntimeError('rp did not serve {} within {} s:\n{}'.format(self.url, timeout, self.log()))

    def log(self):
        with open(self.log_path, encoding='utf-8', errors='replace') as f:
            return f.read()[-4000:]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Az:
    """Runs `az`, as a user would, with a throwaway configuration and the extension installed."""

    def __init__(self, state_dir, rp):
        self.environ = {k: v for k, v in os.environ.items() if not k.startswith(('AZURE_', 'RP_'))}
        self.environ.update({
            'AZURE_CONFIG_DIR': os.path.join(state_dir, 'azure'),
            'AZURE_EXTENSION_DIR': os.path.join(state_dir, 'cliextensions'),
            'AZURE_CORE_COLLECT_TELEMETRY': 'false',
            'AZURE_CORE_ERROR_RECOMMENDATION': 'off',
            'AZURE_EXTENSION_USE_DYNAMIC_INSTALL': 'no',
            'AZURE_CORE_NO_COLOR': 'true',
            # `az extension add` runs pip: never an index, never pip's own version check.
            'PIP_NO_INDEX': '1',
            'PIP_DISABLE_PIP_VERSION_CHECK': '1',
            'RP_MODE': 'development',
            'RP_URL': rp.url,
            'RP_CA_BUNDLE': rp.certificate,
            'AZURE_SUBSCRIPTION_ID': SUBSCRIPTION,
        })

    def __call__(self, *args, cwd=None):
        started = time.monotonic()
        result = subprocess.run(['az'] + list(args), capture_output=True, text=True, env=self.environ, cwd=cwd,
                                stdin=subprocess.DEVNULL, timeout=300, check=False)
        result.seconds = time.monotonic() - started
        print('az {} -> {} in {:.2f} s\n{}{}'.format(' '.join(args), result.returncode, result.seconds, result.stdout,
                                                   result.stderr))
        return result


def wheel():
    given = os.environ.get('AZ_OPENSHIFT_WHEEL')
    if given:
        return given
    built = subprocess.run([os.path.join(REPOSITORY_ROOT, 'hack', 'build-az-extension.sh')], capture_output=True,
                           text=True, check=True)
    return built.stdout.strip().splitlines()[-1]


@pytest.fixture(scope='session', name='rp')
def rp_fixture():
    data_dir = tempfile.mkdtemp(prefix='az-openshift-e2e-rp-')
    rp = Rp(data_dir)
    try:
        rp.wait_until_serving(120)
        yield rp
    finally:
        rp.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope='session', name='az')
def az_fixture(rp):
    state_dir = tempfile.mkdtemp(prefix='az-openshift-e2e-az-')
    try:
        az = Az(state_dir, rp)
        added = az('extension', 'add', '--source', wheel(), '-y')
        assert added.returncode == 0, added.stderr
        yield az
    finally:
        shutil.rmtree(state_dir, ignore_errors=True)


@pytest.fixture(name='pull_secret')
def pull_secret_fixture(tmp_path):
    path = tmp_path / 'pull-secret.json'
    path.write_text(PULL_SECRET)
    return '@' + str(path)
