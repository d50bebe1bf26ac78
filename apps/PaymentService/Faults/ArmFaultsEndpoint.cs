using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.PaymentService.Faults;

/// <summary><c>POST /admin/faults</c>: the next <c>failNext</c> charges/refunds answer <c>statusCode</c>.</summary>
internal static class ArmFaultsEndpoint
{
    public static Ok<FaultState> Handle(FaultRequest request, FaultInjector faults) =>
        TypedResults.Ok(faults.Arm(request.FailNext, request.StatusCode));
}
