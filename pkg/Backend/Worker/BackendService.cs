using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rp.Queue;
using Rp.Env;

namespace Rp.Backend.Worker;

/// <summary>The backend role: <see cref="BackendOptions.Workers"/> loops, each taking one message at a time.</summary>
internal sealed partial class BackendService(
    IWorkQueue queue,
    MessageProcessor processor,
    TimeProvider time,
    IOptions<BackendOptions> options,
    ILogger<BackendService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await queue.CreateIfNotExistsAsync(stoppingToken).ConfigureAwait(false);
        var instance = InstanceId.New();
        LogStarted(logger, instance, options.Value.Workers);
        await Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(i => RunWorkerAsync($"{instance}:{i}", stoppingToken))).ConfigureAwait(false);
    }

    private async Task RunWorkerAsync(string workerId, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var message = await queue.GetAsync(options.Value.LeaseDuration, stoppingToken).ConfigureAwait(false);
                if (message is null)
                {
                    await Task.Delay(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                await processor.ProcessAsync(message, workerId, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, workerId, e);
                await Task.Delay(options.Value.RetryBackoff, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backend {Instance} started with {Workers} workers")]
    private static partial void LogStarted(ILogger logger, string instance, int workers);

    [LoggerMessage(Level = LogLevel.Error, Message = "Worker {WorkerId} failed; retrying")]
    private static partial void LogFailed(ILogger logger, string workerId, Exception exception);
}
