// N OpenShift clusters (api-version 2020-04-30) from one copy loop, named PREFIX-0 ... PREFIX-(N-1).
metadata description = 'Several OpenShift clusters of the RedHat.OpenShift resource provider.'

@description('The clusters\' names start with this; each ends with its index.')
param namePrefix string = 'cluster'

@description('How many clusters.')
@minValue(1)
@maxValue(20)
param count int = 3

@description('The Azure region; by default the resource group\'s.')
param location string = resourceGroup().location

@secure()
@description('The registry pull secret: its JSON text, {"auths":{...}}.')
param pullSecret string

@description('How many worker nodes each cluster has.')
@minValue(3)
param workerCount int = 3

// The type index Bicep ships lists Azure's own providers only; the RP validates the body itself.
#disable-next-line BCP081
resource clusters 'RedHat.OpenShift/openShiftClusters@2020-04-30' = [
  for i in range(0, count): {
    name: '${namePrefix}-${i}'
    location: location
    properties: {
      clusterProfile: {
        pullSecret: pullSecret
      }
      workerProfiles: [
        {
          name: 'worker'
          count: workerCount
        }
      ]
    }
  }
]

@description('The URL of each cluster\'s web console, in index order.')
output consoleUrls array = [for i in range(0, count): clusters[i].properties.consoleProfile.url]
