using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.NotificationService.Storage;

namespace OrderPlatform.NotificationService.DeadLetters;

/// <summary><c>GET /api/notifications/deadletters</c>: the recorded dead letters, newest first.</summary>
internal static class GetDeadLettersEndpoint
{
    public static async Task<Ok<List<DeadLetter>>> HandleAsync(DeadLetterRepository repository, CancellationToken ct) =>
        TypedResults.Ok((await repository.GetAsync(ct)).OrderByDescending(d => d.ReceivedAt).ToList());
}
