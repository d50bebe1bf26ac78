namespace OrderPlatform.PaymentService.Signing;

/// <summary>The payment gateway key, read once from the Dapr secret store; never logged.</summary>
public sealed class GatewayKey
{
    public const string SecretName = "payment-gateway-key";

    private readonly TaskCompletionSource<byte[]> loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsLoaded => loaded.Task.IsCompletedSuccessfully;

    /// <summary>Completes when the key has been loaded.</summary>
    public Task WhenLoaded => loaded.Task;

    public byte[] Value => IsLoaded
        ? loaded.Task.Result
        : throw new InvalidOperationException("The payment gateway key is not loaded yet.");

    public void Set(byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        loaded.TrySetResult(value.Length > 0 ? value : throw new ArgumentException("The payment gateway key is empty.", nameof(value)));
    }
}
