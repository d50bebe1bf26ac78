using OrderPlatform.PlatformLauncher;

// `dotnet run --project tools/DevToken -- alice` prints a token for the customer "alice";
// `-- ops-1 --operator` one with the Orders.Operator app role. Valid 8 hours, against a platform in Development only.
if (args.Length is < 1 or > 2 || args[0].StartsWith('-') || (args.Length == 2 && args[1] != "--operator"))
{
    await Console.Error.WriteLineAsync("usage: dotnet run --project tools/DevToken -- <caller-id> [--operator]");
    return 2;
}

var issuer = DevTokenIssuer.Load(RepoPaths.FindRoot(Directory.GetCurrentDirectory()));
Console.WriteLine(args.Length == 2 ? issuer.CreateOperator(args[0]) : issuer.Create(args[0]));
return 0;
