"""Where the extension sends its requests: Resource Manager, or in development mode the local RP."""

import os
from urllib.parse import urlparse

from azure.cli.core.azclierror import FileOperationError, InvalidArgumentValueError, RequiredArgumentMissingError

RP_MODE = 'RP_MODE'
RP_URL = 'RP_URL'
RP_CA_BUNDLE = 'RP_CA_BUNDLE'
SUBSCRIPTION = 'AZURE_SUBSCRIPTION_ID'

DEFAULT_RP_URL = 'https://localhost:8443/'
# Where `dotnet run --project cmd/rp` keeps the certificate it generates, from the repository root.
DEFAULT_CA_BUNDLE = os.path.join('data', 'tls.pem')


def is_development(environ=None):
    """RP_MODE=development: talk to a local RP, without `az login`."""
    return (environ if environ is not None else os.environ).get(RP_MODE, '').lower() == 'development'


def development_endpoint(environ=None):
    """The local RP's base URL and what verifies its certificate: (url, connection_verify).

    https is verified against the RP's development certificate (RP_CA_BUNDLE, by default
    data/tls.pem): never switched off. http is allowed, since the RP serves it on loopback.
    """
    environ = environ if environ is not None else os.environ
    url = environ.get(RP_URL) or DEFAULT_RP_URL
    parsed = urlparse(url)
    if parsed.scheme not in ('http', 'https') or not parsed.hostname:
        raise InvalidArgumentValueError(
            "{}='{}' is not an http or https URL, such as {}.".format(RP_URL, url, DEFAULT_RP_URL))
    if parsed.scheme == 'http':
        return url, True
    ca_bundle = environ.get(RP_CA_BUNDLE) or DEFAULT_CA_BUNDLE
    if not os.path.isfile(ca_bundle):
        raise FileOperationError(
            "The RP's development certificate '{}' was not found: run az in the directory the RP runs in "
            "(it writes data/tls.pem there), or set {} to the certificate's path.".format(ca_bundle, RP_CA_BUNDLE))
    return url, os.path.abspath(ca_bundle)


def development_subscription(cli_ctx, environ=None):
    """The subscription of a development-mode command: --subscription, else AZURE_SUBSCRIPTION_ID."""
    environ = environ if environ is not None else os.environ
    subscription_id = cli_ctx.data.get('subscription_id') or environ.get(SUBSCRIPTION)
    if not subscription_id:
        raise RequiredArgumentMissingError(
            'In development mode ({}=development) there is no login to take the subscription from: '
            'give --subscription or set {}.'.format(RP_MODE, SUBSCRIPTION))
    return subscription_id
