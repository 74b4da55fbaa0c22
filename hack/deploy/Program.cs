using Rp.Deploy;

// Writes the generated ARM template and its example parameters under the directory given (the
// repository's deploy/); the README there is written by hand and left alone.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: rp-deploy OUTPUT_DIR");
    return 2;
}

var root = Path.GetFullPath(args[0]);
Directory.CreateDirectory(root);
var files = DeployGenerator.Generate();
foreach (var file in files)
{
    File.WriteAllText(Path.Combine(root, file.Path), file.Content);
}

Console.WriteLine($"wrote {files.Count} files under {root}");
return 0;
