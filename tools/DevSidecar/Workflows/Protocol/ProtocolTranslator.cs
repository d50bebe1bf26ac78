using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace OrderPlatform.DevSidecar.Workflows.Protocol;

/// <summary>
/// The one place where messages cross between the forks: a copy of the message has every colliding field cleared
/// (walking nested messages, lists and map values with the pair's plan), then its bytes are parsed as the other
/// fork's type. Fields only one fork declares travel as unknown fields and are ignored by the receiver.
/// </summary>
public sealed class ProtocolTranslator(ProtocolMap map)
{
    public ProtocolMap Map { get; } = map;

    /// <summary>A Dapr.DurableTask.Protobuf message as its Microsoft.DurableTask.Protobuf counterpart.</summary>
    public TMicrosoft ToMicrosoft<TDapr, TMicrosoft>(TDapr message)
        where TDapr : IMessage<TDapr>
        where TMicrosoft : IMessage<TMicrosoft>, new() =>
        Translate<TDapr, TMicrosoft>(message, fromDapr: true);

    /// <summary>A Microsoft.DurableTask.Protobuf message as its Dapr.DurableTask.Protobuf counterpart.</summary>
    public TDapr ToDapr<TMicrosoft, TDapr>(TMicrosoft message)
        where TMicrosoft : IMessage<TMicrosoft>
        where TDapr : IMessage<TDapr>, new() =>
        Translate<TMicrosoft, TDapr>(message, fromDapr: false);

    private TTarget Translate<TSource, TTarget>(TSource message, bool fromDapr)
        where TSource : IMessage<TSource>
        where TTarget : IMessage<TTarget>, new()
    {
        ArgumentNullException.ThrowIfNull(message);
        var target = new TTarget();
        var pair = fromDapr
            ? new MessagePair(message.Descriptor, target.Descriptor)
            : new MessagePair(target.Descriptor, message.Descriptor);
        var copy = message.Clone();
        Scrub(copy, Map.PlanFor(pair), fromDapr);
        target.MergeFrom(copy.ToByteString());
        return target;
    }

    private static void Scrub(IMessage message, PairPlan plan, bool fromDapr)
    {
        foreach (var collision in plan.Collisions)
        {
            Clear(message, Side(collision.DaprField, collision.MicrosoftField, fromDapr));
        }

        foreach (var (daprField, msField, childPlan) in plan.Children)
        {
            var field = Side(daprField, msField, fromDapr);
            foreach (var child in ChildMessages(field, field.Accessor.GetValue(message)))
            {
                Scrub(child, childPlan, fromDapr);
            }
        }
    }

    /// <summary>Clears the field; a oneof member only when it is the case that is set (clearing resets the whole oneof).</summary>
    private static void Clear(IMessage message, FieldDescriptor field)
    {
        if (field.RealContainingOneof is not { } oneof || oneof.Accessor.GetCaseFieldDescriptor(message) == field)
        {
            field.Accessor.Clear(message);
        }
    }

    private static FieldDescriptor Side(FieldDescriptor dapr, FieldDescriptor microsoft, bool fromDapr) =>
        fromDapr ? dapr : microsoft;

    private static IEnumerable<IMessage> ChildMessages(FieldDescriptor field, object? value) => value switch
    {
        null => [],
        IDictionary map when field.IsMap => map.Values.OfType<IMessage>(),
        IList list => list.OfType<IMessage>(),
        IMessage single => [single],
        _ => [],
    };
}
