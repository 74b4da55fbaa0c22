import pytest
from azure.cli.core.azclierror import FileOperationError, InvalidArgumentValueError, RequiredArgumentMissingError

from azext_openshift._environment import development_endpoint, development_subscription, is_development


class FakeCli:  # pylint: disable=too-few-public-methods
    def __init__(self, subscription_id=None):
        self.data = {'subscription_id': subscription_id} if subscription_id else {}


@pytest.mark.parametrize('value,expected', [('development', True), ('Development', True), ('', False),
                                            ('production', False)])
def test_is_development(value, expected):
    assert is_development({'RP_MODE': value}) is expected


def test_development_endpoint_default_is_the_local_rp_verified_against_data_tls_pem(tmp_path, monkeypatch):
    (tmp_path / 'data').mkdir()
    (tmp_path / 'data' / 'tls.pem').write_text('certificate')
    monkeypatch.chdir(tmp_path)

    assert development_endpoint({}) == ('https://localhost:8443/', str(tmp_path / 'data' / 'tls.pem'))


def test_development_endpoint_certificate_path_overridable(tmp_path):
    certificate = tmp_path / 'rp.pem'
    certificate.write_text('certificate')

    assert development_endpoint({'RP_URL': 'https://127.0.0.1:9443/', 'RP_CA_BUNDLE': str(certificate)}) == \
        ('https://127.0.0.1:9443/', str(certificate))


def test_development_endpoint_without_its_certificate_is_refused_not_unverified(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    with pytest.raises(FileOperationError, match='data/tls.pem'):
        development_endpoint({})


def test_development_endpoint_http_needs_no_certificate(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    assert development_endpoint({'RP_URL': 'http://localhost:8080/'}) == ('http://localhost:8080/', True)


@pytest.mark.parametrize('url', ['localhost:8443', 'ftp://localhost/', 'https://'])
def test_development_endpoint_not_an_http_url_is_refused(url):
    with pytest.raises(InvalidArgumentValueError):
        development_endpoint({'RP_URL': url})


@pytest.mark.parametrize('case,given,environ,expected', [
    ('--subscription wins', 'from-flag', {'AZURE_SUBSCRIPTION_ID': 'from-env'}, 'from-flag'),
    ('else the environment', None, {'AZURE_SUBSCRIPTION_ID': 'from-env'}, 'from-env'),
])
def test_development_subscription(case, given, environ, expected):
    assert development_subscription(FakeCli(given), environ) == expected, case


def test_development_subscription_missing_says_where_to_give_it():
    with pytest.raises(RequiredArgumentMissingError, match='AZURE_SUBSCRIPTION_ID'):
        development_subscription(FakeCli(), {})
