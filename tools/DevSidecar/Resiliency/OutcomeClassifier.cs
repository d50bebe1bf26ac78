using Polly;

namespace OrderPlatform.DevSidecar.Resiliency;

/// <summary>
/// Tells a pipeline which results are failures (exceptions always are) and, for HTTP results, the status code the
/// retry policy's `matching.httpStatusCodes` is checked against.
/// </summary>
public sealed record OutcomeClassifier<T>(Func<T, bool> IsFailedResult, Func<T, int?>? HttpStatusOf = null)
{
    public bool IsFailure(Outcome<T> outcome) => outcome.Exception is not null || IsFailedResult(outcome.Result!);

    public int? HttpStatus(Outcome<T> outcome) =>
        outcome.Exception is null && HttpStatusOf is not null ? HttpStatusOf(outcome.Result!) : null;
}
