using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Testing;

namespace ShopKernel.Samples.Web.Tests;

/// <summary>
/// The packages as a host gets them: packed from a clone of the repository in a folder under one named <c>src</c>
/// (what ships is the projects' decision, never the path's), versioned from git, and a host outside the repository
/// built against them runs the main job.
/// </summary>
public sealed partial class PackageTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private static readonly string[] Shipped = ["ShopKernel", "ShopKernel.AspNetCore", "ShopKernel.EntityFrameworkCore"];

    /// <summary>MSBuild and test-host settings of this process that must not leak into the builds it starts.</summary>
    private static readonly Dictionary<string, string?> CleanBuildEnvironment = new()
    {
        ["MSBuildExtensionsPath"] = null,
        ["MSBuildSDKsPath"] = null,
        ["MSBUILD_EXE_PATH"] = null,
        ["MSBuildLoadMicrosoftTargetsReadOnly"] = null,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    private readonly string _root = Directory.CreateTempSubdirectory("shopkernel-pack-").FullName;

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    [Fact]
    public async Task A_clone_under_a_folder_named_src_packs_the_libraries_at_a_version_from_git_and_a_host_runs_on_them()
    {
        var repository = Repository.Root();
        var clone = Path.Combine(_root, "src", "shopkernel");
        await CloneAsync(repository, clone);

        // Only the libraries under src/ are packable, wherever the clone sits.
        var projects = (await RunAsync(Dotnet, ["sln", Path.Combine(clone, "ShopKernel.sln"), "list"], clone)).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.EndsWith(".csproj", StringComparison.Ordinal))
            .ToList();
        Assert.True(projects.Count >= 6, $"dotnet sln list named {projects.Count} projects");
        var packable = new List<string>();
        foreach (var project in projects)
        {
            var evaluated = await RunAsync(Dotnet, ["msbuild", Path.Combine(clone, project), "-getProperty:IsPackable"], clone);
            if (bool.Parse(evaluated.StandardOutput.Trim()))
            {
                packable.Add(Path.GetFileNameWithoutExtension(project));
            }
        }

        Assert.Equal(Shipped, packable.Order(StringComparer.Ordinal));

        // The version comes from git: a commit more is a version more, so a package cache never serves another commit's copy.
        var version = await VersionAsync(clone);
        Assert.Matches(SemanticVersion(), version);
        Assert.NotEqual("0.1.0", version);
        await RunAsync("git", ["-C", clone, "-c", "user.name=Packager", "-c", "user.email=packager@example.com", "commit", "--quiet", "--allow-empty", "-m", "One more commit"], _root);
        var next = await VersionAsync(clone);
        Assert.NotEqual(version, next);

        var feed = Path.Combine(_root, "feed");
        foreach (var name in Shipped)
        {
            await RunAsync(Dotnet, ["pack", Path.Combine(clone, "src", name, name + ".csproj"), "-c", "Release", "-o", feed, "--disable-build-servers", "-nodeReuse:false"], clone);
        }

        var packages = Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Shipped.Select(name => $"{name}.{next}.nupkg"), packages);
        using (var efPackage = ZipFile.OpenRead(Path.Combine(feed, $"ShopKernel.EntityFrameworkCore.{next}.nupkg")))
        {
            Assert.Contains(efPackage.Entries, e => e.FullName == "README.md");
            var nuspec = efPackage.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var stream = nuspec.Open();
            var dependency = XDocument.Load(stream).Descendants().Single(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "ShopKernel");
            Assert.Equal(next, (string?)dependency.Attribute("version"));
        }

        // A host outside the repository: the console sample's code, referencing the packages instead of the projects.
        var host = Path.Combine(_root, "host");
        Directory.CreateDirectory(host);
        foreach (var source in Directory.GetFiles(Path.Combine(clone, "samples", "ShopKernel.Samples.Console"), "*.cs"))
        {
            File.Copy(source, Path.Combine(host, Path.GetFileName(source)));
        }

        var efVersion = XDocument.Load(Path.Combine(clone, "Directory.Packages.props")).Descendants("MicrosoftExtensionsVersion").Single().Value;
        await File.WriteAllTextAsync(Path.Combine(host, "Host.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RootNamespace>ShopKernel.Samples.ConsoleApp</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ShopKernel.EntityFrameworkCore" Version="{next}" />
                <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="{efVersion}" />
                <PackageReference Include="Microsoft.Extensions.Hosting" Version="{efVersion}" />
              </ItemGroup>
            </Project>
            """);
        // The packed folder beside the machine's own package source (nothing cleared).
        await File.WriteAllTextAsync(Path.Combine(host, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="packed" value="../feed" />
              </packageSources>
            </configuration>
            """);
        await RunAsync(Dotnet, ["build", host, "-c", "Release", "--disable-build-servers", "-nodeReuse:false"], host);

        var run = await RunAsync(Dotnet, [Path.Combine(host, "bin", "Release", "net10.0", "Host.dll"), Path.Combine(_root, "shop.db")], host);
        Assert.Contains("a double click returns the same order: True", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Erased: profile True", run.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>
    /// A clone of the repository's history; for a copy of the sources without one (an archive), the sources copied
    /// and committed once in a new repository, so that the version still comes from git.
    /// </summary>
    private async Task CloneAsync(string repository, string clone)
    {
        if (Path.Exists(Path.Combine(repository, ".git")))
        {
            await RunAsync("git", ["clone", "--quiet", "--no-hardlinks", repository, clone], _root);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(repository, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(repository, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "TestResults" or "BenchmarkDotNet.Artifacts" or "artifacts"))
            {
                continue;
            }

            var target = Path.Combine(clone, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        await RunAsync("git", ["init", "--quiet", clone], _root);
        await RunAsync("git", ["-C", clone, "add", "--all"], _root);
        await RunAsync("git", ["-C", clone, "-c", "user.name=Packager", "-c", "user.email=packager@example.com", "commit", "--quiet", "-m", "The sources"], _root);
    }

    /// <summary>The version MinVer gives the core library of <paramref name="clone"/> at its current commit.</summary>
    private static async Task<string> VersionAsync(string clone) =>
        (await RunAsync(Dotnet, ["msbuild", Path.Combine(clone, "src", "ShopKernel", "ShopKernel.csproj"), "-restore", "-t:MinVer", "-getProperty:Version"], clone))
            .StandardOutput.Trim().Split('\n')[^1].Trim();

    private static async Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, string directory)
    {
        var result = await ProcessRunner.RunAsync(program, arguments, directory, Step, CleanBuildEnvironment);
        Assert.True(result.Succeeded, result.Describe());
        return result;
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$")]
    private static partial Regex SemanticVersion();
}
