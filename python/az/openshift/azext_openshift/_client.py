"""A client for RedHat.OpenShift/OpenShiftClusters, api-version 2020-04-30, on azure-mgmt-core.

Shaped like a generated management SDK client, so that the Azure CLI's client factory can build it
with the CLI's credential, user agent, headers and logging; long-running operations are azure-core
LROPollers driven by ARM polling (Azure-AsyncOperation, Location, Retry-After).
"""

from urllib.parse import quote

from azure.core.configuration import Configuration
from azure.core.exceptions import ClientAuthenticationError, HttpResponseError, ResourceNotFoundError, map_error
from azure.core.paging import ItemPaged
from azure.core.pipeline import policies
from azure.core.polling import LROPoller, NoPolling
from azure.core.rest import HttpRequest
from azure.mgmt.core import ARMPipelineClient
from azure.mgmt.core.exceptions import ARMErrorFormat
from azure.mgmt.core.policies import ARMChallengeAuthenticationPolicy, ARMHttpLoggingPolicy
from azure.mgmt.core.polling.arm_polling import ARMPolling

API_VERSION = '2020-04-30'
PROVIDER = 'RedHat.OpenShift'
RESOURCE_TYPE = 'OpenShiftClusters'

_PUBLIC_CLOUD_SCOPE = 'https://management.azure.com/.default'
_ERROR_MAP = {401: ClientAuthenticationError, 404: ResourceNotFoundError}


class OpenShiftClustersClient:
    """The cluster operations of the RP.

    :param credential: a TokenCredential, or None where the endpoint takes no token (a local RP).
    :param subscription_id: the subscription every call is in.
    :param base_url: the Resource Manager endpoint (or the RP itself).
    :keyword authentication_policy: what authenticates requests; by default a bearer token from
        `credential` for `credential_scopes`.
    Other keywords configure azure-core's pipeline (transport, connection_verify, user_agent,
    headers, logging_policy, polling_interval, ...), as a generated client's do.
    """

    def __init__(self, credential, subscription_id, base_url, **kwargs):
        self.subscription_id = subscription_id
        self._polling_interval = kwargs.get('polling_interval', 30)
        self._client = ARMPipelineClient(base_url=base_url, config=_configuration(credential, **kwargs), **kwargs)

    def get(self, resource_group_name, resource_name):
        response = self._send('GET', self._cluster_path(resource_group_name, resource_name), (200,))
        return response.http_response.json()

    def list(self):
        return self._list('/subscriptions/{}/providers/{}/{}'.format(
            quote(self.subscription_id, safe=''), PROVIDER, RESOURCE_TYPE))

    def list_by_resource_group(self, resource_group_name):
        return self._list(self._group_path(resource_group_name))

    def begin_create_or_update(self, resource_group_name, resource_name, parameters, polling=True):
        initial = self._send('PUT', self._cluster_path(resource_group_name, resource_name), (200, 201), json=parameters)
        return self._poller(initial, polling)

    def begin_update(self, resource_group_name, resource_name, parameters, if_match=None, polling=True):
        headers = {'If-Match': if_match} if if_match else None
        initial = self._send('PATCH', self._cluster_path(resource_group_name, resource_name), (200, 202),
                             json=parameters, headers=headers)
        return self._poller(initial, polling)

    def begin_delete(self, resource_group_name, resource_name, polling=True):
        initial = self._send('DELETE', self._cluster_path(resource_group_name, resource_name), (200, 202, 204))
        # A delete has no result: not the last status polled.
        return self._poller(initial, polling, deserialize=lambda _: None)

    def list_credentials(self, resource_group_name, resource_name):
        path = self._cluster_path(resource_group_name, resource_name) + '/listCredentials'
        return self._send('POST', path, (200,)).http_response.json()

    def list_admin_credentials(self, resource_group_name, resource_name):
        path = self._cluster_path(resource_group_name, resource_name) + '/listAdminCredentials'
        return self._send('POST', path, (200,)).http_response.json()

    def _group_path(self, resource_group_name):
        return '/subscriptions/{}/resourceGroups/{}/providers/{}/{}'.format(
            quote(self.subscription_id, safe=''), quote(resource_group_name, safe=''), PROVIDER, RESOURCE_TYPE)

    def _cluster_path(self, resource_group_name, resource_name):
        return '{}/{}'.format(self._group_path(resource_group_name), quote(resource_name, safe=''))

    def _send(self, method, path, expected, json=None, headers=None, url=None):
        request = HttpRequest(method, url or self._client.format_url(path), headers=headers, json=json,
                              params=None if url else {'api-version': API_VERSION})
        pipeline_response = self._client.send_request(request, _return_pipeline_response=True)
        response = pipeline_response.http_response
        if response.status_code not in expected:
            map_error(status_code=response.status_code, response=response, error_map=_ERROR_MAP)
            raise HttpResponseError(response=response, error_format=ARMErrorFormat)
        return pipeline_response

    def _list(self, path):
        def get_next(next_link=None):
            # nextLink is absolute and carries its own api-version and $skipToken.
            return self._send('GET', path, (200,), url=next_link)

        def extract_data(pipeline_response):
            page = pipeline_response.http_response.json()
            return page.get('nextLink') or None, iter(page.get('value', []))

        return ItemPaged(get_next, extract_data)

    def _poller(self, initial, polling, deserialize=None):
        method = ARMPolling(self._polling_interval) if polling else NoPolling()
        return LROPoller(self._client, initial, deserialize or _deserialize, method)


def _deserialize(pipeline_response):
    response = pipeline_response.http_response
    return response.json() if response.content else None


def _configuration(credential, **kwargs):
    config = Configuration(**kwargs)
    config.headers_policy = policies.HeadersPolicy(**kwargs)
    config.user_agent_policy = policies.UserAgentPolicy(sdk_moniker='az-openshift', **kwargs)
    config.proxy_policy = policies.ProxyPolicy(**kwargs)
    config.logging_policy = kwargs.get('logging_policy') or policies.NetworkTraceLoggingPolicy(**kwargs)
    config.http_logging_policy = kwargs.get('http_logging_policy') or ARMHttpLoggingPolicy(**kwargs)
    config.retry_policy = policies.RetryPolicy(**kwargs)
    config.custom_hook_policy = policies.CustomHookPolicy(**kwargs)
    config.redirect_policy = policies.RedirectPolicy(**kwargs)
    config.authentication_policy = kwargs.get('authentication_policy')
    if config.authentication_policy is None and credential is not None:
        scopes = kwargs.get('credential_scopes') or [_PUBLIC_CLOUD_SCOPE]
        config.authentication_policy = ARMChallengeAuthenticationPolicy(credential, *scopes)
    return config
