using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster: initdb into a fresh temporary directory, started by pg_ctl on a free loopback
/// port with durability switched off, stopped and deleted when the process exits.
/// </summary>
/// <remarks>
/// <para>
/// Layout: <c>&lt;temp&gt;/shopkernel-pg-&lt;user&gt;/&lt;random&gt;/</c> holds <c>data/</c> (the cluster),
/// <c>server.log</c>, the Unix socket and an <c>owner</c> file naming the process that started it.
/// </para>
/// <para>
/// PostgreSQL refuses to run as root. When the tests run as root, initdb and pg_ctl run as the OS user
/// <c>postgres</c> through <c>runuser</c>, the directory is handed to that user, and every folder above it
/// must be traversable by others.
/// </para>
/// <para>
/// Cleanup has two parts. <see cref="AppDomain.ProcessExit"/> (a normal exit, SIGTERM) runs
/// <c>pg_ctl stop -m immediate</c> and deletes the directory. That alone is not enough: the postmaster runs in a
/// session of its own, so it outlives a test host that is killed, and test runners do kill test hosts (vstest
/// waits about 100 ms for the host to exit after a run, then kills it, usually in the middle of the exit
/// handlers). So a <see cref="ClusterWatchdog"/>, a detached shell that notices when this process is gone,
/// does the same work from outside. On Windows there is no watchdog.
/// </para>
/// <para>
/// Limitation: when the watchdog dies too (killed by hand, the machine stops), the server and its directory
/// stay behind, holding a port and memory. The next cluster started from the same temp folder stops and
/// deletes every cluster there whose owner process is gone; by hand, run
/// <c>pg_ctl stop -m immediate -D &lt;dir&gt;/data</c> and delete the directory.
/// </para>
/// </remarks>
internal sealed class LocalPostgresCluster
{
    /// <summary>The OS user (and the cluster's superuser role) the server runs as when the tests run as root.</summary>
    public const string ServiceUser = "postgres";

    /// <summary>The superuser role initdb creates.</summary>
    public const string SuperUser = "postgres";

    private const string OwnerFileName = "owner";
    private const int StartAttempts = 3;
    private const int LogTailLines = 40;

    // A Unix socket path must fit in sockaddr_un.sun_path (107 bytes on Linux, 103 on macOS).
    private const int MaxSocketPathLength = 100;

    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90); // pg_ctl -t 60, plus slack
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan HelperTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan OwnerlessAbandonedAfter = TimeSpan.FromHours(1);

    private readonly Lock _stopLock = new();
    private ClusterWatchdog? _watchdog;
    private bool _stopped;

    private LocalPostgresCluster(PostgresBinaries binaries, bool runAsServiceUser, string rootDirectory)
    {
        Binaries = binaries;
        RunAsServiceUser = runAsServiceUser;
        RootDirectory = rootDirectory;
    }

    public PostgresBinaries Binaries { get; }

    /// <summary>True when the tests run as root and the server runs as <see cref="ServiceUser"/>.</summary>
    public bool RunAsServiceUser { get; }

    public string RootDirectory { get; }

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    public string LogFile => Path.Combine(RootDirectory, "server.log");

    public int Port { get; private set; }

    /// <summary>Whether a commit is acknowledged only once its WAL is written (see <see cref="StartAsync"/>).</summary>
    public bool DurableCommits { get; private init; }

    /// <summary>
    /// Crashes the server — an immediate shutdown: every connection cut, transactions in flight lost, as at a power
    /// cut — and starts it again on the same port after <paramref name="downFor"/>; it recovers from its WAL.
    /// </summary>
    /// <exception cref="InvalidOperationException">It could not be started again; the message carries the log's tail.</exception>
    public async Task CrashAndRestartAsync(TimeSpan downFor)
    {
        StopServer(DataDirectory, Binaries, RunAsServiceUser);
        await Task.Delay(downFor).ConfigureAwait(false);
        var logOffset = File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;
        var start = await PgCtlStartAsync(Port).ConfigureAwait(false);
        if (!start.Succeeded)
        {
            throw new InvalidOperationException(
                $"pg_ctl could not start the server again on port {Port}.\n{start.Describe()}--- server.log ---\n{ReadLogTail(logOffset)}");
        }
    }

    /// <summary>Makes, starts and registers the cleanup of a new cluster.</summary>
    /// <exception cref="InvalidOperationException">
    /// It could not be started; the message says why and carries the tail of the relevant output. Whatever was
    /// made is already removed.
    /// </exception>
    /// <param name="durableCommits">
    /// Acknowledge a commit only once its WAL is written (<c>synchronous_commit=on</c>), so that a crash of the server
    /// (<see cref="CrashAndRestartAsync"/>) keeps every acknowledged commit; the shared test server trades that for speed.
    /// </param>
    public static async Task<LocalPostgresCluster> StartAsync(bool durableCommits = false)
    {
        var binaries = PostgresBinaries.Find();
        var runAsServiceUser = await IsRootAsync().ConfigureAwait(false);
        if (runAsServiceUser)
        {
            await EnsureServiceUserExistsAsync().ConfigureAwait(false);
        }

        var baseDirectory = PrepareBaseDirectory(runAsServiceUser);
        RemoveAbandonedClusters(baseDirectory, binaries, runAsServiceUser);

        var cluster = new LocalPostgresCluster(binaries, runAsServiceUser, CreateRunDirectory(baseDirectory)) { DurableCommits = durableCommits };
        AppDomain.CurrentDomain.ProcessExit += cluster.OnProcessExit;
        cluster._watchdog = ClusterWatchdog.Start(
            binaries.PgCtl, cluster.DataDirectory, cluster.RootDirectory, runAsServiceUser ? ServiceUser : null);
        try
        {
            await cluster.InitializeAsync().ConfigureAwait(false);
            await cluster.StartServerAsync().ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            cluster.Stop();
            throw;
        }
    }

    /// <summary>The last lines of server.log, or a note saying why there are none.</summary>
    public string ReadLogTail(long fromOffset = 0)
    {
        try
        {
            using var stream = new FileStream(
                LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Min(fromOffset, stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = reader.ReadToEnd();
            return string.IsNullOrWhiteSpace(text) ? "(server.log is empty)" : ProcessRunner.Tail(text, LogTailLines);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"(server.log unreadable: {ex.Message})";
        }
    }

    /// <summary>Stops the server (immediate mode) and deletes the directory. Idempotent; never throws.</summary>
    public void Stop()
    {
        lock (_stopLock)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        StopServer(DataDirectory, Binaries, RunAsServiceUser);
        DeleteDirectory(RootDirectory);

        // Nothing is left for the watchdog to do; had this process been killed before this point, it would do it.
        _watchdog?.Release();
    }

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private async Task InitializeAsync()
    {
        if (RunAsServiceUser)
        {
            var chown = await ProcessRunner.RunAsync(
                "chown", ["-R", ServiceUser, RootDirectory], RootDirectory, HelperTimeout).ConfigureAwait(false);
            if (!chown.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Could not hand {RootDirectory} to the OS user '{ServiceUser}'.\n{chown.Describe()}");
            }
        }

        var initDb = await RunToolAsync(
            Binaries.InitDb,
            ["-D", DataDirectory, "--auth=trust", "-U", SuperUser, "--encoding=UTF8", "--no-locale", "--no-sync"],
            RootDirectory,
            RunAsServiceUser,
            InitDbTimeout).ConfigureAwait(false);
        if (!initDb.Succeeded)
        {
            throw new InvalidOperationException($"initdb failed.\n{initDb.Describe()}");
        }
    }

    private async Task StartServerAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FindFreePort();
            var logOffset = File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;
            var start = await PgCtlStartAsync(port).ConfigureAwait(false);
            if (start.Succeeded)
            {
                Port = port;
                return;
            }

            var log = ReadLogTail(logOffset);

            // The port was free a moment ago, but another process may have taken it since: try another one.
            if (attempt < StartAttempts && log.Contains("Address already in use", StringComparison.Ordinal))
            {
                StopServer(DataDirectory, Binaries, RunAsServiceUser);
                continue;
            }

            throw new InvalidOperationException(
                $"pg_ctl could not start the server{(start.TimedOut ? " in time" : string.Empty)}.\n"
                + $"{start.Describe()}--- server.log (last {LogTailLines} lines) ---\n{log}");
        }
    }

    /// <summary>pg_ctl start on <paramref name="port"/>, waiting until the server accepts connections.</summary>
    private Task<ProcessResult> PgCtlStartAsync(int port) =>
        RunToolAsync(
            Binaries.PgCtl,
            ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", ServerOptions(port), "start"],
            RootDirectory,
            RunAsServiceUser,
            StartTimeout);

    private string ServerOptions(int port)
    {
        var options = new StringBuilder();
        options.Append(CultureInfo.InvariantCulture, $"-p {port}");
        if (!OperatingSystem.IsWindows())
        {
            // pg_ctl hands these options to /bin/sh, hence the quoting. An empty list turns the Unix socket off
            // when the temp path is too long for one; TCP on 127.0.0.1 is what the tests use anyway.
            var socketPath = Path.Combine(RootDirectory, ".s.PGSQL." + port.ToString(CultureInfo.InvariantCulture));
            var socketDirectory = socketPath.Length <= MaxSocketPathLength ? RootDirectory : string.Empty;
            options.Append(" -k ").Append(ShellQuote(socketDirectory));
        }

        options.Append(" -c listen_addresses=127.0.0.1");
        options.Append(DurableCommits ? " -c fsync=off -c synchronous_commit=on" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        options.Append(" -c max_connections=300 -c shared_buffers=128MB");
        return options.ToString();
    }

    private static Task<ProcessResult> RunToolAsync(
        string tool,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        bool runAsServiceUser,
        TimeSpan timeout) =>
        runAsServiceUser
            ? ProcessRunner.RunAsync("runuser", ["-u", ServiceUser, "--", tool, .. arguments], workingDirectory, timeout)
            : ProcessRunner.RunAsync(tool, arguments, workingDirectory, timeout);

    private static async Task<bool> IsRootAsync()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        if (string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            return true;
        }

        try
        {
            var id = await ProcessRunner.RunAsync("id", ["-u"], Environment.CurrentDirectory, HelperTimeout)
                .ConfigureAwait(false);
            return id.Succeeded && string.Equals(id.StandardOutput.Trim(), "0", StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task EnsureServiceUserExistsAsync()
    {
        var id = await ProcessRunner.RunAsync("id", ["-u", ServiceUser], Environment.CurrentDirectory, HelperTimeout)
            .ConfigureAwait(false);
        if (!id.Succeeded)
        {
            throw new InvalidOperationException(
                $"The tests run as root, and PostgreSQL refuses to run as root, so the server would run as the OS "
                + $"user '{ServiceUser}' (through runuser), but that user does not exist. Create it (installing the "
                + $"postgresql package does), or run the tests as a non-root user.\n{id.Describe()}");
        }
    }

    /// <summary>
    /// <c>&lt;temp&gt;/shopkernel-pg-&lt;user&gt;</c>, shared by this user's test runs so that leftovers of killed
    /// runs can be found. When the server runs as another user, it and every folder above it must be traversable.
    /// </summary>
    private static string PrepareBaseDirectory(bool runAsServiceUser)
    {
        var temp = Path.GetFullPath(Path.GetTempPath());
        var user = new string(Environment.UserName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        var baseDirectory = Path.Combine(temp, "shopkernel-pg-" + user);
        Directory.CreateDirectory(baseDirectory);

        if (runAsServiceUser && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(
                baseDirectory,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

            for (var directory = new DirectoryInfo(temp); directory is not null; directory = directory.Parent)
            {
                if ((directory.UnixFileMode & UnixFileMode.OtherExecute) == 0)
                {
                    throw new InvalidOperationException(
                        $"The server runs as the OS user '{ServiceUser}', which cannot reach {baseDirectory}: "
                        + $"{directory.FullName} is not traversable by other users (no o+x). Point TMPDIR at a "
                        + "directory whose every parent is traversable (e.g. chmod o+x), or run the tests as a non-root user.");
                }
            }
        }

        return baseDirectory;
    }

    private static string CreateRunDirectory(string baseDirectory)
    {
        string path;
        do
        {
            path = Path.Combine(baseDirectory, Path.GetRandomFileName().Replace(".", string.Empty, StringComparison.Ordinal)[..8]);
        }
        while (Directory.Exists(path));

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using var self = Process.GetCurrentProcess();
        File.WriteAllText(
            Path.Combine(path, OwnerFileName),
            string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId} {self.StartTime.ToUniversalTime().Ticks}"));
        return path;
    }

    /// <summary>Stops and deletes the clusters in <paramref name="baseDirectory"/> whose owner process is gone.</summary>
    private static void RemoveAbandonedClusters(string baseDirectory, PostgresBinaries binaries, bool runAsServiceUser)
    {
        string[] directories;
        try
        {
            directories = Directory.GetDirectories(baseDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var directory in directories.Where(IsAbandoned))
        {
            StopServer(Path.Combine(directory, "data"), binaries, runAsServiceUser);
            DeleteDirectory(directory);
        }
    }

    private static bool IsAbandoned(string directory)
    {
        string owner;
        try
        {
            owner = File.ReadAllText(Path.Combine(directory, OwnerFileName));
        }
        catch (FileNotFoundException)
        {
            // A run writes its owner file right after making the directory: an old one without it is debris.
            return DateTime.UtcNow - Directory.GetLastWriteTimeUtc(directory) > OwnerlessAbandonedAfter;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        var parts = owner.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var startTicks))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            // The same id with another start time is a different, later process.
            var started = process.StartTime.ToUniversalTime().Ticks;
            return Math.Abs(started - startTicks) > TimeSpan.TicksPerSecond * 2;
        }
        catch (ArgumentException)
        {
            return true; // No such process.
        }
        catch (InvalidOperationException)
        {
            return true; // Exited while being looked at.
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false; // Cannot tell: leave it alone.
        }
    }

    /// <summary>Immediate shutdown of the server on <paramref name="dataDirectory"/>, if one runs. Never throws.</summary>
    private static void StopServer(string dataDirectory, PostgresBinaries binaries, bool runAsServiceUser)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }

        try
        {
            var workingDirectory = Path.GetDirectoryName(dataDirectory) ?? dataDirectory;
            var stop = RunToolAsync(
                    binaries.PgCtl,
                    ["-D", dataDirectory, "-m", "immediate", "-w", "-t", "20", "stop"],
                    workingDirectory,
                    runAsServiceUser,
                    StopTimeout)
                .GetAwaiter().GetResult();
            if (stop.Succeeded || !File.Exists(pidFile))
            {
                return;
            }
        }
        catch (InvalidOperationException)
        {
            // pg_ctl or runuser could not be started: fall through to killing the postmaster.
        }

        KillPostmaster(pidFile);
    }

    /// <summary>Last resort: the first line of postmaster.pid is the postmaster's process id.</summary>
    private static void KillPostmaster(string pidFile)
    {
        try
        {
            var firstLine = File.ReadLines(pidFile).FirstOrDefault();
            if (!int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var processId))
            {
                return;
            }

            using var process = Process.GetProcessById(processId);
            if (process.ProcessName.Contains("postgres", StringComparison.OrdinalIgnoreCase))
            {
                process.Kill();
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException
            or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Gone already, or not ours to stop.
        }
    }

    private static void DeleteDirectory(string directory)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }

                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A just-stopped server may still be closing files.
                Thread.Sleep(200 * attempt);
            }
        }
    }

    private static int FindFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
