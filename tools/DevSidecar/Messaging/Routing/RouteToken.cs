using System.Globalization;
using System.Text;

namespace OrderPlatform.DevSidecar.Messaging.Routing;

internal enum TokenKind
{
    Identifier,
    String,
    Number,
    Operator,
    End,
}

internal readonly record struct RouteToken(TokenKind Kind, string Text, int Position);

/// <summary>Splits a route `match` expression into identifiers, string/number literals and operators.</summary>
internal static class RouteTokenizer
{
    private static readonly string[] Operators = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", ".", "[", "]"];

    public static List<RouteToken> Tokenize(string text)
    {
        var tokens = new List<RouteToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new RouteToken(TokenKind.Identifier, text[start..i], start));
            }
            else if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                var start = i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                _ = double.Parse(text[start..i], NumberStyles.Float, CultureInfo.InvariantCulture);
                tokens.Add(new RouteToken(TokenKind.Number, text[start..i], start));
            }
            else if (c is '"' or '\'')
            {
                var start = i;
                tokens.Add(new RouteToken(TokenKind.String, ReadString(text, ref i), start));
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0)
                    ?? throw new FormatException($"Unexpected '{c}' at position {i} in route match '{text}'.");
                tokens.Add(new RouteToken(TokenKind.Operator, op, i));
                i += op.Length;
            }
        }

        tokens.Add(new RouteToken(TokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    private static string ReadString(string text, ref int i)
    {
        var quote = text[i++];
        var value = new StringBuilder();
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            value.Append(text[i++]);
        }

        if (i >= text.Length)
        {
            throw new FormatException($"Unterminated string in route match '{text}'.");
        }

        i++;
        return value.ToString();
    }
}
