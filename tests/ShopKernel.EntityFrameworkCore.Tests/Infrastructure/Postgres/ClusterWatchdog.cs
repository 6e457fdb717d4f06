using System.ComponentModel;
using System.Diagnostics;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// A detached shell that stops a cluster's server and deletes its directory once this process is gone, however
/// it ends: normal exit, SIGKILL, or a test runner killing the test host before its exit handlers are done.
/// </summary>
/// <remarks>
/// The shell blocks reading a pipe whose only write end this process holds. The kernel closes it when the
/// process ends (or <see cref="Release"/> closes it), the read sees end of file, and the shell runs
/// <c>pg_ctl stop -m immediate</c> (through runuser when the server runs as another user) and <c>rm -rf</c>.
/// It runs in the background of a shell that exits at once, so it is nobody's child and survives a kill of the
/// test host's process tree; it ignores SIGINT and SIGHUP so that Ctrl+C in a terminal does not take it along.
/// Unix only.
/// </remarks>
internal sealed class ClusterWatchdog
{
    private const string Script = """
        trap '' HUP INT
        exec 3<&0 </dev/null >/dev/null 2>&1
        (
          while read -r _ <&3; do :; done
          exec 3<&-
          if [ -f "$2/postmaster.pid" ]; then
            if [ -n "$4" ]; then
              runuser -u "$4" -- "$1" -D "$2" -m immediate -w -t 20 stop
            else
              "$1" -D "$2" -m immediate -w -t 20 stop
            fi
            if [ -f "$2/postmaster.pid" ]; then
              kill -KILL "$(head -n 1 "$2/postmaster.pid")"
            fi
          fi
          rm -rf -- "$3"
        ) &
        """;

    private readonly Process _shell;

    private ClusterWatchdog(Process shell)
    {
        _shell = shell;
    }

    /// <summary>Starts the watchdog, or returns null where there is none (Windows, or no sh on PATH).</summary>
    /// <param name="pgCtl">pg_ctl to stop the server with.</param>
    /// <param name="dataDirectory">The cluster's data directory.</param>
    /// <param name="rootDirectory">The directory to delete (holds the data directory).</param>
    /// <param name="serviceUser">The OS user to run pg_ctl as, or null to run it as this process's user.</param>
    public static ClusterWatchdog? Start(string pgCtl, string dataDirectory, string rootDirectory, string? serviceUser)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var startInfo = new ProcessStartInfo("sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(rootDirectory) ?? rootDirectory,
        };
        string[] arguments = ["-c", Script, "shopkernel-pg-watchdog", pgCtl, dataDirectory, rootDirectory, serviceUser ?? string.Empty];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            var shell = Process.Start(startInfo);
            return shell is null ? null : new ClusterWatchdog(shell);
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Lets the watchdog run its cleanup now (a no-op when it has been done already).</summary>
    public void Release()
    {
        try
        {
            _shell.StandardInput.Dispose();
        }
        catch (IOException)
        {
            // The watchdog is gone already.
        }

        _shell.Dispose();
    }
}
