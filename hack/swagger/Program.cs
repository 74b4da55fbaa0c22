using Rp.Swagger;

// Writes the generated swagger files under the directory given (the repository's swagger/), and
// removes the files there that generation no longer makes, so the tree is exactly a generation.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: rp-swagger OUTPUT_DIR");
    return 2;
}

var root = Path.GetFullPath(args[0]);
var files = SwaggerGenerator.Generate();
var wanted = files.Select(f => Path.GetFullPath(Path.Combine(root, f.Path))).ToHashSet(StringComparer.Ordinal);
var specification = Path.Combine(root, "specification");
if (Directory.Exists(specification))
{
    foreach (var stale in Directory.EnumerateFiles(specification, "*", SearchOption.AllDirectories).Where(f => !wanted.Contains(f)))
    {
        File.Delete(stale);
    }
}

foreach (var file in files)
{
    var path = Path.Combine(root, file.Path);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, file.Content);
}

Console.WriteLine($"wrote {files.Count} files under {root}");
return 0;
