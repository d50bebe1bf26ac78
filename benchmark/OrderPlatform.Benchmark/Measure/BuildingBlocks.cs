namespace OrderPlatform.Benchmark.Measure;

/// <summary>
/// The Dapr building block each of the dev sidecar's counted APIs belongs to (its names: tools/DevSidecar, the
/// <c>CallRecorder</c> call sites). Pub/sub deliveries to subscribers count under publish: each is one more hop per
/// event on Azure, as the publish is.
/// </summary>
public static class BuildingBlocks
{
    public const string State = "state";
    public const string Publish = "publish";
    public const string Invoke = "invoke";
    public const string Workflow = "workflow";
    public const string Other = "other";

    public static string Of(string api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api switch
        {
            "publish" or "deliver" => Publish,
            "invoke" => Invoke,
            _ when api.StartsWith("state.", StringComparison.Ordinal) => State,
            _ when api.StartsWith("workflow.", StringComparison.Ordinal) => Workflow,
            _ => Other,
        };
    }

    /// <summary>Calls per building block, every app together (blocks without a call are left out).</summary>
    public static IReadOnlyDictionary<string, long> Count(CallCounts calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        return calls.ByApp.Values.SelectMany(apis => apis)
            .GroupBy(api => Of(api.Key), StringComparer.Ordinal)
            .Select(block => KeyValuePair.Create(block.Key, block.Sum(api => api.Value)))
            .Where(block => block.Value > 0)
            .OrderBy(block => block.Key, StringComparer.Ordinal)
            .ToDictionary(StringComparer.Ordinal);
    }
}
