from collections import OrderedDict

from azext_openshift._format import cluster_list_table, cluster_table
from conftest import cluster


def test_cluster_table_shows_name_group_location_state_and_api_server():
    assert cluster_table(cluster('Updating')) == OrderedDict([
        ('Name', 'cluster'), ('ResourceGroup', 'rg'), ('Location', 'eastus'), ('ProvisioningState', 'Updating'),
        ('ApiServerUrl', 'https://api.example:6443/'),
    ])


def test_cluster_table_of_a_cluster_still_creating_has_no_url():
    creating = cluster('Creating')
    del creating['properties']['apiserverProfile']

    assert cluster_table(creating)['ApiServerUrl'] is None


def test_cluster_list_table_has_a_row_per_cluster():
    assert [row['Name'] for row in cluster_list_table([cluster(), dict(cluster(), name='other')])] == ['cluster', 'other']
