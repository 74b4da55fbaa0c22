-- hack/bench.sh's wrk script. GET of the URL given to wrk, or with BENCH_PUT set, a PUT of a new
-- cluster per request (a name unique per thread and request, after BENCH_PREFIX: a warm-up run
-- uses another prefix than the run it warms up). At the end it writes the figures
-- and the latency distribution as JSON to BENCH_OUT.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  counter = 0
end

local prefix = os.getenv("BENCH_PREFIX") or "p"

if os.getenv("BENCH_PUT") then
  request = function()
    counter = counter + 1
    local path = string.format("/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/bench-put/providers/RedHat.OpenShift/OpenShiftClusters/%s-%d-%d?api-version=2019-12-31-preview", prefix, id, counter)
    return wrk.format("PUT", path, {["Content-Type"] = "application/json"}, '{"location":"eastus","properties":{"pullSecret":"eyJhdXRocyI6e319"}}')
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local points = {}
  for _, p in ipairs({1, 5, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 95, 97, 98, 99, 99.5, 99.9, 99.99}) do
    table.insert(points, string.format("[%g, %.3f]", p, latency:percentile(p) / 1000))
  end
  local out = io.open(os.getenv("BENCH_OUT"), "w")
  out:write(string.format(
    '{"requests": %d, "seconds": %.2f, "rps": %.0f, "non2xx": %d, "socketErrors": %d, "p50Ms": %.3f, "p90Ms": %.3f, "p99Ms": %.3f, "maxMs": %.3f, "percentiles": [%s]}\n',
    summary.requests, seconds, summary.requests / seconds, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    table.concat(points, ", ")))
  out:close()
end
