using System.Text.Json.Serialization;

namespace OrderPlatform.PaymentService.Faults;

/// <summary>
/// Body of <c>POST /admin/faults</c>: make the next <paramref name="FailNext"/> (required) charges/refunds fail, answered
/// with <paramref name="StatusCode"/> (optional, 503). Unknown members are refused: <c>{"failNext":3,"status":500}</c>
/// must not arm 503s.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FaultRequest(int FailNext, int StatusCode = 503);

/// <summary>
/// What is still armed: <paramref name="Remaining"/> failures left to serve, answered with <paramref name="StatusCode"/>
/// (the last armed status; 503 at start and after a clear).
/// </summary>
public sealed record FaultState(int Remaining, int StatusCode);

/// <summary>A thread-safe countdown of injected failures (resiliency tests only; off by default).</summary>
public sealed class FaultInjector
{
    private readonly Lock gate = new();
    private int remaining;
    private int statusCode = StatusCodes.Status503ServiceUnavailable;

    public FaultState Arm(int count, int status)
    {
        lock (gate)
        {
            (remaining, statusCode) = (count, status);
            return new FaultState(remaining, statusCode);
        }
    }

    public void Clear() => Arm(0, StatusCodes.Status503ServiceUnavailable);

    /// <summary>The failures still to serve and their status, without taking one.</summary>
    public FaultState Current()
    {
        lock (gate)
        {
            return new FaultState(remaining, statusCode);
        }
    }

    /// <summary>Takes one armed failure, if any is left.</summary>
    public bool TryTake(out int status)
    {
        lock (gate)
        {
            status = statusCode;
            if (remaining <= 0)
            {
                return false;
            }

            remaining--;
            return true;
        }
    }
}
