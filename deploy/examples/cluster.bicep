// One OpenShift cluster (api-version 2020-04-30) and its URLs.
metadata description = 'An OpenShift cluster of the RedHat.OpenShift resource provider.'

@description('The cluster\'s name.')
@minLength(1)
@maxLength(63)
param clusterName string

@description('The Azure region; by default the resource group\'s.')
param location string = resourceGroup().location

@secure()
@description('The registry pull secret: its JSON text, {"auths":{...}}.')
param pullSecret string

@description('The service principal\'s application (client) id; empty for none.')
param clientId string = ''

@secure()
@description('The service principal\'s secret; required with a client id.')
param clientSecret string = ''

@description('The pods\' IPv4 range.')
param podCidr string = '10.128.0.0/14'

@description('The services\' IPv4 range.')
param serviceCidr string = '172.30.0.0/16'

@description('The control plane nodes\' VM size.')
param masterVmSize string = 'Standard_D8s_v3'

@description('The worker nodes\' VM size.')
param workerVmSize string = 'Standard_D2s_v3'

@description('How many worker nodes.')
@minValue(3)
param workerCount int = 3

@description('Whether the API server and the ingress are reachable from the internet.')
@allowed([
  'Public'
  'Private'
])
param visibility string = 'Public'

@description('Tags for the cluster.')
param tags object = {}

// The type index Bicep ships lists Azure's own providers only; the RP validates the body itself.
#disable-next-line BCP081
resource cluster 'RedHat.OpenShift/openShiftClusters@2020-04-30' = {
  name: clusterName
  location: location
  tags: tags
  properties: {
    clusterProfile: {
      pullSecret: pullSecret
    }
    servicePrincipalProfile: empty(clientId)
      ? null
      : {
          clientId: clientId
          clientSecret: clientSecret
        }
    networkProfile: {
      podCidr: podCidr
      serviceCidr: serviceCidr
    }
    masterProfile: {
      vmSize: masterVmSize
    }
    workerProfiles: [
      {
        name: 'worker'
        vmSize: workerVmSize
        count: workerCount
      }
    ]
    apiserverProfile: {
      visibility: visibility
    }
    ingressProfiles: [
      {
        name: 'default'
        visibility: visibility
      }
    ]
  }
}

@description('The URL of the cluster\'s API server.')
output apiserverUrl string = cluster.properties.apiserverProfile.url

@description('The URL of the cluster\'s web console.')
output consoleUrl string = cluster.properties.consoleProfile.url
