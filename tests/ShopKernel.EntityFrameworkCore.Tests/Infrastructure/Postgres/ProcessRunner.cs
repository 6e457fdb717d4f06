using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// Runs a child process to completion: standard input closed, standard output and error read asynchronously
/// (so a chatty child never blocks on a full pipe), and killed when it outlives its timeout.
/// </summary>
internal static class ProcessRunner
{
    private static readonly TimeSpan DrainAfterKill = TimeSpan.FromSeconds(5);

    /// <summary>Runs a program to its end or its timeout; <c>environment</c> sets variables for it (a null value unsets one it would inherit).</summary>
    /// <exception cref="InvalidOperationException">The executable could not be started at all.</exception>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Messages are matched and shown in failure reports: keep them untranslated.
        startInfo.Environment["LC_ALL"] = "C";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        var commandLine = string.Join(' ', arguments.Select(QuoteForDisplay).Prepend(QuoteForDisplay(fileName)));
        var standardOutput = new StringBuilder();
        var standardError = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => AppendLine(standardOutput, e.Data);
        process.ErrorDataReceived += (_, e) => AppendLine(standardError, e.Data);

        var stopwatch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not run '{fileName}': {ex.Message}", ex);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timedOut = false;
        using (var cancellation = new CancellationTokenSource(timeout))
        {
            try
            {
                // Completes once the process has exited and both streams reached end of file.
                await process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
            }
        }

        if (timedOut)
        {
            Kill(process);
            using var drain = new CancellationTokenSource(DrainAfterKill);
            try
            {
                await process.WaitForExitAsync(drain.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // A grandchild may still hold the pipes open; report what was read so far.
            }
        }

        stopwatch.Stop();
        return new ProcessResult(
            commandLine,
            process.HasExited ? process.ExitCode : -1,
            timedOut,
            Snapshot(standardOutput),
            Snapshot(standardError),
            stopwatch.Elapsed);
    }

    /// <summary>The last <paramref name="maxLines"/> non-trailing lines of <paramref name="text"/>.</summary>
    public static string Tail(string text, int maxLines)
    {
        var lines = text.TrimEnd().Split('\n');
        var tail = lines.Length <= maxLines ? lines : lines[^maxLines..];
        return string.Join('\n', tail.Select(line => line.TrimEnd('\r')));
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited in the meantime.
        }
        catch (Win32Exception)
        {
            // Not ours to kill any more; the timeout is reported either way.
        }
    }

    private static void AppendLine(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }

    private static string QuoteForDisplay(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'')
            ? argument
            : "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
