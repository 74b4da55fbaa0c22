from azure.cli.core.commands.parameters import get_enum_type, get_location_type, name_type, tags_type

from azext_openshift import _rules
from azext_openshift._validators import validate_location


def load_arguments(self, _):
    with self.argument_context('openshift') as c:
        c.argument('resource_name', name_type, help='Name of the cluster.')
        c.argument('tags', tags_type)

    for scope in ('openshift create', 'openshift validate'):
        with self.argument_context(scope) as c:
            c.argument('location', get_location_type(self.cli_ctx), validator=validate_location if scope.endswith('create') else None,
                       help='Location. Without it, the resource group\'s (in development mode it is required). '
                            'Values from: `az account list-locations`.')
            c.argument('pull_secret', required=True,
                       help='The registry credentials JSON the cluster pulls its images with; @FILE reads it from a file.')
            c.argument('domain', help='DNS domain of the cluster: lowercase DNS labels separated by dots. '
                                      '[Default: chosen by the service]')
            c.argument('version', help='OpenShift version, major.minor.patch. [Default: chosen by the service]')
            c.argument('cluster_resource_group',
                       help='Name or ID of the resource group the cluster\'s infrastructure lives in, in the cluster\'s '
                            'subscription, other than its own. [Default: chosen by the service]')
            c.argument('client_id', arg_group='Service Principal',
                       help='Application (client) ID of the service principal the cluster acts as.')
            c.argument('client_secret', arg_group='Service Principal', help='Client secret of that service principal.')
            c.argument('pod_cidr', arg_group='Network',
                       help='CIDR of the pod network, /8 to /18. [Default: {}]'.format(_rules.POD_CIDR))
            c.argument('service_cidr', arg_group='Network',
                       help='CIDR of the service network, /8 to /22. [Default: {}]'.format(_rules.SERVICE_CIDR))
            c.argument('master_vm_size', arg_group='Master',
                       help='Size of the master VMs. [Default: {}]'.format(_rules.MASTER_VM_SIZE))
            c.argument('master_subnet', arg_group='Master',
                       help='Resource ID of the masters\' subnet; given with --worker-subnet, or neither (the '
                            'service makes the network).')
            c.argument('worker_vm_size', arg_group='Worker',
                       help='Size of the worker VMs. [Default: {}]'.format(_rules.WORKER_VM_SIZE))
            c.argument('worker_subnet', arg_group='Worker',
                       help='Resource ID of the workers\' subnet: in the masters\' virtual network, not theirs.')
            c.argument('worker_count', arg_group='Worker', type=int,
                       help='Number of worker VMs, {} to {}. [Default: {}]'.format(
                           _rules.MIN_WORKER_COUNT, _rules.MAX_WORKER_COUNT, _rules.WORKER_COUNT))
            c.argument('worker_vm_disk_size_gb', arg_group='Worker', type=int,
                       help='OS disk size of the worker VMs in GB, {} to {}. [Default: {}]'.format(
                           _rules.MIN_DISK_SIZE_GB, _rules.MAX_DISK_SIZE_GB, _rules.WORKER_DISK_SIZE_GB))
            c.argument('apiserver_visibility', arg_type=get_enum_type(_rules.VISIBILITIES),
                       help='Whether the API server is reachable from the internet. [Default: {}]'.format(_rules.VISIBILITY))
            c.argument('ingress_visibility', arg_type=get_enum_type(_rules.VISIBILITIES),
                       help='Whether the default ingress is reachable from the internet. [Default: {}]'.format(
                           _rules.VISIBILITY))

    with self.argument_context('openshift update') as c:
        c.argument('tags', tags_type, help='Tags that replace the cluster\'s tags: space-separated key[=value]; "" '
                                           'removes them all.')
        c.argument('client_secret', help='New client secret of the cluster\'s service principal.')
        c.argument('worker_count', type=int,
                   help='Number of worker VMs, {} to {}.'.format(_rules.MIN_WORKER_COUNT, _rules.MAX_WORKER_COUNT))

    with self.argument_context('openshift get-admin-kubeconfig') as c:
        c.argument('file', options_list=['--file', '-f'],
                   help='Where to write the kubeconfig (a new file, readable by its owner only). [Default: kubeconfig]')
