-- wrk script: every request PUTs a new cluster (a name unique per thread and request),
-- exercising the frontend's write path.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  counter = 0
end

request = function()
  counter = counter + 1
  local path = string.format("/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/bench/providers/RedHat.OpenShift/OpenShiftClusters/bench-%d-%d?api-version=2019-12-31-preview", id, counter)
  return wrk.format("PUT", path, {["Content-Type"] = "application/json"}, '{"location":"eastus","properties":{"pullSecret":"eyJhdXRocyI6e319"}}')
end
