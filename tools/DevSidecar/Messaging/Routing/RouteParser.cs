namespace OrderPlatform.DevSidecar.Messaging.Routing;

/// <summary>Recursive descent: or → and → comparison → unary (!) → primary (parentheses, literal, event path).</summary>
internal sealed class RouteParser(List<RouteToken> tokens, string text)
{
    private static readonly HashSet<string> Comparisons = ["==", "!=", "<", "<=", ">", ">="];
    private int index;

    private RouteToken Current => tokens[Math.Min(index, tokens.Count - 1)];

    public RouteNode ParseAll()
    {
        var node = ParseOr();
        if (Current.Kind != TokenKind.End)
        {
            throw Error($"unexpected '{Current.Text}'");
        }

        return node;
    }

    private RouteNode ParseOr()
    {
        var node = ParseAnd();
        while (Accept("||"))
        {
            node = new LogicalNode(false, node, ParseAnd());
        }

        return node;
    }

    private RouteNode ParseAnd()
    {
        var node = ParseComparison();
        while (Accept("&&"))
        {
            node = new LogicalNode(true, node, ParseComparison());
        }

        return node;
    }

    private RouteNode ParseComparison()
    {
        var left = ParseUnary();
        if (Current.Kind == TokenKind.Operator && Comparisons.Contains(Current.Text))
        {
            var op = tokens[index++].Text;
            return new CompareNode(op, left, ParseUnary());
        }

        return left;
    }

    private RouteNode ParseUnary() => Accept("!") ? new NotNode(ParseUnary()) : ParsePrimary();

    private RouteNode ParsePrimary()
    {
        var token = Current;
        index = Math.Min(index + 1, tokens.Count - 1);
        switch (token.Kind)
        {
            case TokenKind.String:
                return new LiteralNode(token.Text);
            case TokenKind.Number:
                return new LiteralNode(CompareNode.ParseNumber(token.Text));
            case TokenKind.Operator when token.Text == "(":
                var inner = ParseOr();
                Expect(")");
                return inner;
            case TokenKind.Identifier when token.Text is "true" or "false":
                return new LiteralNode(token.Text == "true");
            case TokenKind.Identifier when token.Text == "null":
                return new LiteralNode(null);
            case TokenKind.Identifier when token.Text == "event":
                return ParsePath();
            default:
                throw Error($"unexpected '{token.Text}' (fields start with 'event.')");
        }
    }

    private PathNode ParsePath()
    {
        var segments = new List<string>();
        while (true)
        {
            if (Accept("."))
            {
                segments.Add(Take(TokenKind.Identifier));
            }
            else if (Accept("["))
            {
                segments.Add(Take(TokenKind.String));
                Expect("]");
            }
            else
            {
                return new PathNode(segments);
            }
        }
    }

    private bool Accept(string op)
    {
        if (Current.Kind == TokenKind.Operator && Current.Text == op)
        {
            index++;
            return true;
        }

        return false;
    }

    private void Expect(string op)
    {
        if (!Accept(op))
        {
            throw Error($"expected '{op}'");
        }
    }

    private string Take(TokenKind kind) =>
        Current.Kind == kind ? tokens[index++].Text : throw Error($"expected {kind.ToString().ToLowerInvariant()}");

    private FormatException Error(string problem) =>
        new($"Route match '{text}': {problem} at position {Current.Position}.");
}
