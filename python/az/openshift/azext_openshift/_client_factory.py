from azure.cli.core.commands.client_factory import get_mgmt_service_client, get_subscription_id, prepare_client_kwargs_track2

from azext_openshift._client import OpenShiftClustersClient
from azext_openshift._environment import development_endpoint, development_subscription, is_development


def cf_openshift(cli_ctx, *_):
    """The cluster client: through Resource Manager with the CLI's login, or straight to a local RP."""
    if not is_development():
        return get_mgmt_service_client(cli_ctx, OpenShiftClustersClient)

    base_url, verify = development_endpoint()
    # The CLI's user agent, headers and logging, without its credential: a local RP takes no token.
    kwargs = prepare_client_kwargs_track2(cli_ctx)
    kwargs['connection_verify'] = verify
    return OpenShiftClustersClient(None, development_subscription(cli_ctx), base_url, **kwargs)


def subscription_of(cli_ctx):
    """The subscription a command acts in, read locally (no request)."""
    return development_subscription(cli_ctx) if is_development() else get_subscription_id(cli_ctx)
