global using System.Text.Json.Nodes;
global using OrderPlatform.Infra.Tests.Support;
