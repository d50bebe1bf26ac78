using System.Collections.Concurrent;
using Google.Protobuf.Reflection;
using ProtoService = Google.Protobuf.Reflection.ServiceDescriptor;
using D = Dapr.DurableTask.Protobuf;
using M = Microsoft.DurableTask.Protobuf;

namespace OrderPlatform.DevSidecar.Workflows.Protocol;

/// <summary>
/// The field-collision map between Dapr's and Microsoft's task-hub protocols, computed from the two live protobuf
/// descriptors: every message pair reachable from the RPCs both forks serve is walked field number by field number.
/// </summary>
public sealed class ProtocolMap
{
    private readonly ConcurrentDictionary<MessagePair, PairPlan> plans = new();
    private readonly Lock walkLock = new();

    private ProtocolMap()
    {
    }

    /// <summary>Dapr method name → Microsoft method name, for every RPC both forks serve.</summary>
    public IReadOnlyDictionary<string, string> SharedMethods { get; private init; } = new Dictionary<string, string>();

    /// <summary>RPCs only Dapr's fork declares (the in-memory engine has no counterpart).</summary>
    public IReadOnlyList<string> DaprOnlyMethods { get; private init; } = [];

    /// <summary>Every collision found, ordered by <see cref="FieldCollision.Key"/>.</summary>
    public IReadOnlyList<FieldCollision> Collisions =>
        [.. plans.Values.SelectMany(p => p.Collisions).DistinctBy(c => c.Key).OrderBy(c => c.Key, StringComparer.Ordinal)];

    /// <summary>The map for the two TaskHubSidecarService descriptors shipped with the referenced packages.</summary>
    public static ProtocolMap ForTaskHub() => Build(D.TaskHubSidecarService.Descriptor, M.TaskHubSidecarService.Descriptor);

    public static ProtocolMap Build(ProtoService dapr, ProtoService microsoft)
    {
        ArgumentNullException.ThrowIfNull(dapr);
        ArgumentNullException.ThrowIfNull(microsoft);
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        var daprOnly = new List<string>();
        foreach (var method in dapr.Methods)
        {
            var counterpart = microsoft.FindMethodByName(ProtocolNames.MicrosoftMethodName(method.Name));
            if (counterpart is null)
            {
                daprOnly.Add(method.Name);
            }
            else
            {
                shared[method.Name] = counterpart.Name;
            }
        }

        var map = new ProtocolMap { SharedMethods = shared, DaprOnlyMethods = daprOnly };
        foreach (var (daprName, msName) in shared)
        {
            var d = dapr.FindMethodByName(daprName);
            var m = microsoft.FindMethodByName(msName);
            map.PlanFor(new MessagePair(d.InputType, m.InputType));
            map.PlanFor(new MessagePair(d.OutputType, m.OutputType));
        }

        return map;
    }

    /// <summary>The plan of a pair, computing it (and every pair below it) on first use.</summary>
    public PairPlan PlanFor(MessagePair pair)
    {
        if (plans.TryGetValue(pair, out var plan))
        {
            return plan;
        }

        lock (walkLock)
        {
            return Walk(pair);
        }
    }

    private PairPlan Walk(MessagePair pair)
    {
        if (plans.TryGetValue(pair, out var existing))
        {
            return existing;
        }

        var plan = new PairPlan(pair);
        plans[pair] = plan;
        foreach (var daprField in pair.Dapr.Fields.InFieldNumberOrder())
        {
            var msField = pair.Microsoft.FindFieldByNumber(daprField.FieldNumber);
            if (msField is null)
            {
                continue; // one-sided field: travels as an unknown field and is ignored by the receiver
            }

            if (!FieldCompatibility.AreCompatible(daprField, msField))
            {
                plan.Collisions.Add(new FieldCollision(daprField, msField));
            }
            else if (FieldCompatibility.MessageTypes(daprField, msField) is { } children)
            {
                plan.Children.Add((daprField, msField, Walk(children)));
            }
        }

        return plan;
    }
}
