namespace OrderPlatform.PaymentService.Tests.Support;

/// <summary>The parts of a ProblemDetails body the tests look at.</summary>
public sealed record ProblemBody(int? Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors);
