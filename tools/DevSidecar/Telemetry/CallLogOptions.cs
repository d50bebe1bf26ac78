namespace OrderPlatform.DevSidecar.Telemetry;

/// <summary>The level of the per-call log line (None silences it, e.g. for the benchmark).</summary>
public sealed record CallLogOptions(LogLevel Level);
