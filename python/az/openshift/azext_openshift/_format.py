from collections import OrderedDict

from azure.mgmt.core.tools import parse_resource_id


def cluster_table(result):
    """One row of `-o table`: what tells clusters apart and whether they are ready."""
    properties = result.get('properties') or {}
    return OrderedDict([
        ('Name', result.get('name')),
        ('ResourceGroup', parse_resource_id(result.get('id') or '').get('resource_group')),
        ('Location', result.get('location')),
        ('ProvisioningState', properties.get('provisioningState')),
        ('ApiServerUrl', (properties.get('apiserverProfile') or {}).get('url')),
    ])


def cluster_list_table(results):
    return [cluster_table(r) for r in results]
