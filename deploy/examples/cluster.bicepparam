using 'cluster.bicep'

param clusterName = 'mycluster'

// Secrets come from the environment, never from a file: export PULL_SECRET='{"auths":{...}}'.
param pullSecret = readEnvironmentVariable('PULL_SECRET')

param workerCount = 3

param tags = {
  example: 'cluster.bicepparam'
}
