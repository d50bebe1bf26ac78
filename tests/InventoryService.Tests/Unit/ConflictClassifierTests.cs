using Dapr;
using Grpc.Core;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.InventoryService.Tests.Unit;

/// <summary>Which Dapr failures are ETag conflicts (retried after a re-read) and which are genuine failures.</summary>
public sealed class ConflictClassifierTests
{
    private static DaprException Wrapped(StatusCode code, string detail) =>
        new("State operation failed", new RpcException(new Status(code, detail)));

    [Theory]
    [InlineData(StatusCode.Aborted, "failed saving state")]
    [InlineData(StatusCode.Internal, "error while executing state transaction: possible etag mismatch. error from state store")]
    [InlineData(StatusCode.Internal, "error while executing state transaction: ETag does not match")]
    public void Etag_failures_are_conflicts(StatusCode code, string detail) =>
        DaprStateConcurrency.IsEtagConflict(Wrapped(code, detail)).Should().BeTrue();

    [Theory]
    [InlineData(StatusCode.Internal, "error while executing state transaction: connection refused")]
    [InlineData(StatusCode.Unavailable, "sidecar down")]
    [InlineData(StatusCode.InvalidArgument, "bad key")]
    [InlineData(StatusCode.FailedPrecondition, "state store inventory-store is not configured")]
    public void Other_failures_are_not_conflicts(StatusCode code, string detail) =>
        DaprStateConcurrency.IsEtagConflict(Wrapped(code, detail)).Should().BeFalse();

    [Fact]
    public void Exceptions_without_a_grpc_status_are_not_conflicts()
    {
        DaprStateConcurrency.IsEtagConflict(new DaprException("boom")).Should().BeFalse();
        DaprStateConcurrency.IsEtagConflict(new InvalidOperationException("etag")).Should().BeFalse();
    }

    [Fact]
    public void Upsert_uses_first_write_and_turns_an_empty_etag_into_an_insert()
    {
        var insert = DaprStateConcurrency.Upsert("k", new { A = 1 }, "", JsonDefaults.Options);
        var update = DaprStateConcurrency.Upsert("k", new { A = 1 }, "7", JsonDefaults.Options);

        insert.ETag.Should().BeNull();
        update.ETag.Should().Be("7");
        insert.Options!.Concurrency.Should().Be(Dapr.Client.ConcurrencyMode.FirstWrite);
        System.Text.Encoding.UTF8.GetString(insert.Value!).Should().Be("""{"a":1}""");
    }
}
