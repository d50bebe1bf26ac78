using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.NotificationService.Storage;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.NotificationService.Notifications;

/// <summary>The query string of <c>GET /api/notifications</c>.</summary>
public sealed record NotificationQuery
{
    public string? CustomerId { get; init; }
}

/// <summary>customerId is required and becomes part of a state key, so it is an identifier.</summary>
public sealed class NotificationQueryValidator : AbstractValidator<NotificationQuery>
{
    public NotificationQueryValidator() => RuleFor(q => q.CustomerId!).Identifier();
}

/// <summary><c>GET /api/notifications?customerId=</c>: the customer's notifications, newest first (<c>[]</c> for an unknown customer).</summary>
internal static class GetNotificationsEndpoint
{
    public static async Task<Ok<List<Notification>>> HandleAsync([AsParameters] NotificationQuery query, NotificationRepository repository, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var notifications = await repository.GetAsync(query.CustomerId!, ct);
        return TypedResults.Ok(notifications.OrderByDescending(n => n.OccurredAt).ThenByDescending(n => n.CreatedAt).ToList());
    }
}
