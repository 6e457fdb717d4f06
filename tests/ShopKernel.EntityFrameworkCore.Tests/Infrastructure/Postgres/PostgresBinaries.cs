namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>The PostgreSQL server programs a throwaway cluster is made and run with.</summary>
internal sealed record PostgresBinaries(string InitDb, string PgCtl, string Postgres)
{
    /// <summary>Where Debian and Ubuntu install the server, one folder per major version.</summary>
    public const string DistributionRoot = "/usr/lib/postgresql";

    public string BinDirectory => Path.GetDirectoryName(PgCtl) ?? PgCtl;

    /// <summary>
    /// A client program of the same installation (e.g. <c>pg_dump</c>): beside pg_ctl, or beside what pg_ctl links to
    /// (a PATH entry may link the server programs only).
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither folder has it; the message names both.</exception>
    public string Client(string program)
    {
        var linked = new FileInfo(PgCtl).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        string[] directories = [BinDirectory, .. linked is null ? Array.Empty<string>() : [Path.GetDirectoryName(linked)!]];
        return directories.Select(d => Path.Combine(d, ExecutableName(program))).FirstOrDefault(IsExecutable)
            ?? throw new InvalidOperationException($"No {program} found beside pg_ctl in {string.Join(" or ", directories)}.");
    }

    /// <summary>
    /// initdb, pg_ctl and postgres from PATH when all three are there, otherwise the highest version under
    /// <see cref="DistributionRoot"/>/*/bin that has all three.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither place has them; the message lists what was searched.</exception>
    public static PostgresBinaries Find()
    {
        var onPath = FromPath();
        if (onPath is not null)
        {
            return onPath;
        }

        var versioned = VersionedBinDirectories();
        foreach (var directory in versioned)
        {
            var found = FromDirectory(directory);
            if (found is not null)
            {
                return found;
            }
        }

        var searched = versioned.Count == 0
            ? $"{DistributionRoot}/*/bin (no version folders)"
            : string.Join(", ", versioned);
        throw new InvalidOperationException(
            $"No PostgreSQL server binaries found: initdb, pg_ctl and postgres are neither all on PATH nor in {searched}.");
    }

    private static PostgresBinaries? FromPath()
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? Locate(string program) => directories
            .Select(directory => Path.Combine(directory, ExecutableName(program)))
            .FirstOrDefault(IsExecutable);

        var initDb = Locate("initdb");
        var pgCtl = Locate("pg_ctl");
        var postgres = Locate("postgres");
        return initDb is null || pgCtl is null || postgres is null ? null : new PostgresBinaries(initDb, pgCtl, postgres);
    }

    private static PostgresBinaries? FromDirectory(string directory)
    {
        var initDb = Path.Combine(directory, ExecutableName("initdb"));
        var pgCtl = Path.Combine(directory, ExecutableName("pg_ctl"));
        var postgres = Path.Combine(directory, ExecutableName("postgres"));
        return IsExecutable(initDb) && IsExecutable(pgCtl) && IsExecutable(postgres)
            ? new PostgresBinaries(initDb, pgCtl, postgres)
            : null;
    }

    /// <summary><see cref="DistributionRoot"/>/&lt;version&gt;/bin, highest version first.</summary>
    private static List<string> VersionedBinDirectories()
    {
        if (!Directory.Exists(DistributionRoot))
        {
            return [];
        }

        return Directory.EnumerateDirectories(DistributionRoot)
            .Select(directory => (Version: ParseVersion(Path.GetFileName(directory)), Bin: Path.Combine(directory, "bin")))
            .Where(candidate => candidate.Version is not null)
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .ToList();
    }

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version : null;

    private static string ExecutableName(string program) => OperatingSystem.IsWindows() ? program + ".exe" : program;

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        try
        {
            // Follows symbolic links; a dangling one throws.
            return (File.GetUnixFileMode(path) & anyExecute) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
