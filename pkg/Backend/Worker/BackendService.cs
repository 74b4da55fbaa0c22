using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rp.Env;
using Rp.Queue;

namespace Rp.Backend.Worker;

/// <summary>
/// The backend role: <see cref="BackendOptions.Workers"/> loops, each taking one message at a
/// time. On stop they take no more messages, let running work reach its next checkpoint and hand
/// the documents back; work still running at <see cref="DrainOptions.WorkDeadline"/> is canceled
/// and handed back as it stands. An idle worker asks the queue again at its poll interval, or at
/// once when this process's forwarder puts a message (<see cref="PollSignals.MessagesPut"/>).
/// </summary>
internal sealed partial class BackendService(
    IWorkQueue queue,
    MessageProcessor processor,
    BackendWorkers workers,
    TimeProvider time,
    IOptions<BackendOptions> options,
    IOptions<DrainOptions> drain,
    PollSignals signals,
    ILogger<BackendService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await queue.CreateIfNotExistsAsync(stoppingToken).ConfigureAwait(false);
        var instance = InstanceId.New();
        using var abort = new CancellationTokenSource();
        using var deadline = stoppingToken.Register(() =>
        {
            LogDraining(logger, drain.Value.WorkDeadline);
            abort.CancelAfter(drain.Value.WorkDeadline);
        });
        BackendTelemetry.Initialize();
        workers.Started(options.Value.Workers);
        LogStarted(logger, instance, options.Value.Workers);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(i => RunWorkerAsync(i, $"{instance}:{i}", stoppingToken, abort.Token))).ConfigureAwait(false);
        }
        finally
        {
            workers.Stopped();
        }
    }

    private async Task RunWorkerAsync(int worker, string workerId, CancellationToken stoppingToken, CancellationToken abort)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var message = await queue.GetAsync(options.Value.LeaseDuration, stoppingToken).ConfigureAwait(false);
                if (message is null)
                {
                    await signals.MessagesPut.WaitAsync(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                workers.Began(worker, time.GetUtcNow());
                BackendTelemetry.WorkersBusy.Add(1);
                try
                {
                    await processor.ProcessAsync(message, workerId, abort, draining: stoppingToken).ConfigureAwait(false);
                }
                finally
                {
                    BackendTelemetry.WorkersBusy.Add(-1);
                    workers.Ended(worker);
                }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Backend draining: no new messages; running work stops at its next checkpoint, or is canceled after {Deadline}")]
    private static partial void LogDraining(ILogger logger, TimeSpan deadline);

    [LoggerMessage(Level = LogLevel.Error, Message = "Worker {WorkerId} failed; retrying")]
    private static partial void LogFailed(ILogger logger, string workerId, Exception exception);
}
