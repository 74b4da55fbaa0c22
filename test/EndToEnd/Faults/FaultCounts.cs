namespace Rp.EndToEnd.Tests.Faults;

/// <summary>What a faults-under-load run did and met: its operations, kills, outages, retries, and the answers during outages.</summary>
public sealed class FaultCounts
{
    private int operations;
    private int kills;
    private int outages;
    private int retries;
    private int outageAnswers;
    private int outageErrors;
    private long slowestOutageAnswerTicks;

    public int Operations => Volatile.Read(ref operations);

    public int Kills => Volatile.Read(ref kills);

    public int Outages => Volatile.Read(ref outages);

    public int Retries => Volatile.Read(ref retries);

    /// <summary>Answers to requests sent while a store was out.</summary>
    public int OutageAnswers => Volatile.Read(ref outageAnswers);

    /// <summary>Of those, the 5xx ones (each a CloudError with Retry-After).</summary>
    public int OutageErrors => Volatile.Read(ref outageErrors);

    public TimeSpan SlowestOutageAnswer => TimeSpan.FromTicks(Interlocked.Read(ref slowestOutageAnswerTicks));

    public void Operation() => Interlocked.Increment(ref operations);

    public void Kill() => Interlocked.Increment(ref kills);

    public void Outage() => Interlocked.Increment(ref outages);

    public void Retry() => Interlocked.Increment(ref retries);

    public void OutageAnswer(TimeSpan took, bool error)
    {
        Interlocked.Increment(ref outageAnswers);
        if (error)
        {
            Interlocked.Increment(ref outageErrors);
        }

        long seen;
        while (took.Ticks > (seen = Interlocked.Read(ref slowestOutageAnswerTicks)) && Interlocked.CompareExchange(ref slowestOutageAnswerTicks, took.Ticks, seen) != seen)
        {
        }
    }

    public override string ToString() =>
        $"{Operations} operations, {Kills} kills, {Outages} outage(s), {Retries} retries; {OutageAnswers} answers during outages, {OutageErrors} of them 5xx with Retry-After, the slowest in {SlowestOutageAnswer.TotalSeconds:0.0} s";
}
