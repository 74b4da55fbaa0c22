"""The RP's static rules for a 2020-04-30 create, checked on the client before anything is sent.

A copy of what the RP checks (pkg/Api/V20200430/OpenShiftClusterStaticValidator.cs, pkg/Api/Validation
and pkg/Frontend/ResourceNames.cs), in the RP's order, with its codes, messages and targets: the
first rule a body breaks is reported exactly as the RP would report it. The RP stays the authority
(create sends the request unchecked); tests keep this copy in step with it.
"""

import ipaddress
import json
import re

POD_CIDR = '10.128.0.0/14'
SERVICE_CIDR = '172.30.0.0/16'
MASTER_VM_SIZE = 'Standard_D8s_v3'
WORKER_PROFILE_NAME = 'worker'
WORKER_VM_SIZE = 'Standard_D2s_v3'
WORKER_DISK_SIZE_GB = 128
WORKER_COUNT = 3
VISIBILITY = 'Public'
INGRESS_PROFILE_NAME = 'default'
VISIBILITIES = ('Public', 'Private')

MASTER_VM_SIZES = (
    'Standard_D8s_v3', 'Standard_D16s_v3', 'Standard_D32s_v3',
    'Standard_E8s_v3', 'Standard_E16s_v3', 'Standard_E32s_v3',
)
WORKER_VM_SIZES = (
    'Standard_D2s_v3', 'Standard_D4s_v3', 'Standard_D8s_v3', 'Standard_D16s_v3', 'Standard_D32s_v3',
    'Standard_E4s_v3', 'Standard_E8s_v3', 'Standard_E16s_v3', 'Standard_E32s_v3',
)

MIN_WORKER_COUNT = 3
MAX_WORKER_COUNT = 50
MIN_DISK_SIZE_GB = 128
MAX_DISK_SIZE_GB = 2048
MASTER_COUNT = 3
MAX_PROFILES = 10
MAX_TAGS = 50
MAX_TAG_KEY_LENGTH = 512
MAX_TAG_VALUE_LENGTH = 256
MAX_DOMAIN_LENGTH = 253
NODE_PREFIX_LENGTH = 23
POD_PREFIX = (8, 18)
SERVICE_PREFIX = (8, 22)

_RESERVED = (
    ('0.0.0.0/8', "the 'this network' range"),
    ('127.0.0.0/8', 'the loopback range'),
    ('169.254.0.0/16', 'the link-local range'),
    ('168.63.129.16/32', "Azure's platform address"),
    ('224.0.0.0/3', 'the multicast and reserved ranges'),
)
_FORBIDDEN_TAG_KEY_CHARACTERS = '<>%&\\?/'

_RESOURCE_GROUP = re.compile(r'^[-\w._()]+$')
_CLUSTER_NAME = re.compile(r'^[a-zA-Z0-9](?:[-_a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$')
_DNS_LABEL = re.compile(r'^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$')
_DOMAIN = re.compile(r'^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$')
_VERSION = re.compile(r'^[0-9]{1,4}\.[0-9]{1,4}\.[0-9]{1,4}$')
_SUBNET_ID = re.compile(
    r'^(?P<vnet>/subscriptions/(?P<subscription>[^/]+)/resourceGroups/[-\w._()]{0,89}[-\w_()]'
    r'/providers/Microsoft\.Network/virtualNetworks/[-\w.]{1,64})/subnets/[-\w.]{1,80}$', re.IGNORECASE)
_RESOURCE_GROUP_ID = re.compile(
    r'^/subscriptions/(?P<subscription>[^/]+)/resourceGroups/(?P<group>[-\w._()]{0,89}[-\w_()])$', re.IGNORECASE)
_GUID = re.compile(r'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')

_PROPERTIES = 'properties'
_CLUSTER_PROFILE = _PROPERTIES + '.clusterProfile'
_SERVICE_PRINCIPAL_PROFILE = _PROPERTIES + '.servicePrincipalProfile'
_NETWORK_PROFILE = _PROPERTIES + '.networkProfile'
_MASTER_PROFILE = _PROPERTIES + '.masterProfile'
_WORKER_PROFILES = _PROPERTIES + '.workerProfiles'
_APISERVER_PROFILE = _PROPERTIES + '.apiserverProfile'
_INGRESS_PROFILES = _PROPERTIES + '.ingressProfiles'


class RuleViolation(Exception):
    """A broken rule, as the RP's CloudError would carry it."""

    def __init__(self, code, message, target):
        super().__init__(message)
        self.code = code
        self.message = message
        self.target = target

    def __str__(self):
        # The layout azure-core gives an ARM error, so that both read alike.
        return '({}) {}\nCode: {}\nMessage: {}\nTarget: {}'.format(
            self.code, self.message, self.code, self.message, self.target)


def _invalid(target, message):
    return RuleViolation('InvalidParameter', message, target)


def _required(target):
    return _invalid(target, "The property '{}' is required.".format(target))


def validate_create(subscription_id, resource_group, name, body, location_given=True):
    """Raises RuleViolation for the first rule the create of `body` at these names breaks.

    `location_given` False: the body's location is left to the client to fill in, not checked.
    """
    _validate_names(resource_group, name)
    cluster = apply_defaults(body)
    _validate_envelope(cluster, location_given)
    properties = cluster['properties']
    _validate_cluster_profile(properties['clusterProfile'], subscription_id, resource_group)
    _validate_service_principal(properties['servicePrincipalProfile'])

    network = properties['networkProfile']
    pod_target = _NETWORK_PROFILE + '.podCidr'
    service_target = _NETWORK_PROFILE + '.serviceCidr'
    pod = _validate_cidr(network.get('podCidr'), pod_target, POD_PREFIX)
    service = _validate_cidr(network.get('serviceCidr'), service_target, SERVICE_PREFIX)
    _validate_disjoint([(pod, pod_target), (service, service_target)])

    _validate_vm_size(MASTER_VM_SIZES, properties['masterProfile'].get('vmSize'), _MASTER_PROFILE + '.vmSize', 'master')
    workers = properties['workerProfiles']
    _validate_profile_list(workers, _WORKER_PROFILES)
    for i, worker in enumerate(workers):
        prefix = '{}[{}]'.format(_WORKER_PROFILES, i)
        _validate_vm_size(WORKER_VM_SIZES, worker.get('vmSize'), prefix + '.vmSize', 'worker')
        _validate_disk_size(worker.get('diskSizeGB'), prefix + '.diskSizeGB')
        _validate_worker_count(worker.get('count'), prefix + '.count')

    _validate_room_for_nodes(pod, MASTER_COUNT + sum(w['count'] for w in workers), _WORKER_PROFILES)
    _validate_subnets(properties['masterProfile'], workers)

    _validate_visibility(properties['apiserverProfile'].get('visibility'), _APISERVER_PROFILE + '.visibility')
    ingresses = properties['ingressProfiles']
    _validate_profile_list(ingresses, _INGRESS_PROFILES)
    for i, ingress in enumerate(ingresses):
        _validate_visibility(ingress.get('visibility'), '{}[{}].visibility'.format(_INGRESS_PROFILES, i))


def apply_defaults(body):
    """A copy of a create body with what the RP fills in when the body omits it."""
    cluster = json.loads(json.dumps(body))
    properties = cluster.setdefault('properties', {})
    for profile in ('clusterProfile', 'consoleProfile', 'servicePrincipalProfile', 'apiserverProfile',
                    'networkProfile', 'masterProfile'):
        properties.setdefault(profile, {})
    properties['networkProfile'].setdefault('podCidr', POD_CIDR)
    properties['networkProfile'].setdefault('serviceCidr', SERVICE_CIDR)
    properties['masterProfile'].setdefault('vmSize', MASTER_VM_SIZE)
    properties['apiserverProfile'].setdefault('visibility', VISIBILITY)
    for worker in properties.setdefault('workerProfiles', [{'name': WORKER_PROFILE_NAME}]):
        worker.setdefault('vmSize', WORKER_VM_SIZE)
        worker.setdefault('diskSizeGB', WORKER_DISK_SIZE_GB)
        worker.setdefault('count', WORKER_COUNT)
    for ingress in properties.setdefault('ingressProfiles', [{'name': INGRESS_PROFILE_NAME}]):
        ingress.setdefault('visibility', VISIBILITY)
    return cluster


def _validate_names(resource_group, name):
    if len(resource_group) > 90 or resource_group.endswith('.') or not _RESOURCE_GROUP.match(resource_group):
        raise _invalid('resourceGroupName', "The resource group name '{}' is invalid: 1-90 letters, digits, '-', "
                       "'_', '.', '(' or ')', not ending with '.'.".format(resource_group))
    if not _CLUSTER_NAME.match(name):
        raise RuleViolation('InvalidResourceName', "The resource name '{}' is invalid: 1-63 letters, digits, '-' or "
                            "'_', starting and ending with a letter or digit.".format(name), 'name')


def _validate_envelope(cluster, location_given):
    if location_given and not (cluster.get('location') or '').strip():
        raise _required('location')
    _validate_tags(cluster.get('tags'))


def _validate_tags(tags):
    if tags is None:
        return
    if len(tags) > MAX_TAGS:
        raise _invalid('tags', 'A resource may have at most {} tags; {} were provided.'.format(MAX_TAGS, len(tags)))
    seen = set()
    for key, value in tags.items():
        if not key:
            raise _invalid('tags', 'A tag name must not be empty.')
        if len(key) > MAX_TAG_KEY_LENGTH:
            raise _invalid('tags', "The tag name '{}...' is longer than {} characters.".format(key[:32], MAX_TAG_KEY_LENGTH))
        if any(c in _FORBIDDEN_TAG_KEY_CHARACTERS or _is_control(c) for c in key):
            printable = ''.join('?' if _is_control(c) else c for c in key)
            raise _invalid('tags', "The tag name '{}' contains a character that is not allowed "
                           "(< > % & \\ ? / or a control character).".format(printable))
        if key.lower() in seen:
            raise _invalid('tags', "The tag name '{}' is given more than once (tag names are case-insensitive).".format(key))
        seen.add(key.lower())
        if value is None:
            raise _invalid('tags', "The value of the tag '{}' must be a string.".format(key))
        if len(value) > MAX_TAG_VALUE_LENGTH:
            raise _invalid('tags', "The value of the tag '{}' is longer than {} characters.".format(key, MAX_TAG_VALUE_LENGTH))


def _is_control(c):
    # .NET's char.IsControl: C0, DEL and C1.
    return ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f


def _validate_cluster_profile(profile, subscription_id, resource_group):
    pull_secret = profile.get('pullSecret')
    if pull_secret is None:
        raise _required(_CLUSTER_PROFILE + '.pullSecret')
    if not is_registry_credentials_json(pull_secret):
        raise _invalid(_CLUSTER_PROFILE + '.pullSecret', "The provided pull secret is invalid: it must be the registry "
                       "credentials JSON, an object with an 'auths' object.")

    domain = profile.get('domain')
    if domain is not None and (len(domain) > MAX_DOMAIN_LENGTH or not _DOMAIN.match(domain)):
        raise _invalid(_CLUSTER_PROFILE + '.domain',
                       "The provided domain '{}' is invalid: expected lowercase DNS labels separated by dots.".format(domain))

    version = profile.get('version')
    if version is not None and not _VERSION.match(version):
        raise _invalid(_CLUSTER_PROFILE + '.version',
                       "The provided version '{}' is invalid: expected major.minor.patch, such as 4.3.0.".format(version))

    resource_group_id = profile.get('resourceGroupId')
    if resource_group_id is not None:
        target = _CLUSTER_PROFILE + '.resourceGroupId'
        match = _RESOURCE_GROUP_ID.match(resource_group_id)
        if not match or not _GUID.match(match.group('subscription')):
            raise _invalid(target, "The provided resource group id '{}' is invalid: expected "
                           "/subscriptions/{{subscriptionId}}/resourceGroups/{{resourceGroup}}.".format(resource_group_id))
        if subscription_id and match.group('subscription').lower() != subscription_id.lower():
            raise _invalid(target, "The provided resource group '{}' must be in the cluster's subscription.".format(resource_group_id))
        if match.group('group').lower() == resource_group.lower():
            raise _invalid(target, "The provided resource group '{}' must not be the cluster's own resource group.".format(resource_group_id))


def is_registry_credentials_json(value):
    """Whether `value` is a JSON object whose 'auths' is an object, as registries' pull secrets are."""
    try:
        parsed = json.loads(value)
    except ValueError:
        return False
    return isinstance(parsed, dict) and isinstance(parsed.get('auths'), dict)


def _validate_service_principal(profile):
    client_id = profile.get('clientId')
    client_secret = profile.get('clientSecret')
    if client_id is None:
        if client_secret is not None:
            raise _required(_SERVICE_PRINCIPAL_PROFILE + '.clientId')
        return
    if not _GUID.match(client_id):
        raise _invalid(_SERVICE_PRINCIPAL_PROFILE + '.clientId',
                       "The provided client id '{}' is invalid: expected a GUID.".format(client_id))
    if client_secret is None:
        raise _required(_SERVICE_PRINCIPAL_PROFILE + '.clientSecret')
    if client_secret == '':
        raise _invalid(_SERVICE_PRINCIPAL_PROFILE + '.clientSecret', 'The provided client secret must not be empty.')


def parse_cidr(value):
    """The network of an IPv4 CIDR written strictly (dotted quad without leading zeros, no host bits), or None."""
    parts = value.split('/')
    if len(parts) != 2 or not _is_number(parts[1], 32):
        return None
    octets = parts[0].split('.')
    if len(octets) != 4 or not all(_is_number(o, 255) for o in octets):
        return None
    try:
        return ipaddress.IPv4Network(value, strict=True)
    except ValueError:
        return None


def _is_number(text, maximum):
    if not 0 < len(text) <= 3 or (len(text) > 1 and text[0] == '0') or not all('0' <= c <= '9' for c in text):
        return False
    return int(text) <= maximum


def _validate_cidr(value, target, prefix):
    if value is None:
        return None
    cidr = parse_cidr(value)
    if cidr is None:
        raise _invalid(target, "The provided CIDR '{}' at '{}' is invalid: expected an IPv4 network such as "
                       "10.0.0.0/16, without host bits set.".format(value, target))
    if not prefix[0] <= cidr.prefixlen <= prefix[1]:
        raise _invalid(target, "The provided CIDR '{}' at '{}' is invalid: its prefix length must be between /{} "
                       "and /{}.".format(value, target, prefix[0], prefix[1]))
    for reserved, why in _RESERVED:
        if cidr.overlaps(ipaddress.IPv4Network(reserved)):
            raise _invalid(target, "The provided CIDR '{}' at '{}' is invalid: it overlaps {} {}.".format(value, target, why, reserved))
    return cidr


def _validate_disjoint(ranges):
    for i, (a, a_target) in enumerate(ranges):
        for b, b_target in ranges[:i]:
            if a is not None and b is not None and a.overlaps(b):
                raise _invalid(a_target, "The provided CIDR '{}' at '{}' overlaps '{}' at '{}'.".format(a, a_target, b, b_target))


def _validate_room_for_nodes(pod, nodes, target):
    if pod is not None and pod.prefixlen <= NODE_PREFIX_LENGTH and nodes > 1 << (NODE_PREFIX_LENGTH - pod.prefixlen):
        room = 1 << (NODE_PREFIX_LENGTH - pod.prefixlen)
        raise _invalid(target, "The cluster would have {} nodes, more than the pod CIDR '{}' has room for ({}, one /{} "
                       "each).".format(nodes, pod, room, NODE_PREFIX_LENGTH))


def _validate_vm_size(allowed, value, target, role):
    if value is None:
        raise _required(target)
    if value.lower() not in (s.lower() for s in allowed):
        raise _invalid(target, "The provided {} VM size '{}' is not supported; supported sizes: {}.".format(
            role, value, ', '.join(allowed)))


def _validate_profile_list(profiles, target):
    if not 1 <= len(profiles) <= MAX_PROFILES:
        raise _invalid(target, "The property '{}' must hold between 1 and {} profiles.".format(target, MAX_PROFILES))
    names = set()
    for i, profile in enumerate(profiles):
        name_target = '{}[{}].name'.format(target, i)
        name = profile.get('name')
        if name is None:
            raise _required(name_target)
        if not _DNS_LABEL.match(name):
            raise _invalid(name_target, "The provided profile name '{}' is invalid: use 1 to 63 lowercase letters, "
                           "digits and hyphens, starting and ending with a letter or digit.".format(name))
        if name.lower() in names:
            raise _invalid(name_target, "The profile name '{}' is used more than once.".format(name))
        names.add(name.lower())


def _validate_worker_count(count, target):
    if not MIN_WORKER_COUNT <= count <= MAX_WORKER_COUNT:
        raise _invalid(target, 'The provided worker count {} is invalid: it must be between {} and {}.'.format(
            count, MIN_WORKER_COUNT, MAX_WORKER_COUNT))


def _validate_disk_size(size, target):
    if not MIN_DISK_SIZE_GB <= size <= MAX_DISK_SIZE_GB:
        raise _invalid(target, 'The provided disk size {} GB is invalid: it must be between {} and {} GB.'.format(
            size, MIN_DISK_SIZE_GB, MAX_DISK_SIZE_GB))


def _validate_subnet_id(value, target):
    match = _SUBNET_ID.match(value)
    if not match or not _GUID.match(match.group('subscription')):
        raise _invalid(target, "The provided subnet id '{}' is invalid: expected /subscriptions/{{subscriptionId}}/"
                       "resourceGroups/{{resourceGroup}}/providers/Microsoft.Network/virtualNetworks/{{vnet}}/subnets/"
                       "{{subnet}}.".format(value))
    return match.group('vnet')


def _validate_subnets(master, workers):
    if master.get('subnetId') is None and all(w.get('subnetId') is None for w in workers):
        return
    master_target = _MASTER_PROFILE + '.subnetId'
    if master.get('subnetId') is None:
        raise _required(master_target)
    master_vnet = _validate_subnet_id(master['subnetId'], master_target)
    for i, worker in enumerate(workers):
        target = '{}[{}].subnetId'.format(_WORKER_PROFILES, i)
        subnet_id = worker.get('subnetId')
        if subnet_id is None:
            raise _required(target)
        vnet = _validate_subnet_id(subnet_id, target)
        if vnet.lower() != master_vnet.lower():
            raise _invalid(target, "The provided subnet '{}' must be in the masters' virtual network '{}'.".format(subnet_id, master_vnet))
        if subnet_id.lower() == master['subnetId'].lower():
            raise _invalid(target, "The provided subnet '{}' must not be the masters' subnet.".format(subnet_id))


def _validate_visibility(visibility, target):
    if visibility is not None and visibility.lower() not in (v.lower() for v in VISIBILITIES):
        raise _invalid(target, "The provided visibility '{}' is invalid: expected Public or Private.".format(visibility))

