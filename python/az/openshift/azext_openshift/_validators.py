from azure.cli.core.azclierror import RequiredArgumentMissingError
from azure.cli.core.commands.validators import get_default_location_from_resource_group

from azext_openshift._environment import is_development

NO_LOCATION_IN_DEVELOPMENT = 'In development mode there is no resource group to take the location from: give --location.'


def validate_location(cmd, namespace):
    """Without --location, the resource group's (a Resource Manager request); a local RP has no resource groups."""
    if namespace.location:
        return
    if is_development():
        raise RequiredArgumentMissingError(NO_LOCATION_IN_DEVELOPMENT)
    get_default_location_from_resource_group(cmd, namespace)
