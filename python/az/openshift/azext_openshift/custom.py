import base64
import os

from azure.cli.core.azclierror import FileOperationError, RequiredArgumentMissingError, ValidationError
from azure.cli.core.util import sdk_no_wait
from knack.log import get_logger

from azext_openshift import _rules
from azext_openshift._body import CREATE_FLAGS, create_body, update_body
from azext_openshift._client_factory import subscription_of
from azext_openshift._environment import is_development
from azext_openshift._validators import NO_LOCATION_IN_DEVELOPMENT

logger = get_logger(__name__)


def openshift_create(cmd, client, resource_group_name, resource_name, pull_secret,  # pylint: disable=unused-argument,too-many-locals
                     location=None, domain=None, version=None, cluster_resource_group=None, client_id=None,
                     client_secret=None, pod_cidr=None, service_cidr=None, master_vm_size=None, master_subnet=None,
                     worker_vm_size=None, worker_subnet=None, worker_count=None, worker_vm_disk_size_gb=None,
                     apiserver_visibility=None, ingress_visibility=None, tags=None, no_wait=False):
    # Unchecked here: the RP is the authority on what is valid, and says so in its own words.
    body = create_body(client.subscription_id, _create_flags(locals()))
    return sdk_no_wait(no_wait, client.begin_create_or_update, resource_group_name, resource_name, body)


def openshift_validate(cmd, resource_group_name, resource_name, pull_secret,  # pylint: disable=unused-argument,too-many-locals
                       location=None, domain=None, version=None, cluster_resource_group=None, client_id=None,
                       client_secret=None, pod_cidr=None, service_cidr=None, master_vm_size=None, master_subnet=None,
                       worker_vm_size=None, worker_subnet=None, worker_count=None, worker_vm_disk_size_gb=None,
                       apiserver_visibility=None, ingress_visibility=None, tags=None):
    """The checks the RP makes of the create these flags send; nothing is sent."""
    if location is None and is_development():
        raise RequiredArgumentMissingError(NO_LOCATION_IN_DEVELOPMENT)
    subscription_id = subscription_of(cmd.cli_ctx) if cluster_resource_group else None
    body = create_body(subscription_id, _create_flags(locals()))
    try:
        # Without --location, create takes the resource group's: asking for it would be a request.
        _rules.validate_create(subscription_id, resource_group_name, resource_name, body,
                               location_given=location is not None)
    except _rules.RuleViolation as violation:
        raise ValidationError(str(violation)) from violation
    logger.info("The create of %s/%s passes the RP's checks.", resource_group_name, resource_name)


def openshift_list(client, resource_group_name=None):
    if resource_group_name:
        return client.list_by_resource_group(resource_group_name)
    return client.list()


def openshift_show(client, resource_group_name, resource_name):
    return client.get(resource_group_name, resource_name)


def openshift_update(client, resource_group_name, resource_name, tags=None, client_secret=None, worker_count=None,
                     no_wait=False):
    current = client.get(resource_group_name, resource_name) if worker_count is not None else None
    body, if_match = update_body(current, tags=tags, client_secret=client_secret, worker_count=worker_count)
    return sdk_no_wait(no_wait, client.begin_update, resource_group_name, resource_name, body, if_match=if_match)


def openshift_delete(client, resource_group_name, resource_name, no_wait=False):
    return sdk_no_wait(no_wait, client.begin_delete, resource_group_name, resource_name)


def openshift_list_credentials(client, resource_group_name, resource_name):
    return client.list_credentials(resource_group_name, resource_name)


def openshift_get_admin_kubeconfig(client, resource_group_name, resource_name, file='kubeconfig'):
    kubeconfig = base64.b64decode(client.list_admin_credentials(resource_group_name, resource_name)['kubeconfig'])
    write_private_file(file, kubeconfig)
    logger.info('Kubeconfig written to %s', file)


def write_private_file(path, content):
    """Writes a new file only its owner can read; never replaces one (nor its permissions)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as e:
        raise FileOperationError('File {} already exists: choose another with --file.'.format(path)) from e
    with os.fdopen(fd, 'wb') as f:
        f.write(content)


def _create_flags(values):
    """The create flags among a command's arguments (its locals())."""
    return {name: values[name] for name in CREATE_FLAGS}
