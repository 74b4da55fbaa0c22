namespace Rp.Queue;

/// <summary>
/// What an operator reads about the queue. <see cref="Depth"/> counts every message, hidden ones
/// included (approximately, on a queue service). <see cref="OldestInsertedOn"/> and
/// <see cref="PastDequeueLimit"/> are computed from <see cref="Examined"/> messages: all of them
/// in the embedded queue; the first visible ones a storage queue lets a client peek at.
/// </summary>
/// <param name="Depth">Messages in the queue.</param>
/// <param name="OldestInsertedOn">When the oldest examined message was put; null when none was examined.</param>
/// <param name="PastDequeueLimit">Examined messages delivered the maximum number of times or more: the next delivery fails their documents.</param>
/// <param name="Examined">How many messages the two figures above come from.</param>
public sealed record QueueStatus(long Depth, DateTimeOffset? OldestInsertedOn, int PastDequeueLimit, int Examined);
