"""The request bodies the commands send (api-version 2020-04-30).

A create sends only what its flags give, and the RP fills in the rest with its defaults (which
only `validate` needs to know, to check a create as the RP will).
"""

from azure.cli.core.azclierror import InvalidArgumentValueError, RequiredArgumentMissingError

from azext_openshift import _rules

# The flags of create (and validate) that become properties, by their parameter names.
CREATE_FLAGS = (
    'location', 'tags', 'pull_secret', 'domain', 'version', 'cluster_resource_group', 'client_id', 'client_secret',
    'pod_cidr', 'service_cidr', 'master_vm_size', 'master_subnet', 'worker_vm_size', 'worker_subnet', 'worker_count',
    'worker_vm_disk_size_gb', 'apiserver_visibility', 'ingress_visibility',
)


def create_body(subscription_id, flags):
    """The PUT body for the create flags in `flags` (a mapping by parameter name; None: not given)."""
    unknown = set(flags) - set(CREATE_FLAGS)
    if unknown:
        raise ValueError('not create flags: {}'.format(', '.join(sorted(unknown))))
    get = flags.get
    properties = _pruned({
        'clusterProfile': {
            'pullSecret': get('pull_secret'),
            'domain': get('domain'),
            'version': get('version'),
            'resourceGroupId': resource_group_id(subscription_id, get('cluster_resource_group')),
        },
        'servicePrincipalProfile': {'clientId': get('client_id'), 'clientSecret': get('client_secret')},
        'networkProfile': {'podCidr': get('pod_cidr'), 'serviceCidr': get('service_cidr')},
        'masterProfile': {'vmSize': get('master_vm_size'), 'subnetId': get('master_subnet')},
        'apiserverProfile': {'visibility': get('apiserver_visibility')},
    })
    worker = _pruned({
        'vmSize': get('worker_vm_size'),
        'diskSizeGB': get('worker_vm_disk_size_gb'),
        'subnetId': get('worker_subnet'),
        'count': get('worker_count'),
    })
    if worker:
        properties['workerProfiles'] = [dict(name=_rules.WORKER_PROFILE_NAME, **worker)]
    if get('ingress_visibility') is not None:
        properties['ingressProfiles'] = [{'name': _rules.INGRESS_PROFILE_NAME, 'visibility': get('ingress_visibility')}]
    return _pruned({'location': get('location'), 'tags': get('tags'), 'properties': properties})


def update_body(current, tags=None, client_secret=None, worker_count=None):
    """The PATCH body (JSON merge patch; tags replace the set) and the If-Match it needs, if any.

    `current` is the cluster as read (needed only for a worker count): a merge patch replaces an
    array whole, so the worker profile is sent complete, guarded by the etag it was read with.
    """
    if tags is None and client_secret is None and worker_count is None:
        raise RequiredArgumentMissingError('Nothing to update: give --tags, --client-secret or --worker-count.')
    body = {}
    if_match = None
    if tags is not None:
        body['tags'] = tags
    properties = {}
    if client_secret is not None:
        properties['servicePrincipalProfile'] = {'clientSecret': client_secret}
    if worker_count is not None:
        workers = (current.get('properties') or {}).get('workerProfiles') or []
        if len(workers) != 1:
            raise InvalidArgumentValueError(
                'The cluster has {} worker profiles ({}): --worker-count sets the count of a cluster with one.'.format(
                    len(workers), ', '.join(w.get('name', '?') for w in workers)))
        properties['workerProfiles'] = [dict(workers[0], count=worker_count)]
        if_match = current.get('etag')
    if properties:
        body['properties'] = properties
    return body, if_match


def resource_group_id(subscription_id, resource_group):
    """A resource group given by name or id, as an id in `subscription_id`."""
    if resource_group is None or resource_group.lower().startswith('/subscriptions/'):
        return resource_group
    return '/subscriptions/{}/resourceGroups/{}'.format(subscription_id, resource_group)


def _pruned(value):
    """`value` without the None values, and without the objects that are left empty."""
    if not isinstance(value, dict):
        return value
    pruned = {}
    for key, item in value.items():
        item = _pruned(item)
        if item is not None and item != {}:
            pruned[key] = item
    return pruned
