from knack.help_files import helps

helps['openshift'] = """
type: group
short-summary: Manage OpenShift clusters of the RedHat.OpenShift resource provider.
long-summary: |
    Requests go to Resource Manager with your `az login`. With RP_MODE=development they go to a
    local RP instead: RP_URL (default https://localhost:8443/), its certificate verified against
    RP_CA_BUNDLE (default data/tls.pem), no login, the subscription from --subscription or
    AZURE_SUBSCRIPTION_ID.
"""

helps['openshift create'] = """
type: command
short-summary: Create a cluster, and wait until it is installed.
long-summary: Only the properties given are sent; the RP chooses the rest.
examples:
  - name: Create a cluster with the service's defaults.
    text: az openshift create -g MyResourceGroup -n MyCluster -l eastus --pull-secret @pull-secret.json
  - name: Create a cluster with five larger workers and a private API server, without waiting.
    text: >
        az openshift create -g MyResourceGroup -n MyCluster -l eastus --pull-secret @pull-secret.json
        --worker-count 5 --worker-vm-size Standard_D4s_v3 --apiserver-visibility Private --no-wait
"""

helps['openshift list'] = """
type: command
short-summary: List the clusters of the subscription, or of a resource group.
examples:
  - name: List the clusters of a resource group as a table.
    text: az openshift list -g MyResourceGroup -o table
"""

helps['openshift show'] = """
type: command
short-summary: Show a cluster (its secrets are never shown).
examples:
  - name: Show a cluster's API server URL.
    text: az openshift show -g MyResourceGroup -n MyCluster --query properties.apiserverProfile.url -o tsv
"""

helps['openshift update'] = """
type: command
short-summary: Update a cluster's tags, client secret or worker count, and wait until it is done.
long-summary: A tags-only update completes at once.
examples:
  - name: Replace a cluster's tags.
    text: az openshift update -g MyResourceGroup -n MyCluster --tags env=test owner=me
  - name: Scale a cluster to five workers.
    text: az openshift update -g MyResourceGroup -n MyCluster --worker-count 5
"""

helps['openshift delete'] = """
type: command
short-summary: Delete a cluster, and wait until it is gone.
examples:
  - name: Delete a cluster without being asked to confirm.
    text: az openshift delete -g MyResourceGroup -n MyCluster --yes
"""

helps['openshift wait'] = """
type: command
short-summary: Wait until a cluster reaches a condition.
examples:
  - name: Wait until a cluster created with --no-wait is installed, checking every 5 seconds.
    text: az openshift wait -g MyResourceGroup -n MyCluster --created --interval 5
  - name: Wait until a cluster is deleted.
    text: az openshift wait -g MyResourceGroup -n MyCluster --deleted
"""

helps['openshift list-credentials'] = """
type: command
short-summary: List the kubeadmin credentials of a cluster.
examples:
  - name: List the kubeadmin credentials of a cluster.
    text: az openshift list-credentials -g MyResourceGroup -n MyCluster
"""

helps['openshift get-admin-kubeconfig'] = """
type: command
short-summary: Write the admin kubeconfig of a cluster to a new file that only you can read.
examples:
  - name: Write the admin kubeconfig to ./kubeconfig.
    text: az openshift get-admin-kubeconfig -g MyResourceGroup -n MyCluster
  - name: Write the admin kubeconfig to a file of your choice.
    text: az openshift get-admin-kubeconfig -g MyResourceGroup -n MyCluster -f ~/.kube/mycluster
"""

helps['openshift validate'] = """
type: command
short-summary: Check the flags of a create against the RP's rules, without sending anything.
long-summary: It reports the first rule broken as the RP would (code, message, target), and exits non-zero.
examples:
  - name: Check a create's network ranges.
    text: >
        az openshift validate -g MyResourceGroup -n MyCluster -l eastus --pull-secret @pull-secret.json
        --pod-cidr 10.128.0.0/14 --service-cidr 172.30.0.0/16
"""
