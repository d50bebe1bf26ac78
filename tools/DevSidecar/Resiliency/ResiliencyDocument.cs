using YamlDotNet.Serialization;

namespace OrderPlatform.DevSidecar.Resiliency;

// The shape of a `kind: Resiliency` YAML document, as YamlDotNet reads it (unknown fields are ignored).
internal sealed class ResiliencyDocument
{
    public string? Kind { get; set; }
    public ResiliencyMetadata? Metadata { get; set; }
    public List<string>? Scopes { get; set; }
    public ResiliencySpecDocument? Spec { get; set; }
}

internal sealed class ResiliencyMetadata
{
    public string? Name { get; set; }
}

internal sealed class ResiliencySpecDocument
{
    public PoliciesDocument? Policies { get; set; }
    public TargetsDocument? Targets { get; set; }
}

internal sealed class PoliciesDocument
{
    public Dictionary<string, string>? Timeouts { get; set; }
    public Dictionary<string, RetryDocument>? Retries { get; set; }
    public Dictionary<string, CircuitBreakerDocument>? CircuitBreakers { get; set; }
}

internal sealed class RetryDocument
{
    public string? Policy { get; set; }
    public string? Duration { get; set; }
    public string? MaxInterval { get; set; }
    public int? MaxRetries { get; set; }
    public RetryMatchingDocument? Matching { get; set; }

    // The docs show both spellings; daprd reads `matching`.
    public RetryMatchingDocument? Matches { get; set; }
}

internal sealed class RetryMatchingDocument
{
    public string? HttpStatusCodes { get; set; }

    [YamlMember(Alias = "gRPCStatusCodes")]
    public string? GrpcStatusCodes { get; set; }
}

internal sealed class CircuitBreakerDocument
{
    public int? MaxRequests { get; set; }
    public string? Interval { get; set; }
    public string? Timeout { get; set; }
    public string? Trip { get; set; }
}

internal sealed class TargetsDocument
{
    public Dictionary<string, TargetPolicyDocument>? Apps { get; set; }
    public Dictionary<string, ComponentTargetDocument>? Components { get; set; }
}

internal sealed class ComponentTargetDocument
{
    public TargetPolicyDocument? Inbound { get; set; }
    public TargetPolicyDocument? Outbound { get; set; }
}

internal sealed class TargetPolicyDocument
{
    public string? Timeout { get; set; }
    public string? Retry { get; set; }
    public string? CircuitBreaker { get; set; }
}
