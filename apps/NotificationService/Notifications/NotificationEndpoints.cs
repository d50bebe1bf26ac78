namespace OrderPlatform.NotificationService.Notifications;

public static class NotificationEndpoints
{
    /// <summary><c>GET /api/notifications?customerId=</c>: the customer's notifications, newest first.</summary>
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/notifications", GetAsync)
            .Produces<IReadOnlyList<Notification>>()
            .ProducesValidationProblem()
            .WithName("GetNotifications");
        return app;
    }

    private static async Task<IResult> GetAsync(string? customerId, NotificationRepository repository, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(customerId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["customerId"] = ["The customerId query parameter is required."],
            });
        }

        var notifications = await repository.GetAsync(customerId, cancellationToken);
        return TypedResults.Ok(notifications.OrderByDescending(n => n.OccurredAt).ThenByDescending(n => n.CreatedAt).ToList());
    }
}
