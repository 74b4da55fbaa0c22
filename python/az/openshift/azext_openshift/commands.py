from azext_openshift._format import cluster_list_table, cluster_table
# Importing the help texts registers them with the CLI.
from azext_openshift._help import helps  # pylint: disable=unused-import


def load_command_table(loader, _):
    with loader.command_group('openshift') as g:
        g.custom_command('create', 'openshift_create', supports_no_wait=True, table_transformer=cluster_table)
        g.custom_command('list', 'openshift_list', table_transformer=cluster_list_table)
        g.custom_show_command('show', 'openshift_show', table_transformer=cluster_table)
        g.custom_command('update', 'openshift_update', supports_no_wait=True, table_transformer=cluster_table)
        g.custom_command('delete', 'openshift_delete', supports_no_wait=True, confirmation=True)
        g.custom_wait_command('wait', 'openshift_show')
        g.custom_command('list-credentials', 'openshift_list_credentials')
        g.custom_command('get-admin-kubeconfig', 'openshift_get_admin_kubeconfig')
        g.custom_command('validate', 'openshift_validate')
