namespace Rp.Queue;

/// <summary>A message taken from the queue; <see cref="DequeueCount"/> counts deliveries including this one.</summary>
public sealed record QueueMessage(string MessageId, string PopReceipt, string Body, int DequeueCount, DateTimeOffset NextVisibleOn);
