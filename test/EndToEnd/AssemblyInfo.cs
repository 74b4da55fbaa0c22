using Xunit;

// Each test runs several rp processes with tight lease and phase timings on a 2-core machine:
// one at a time, so that no test's timing depends on another's load.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
