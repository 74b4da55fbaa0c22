using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rp.Bench.Driver;

/// <summary>A probe's figures: one JSON object per file in the run's results directory.</summary>
internal static class Results
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(string path, JsonObject figures)
    {
        File.WriteAllText(path, figures.ToJsonString(Indented) + "\n");
        Console.WriteLine($"   {Path.GetFileNameWithoutExtension(path)}: {figures.ToJsonString()}");
    }

    public static JsonObject? Read(string directory, string name)
    {
        var path = Path.Combine(directory, name + ".json");
        return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject : null;
    }

    public static double Round(double value, int digits = 2) => Math.Round(value, digits);
}
