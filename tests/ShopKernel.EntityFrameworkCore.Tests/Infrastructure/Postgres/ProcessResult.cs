using System.Globalization;
using System.Text;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>What a finished (or killed) child process printed and how it ended.</summary>
internal sealed record ProcessResult(
    string CommandLine,
    int ExitCode,
    bool TimedOut,
    string StandardOutput,
    string StandardError,
    TimeSpan Elapsed)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The command, how it ended and the tails of both streams, for failure messages.</summary>
    public string Describe(int tailLines = 40)
    {
        var text = new StringBuilder();
        text.Append("$ ").AppendLine(CommandLine);
        text.AppendLine(TimedOut
            ? string.Create(CultureInfo.InvariantCulture, $"timed out after {Elapsed.TotalSeconds:0.#} s and was killed")
            : string.Create(CultureInfo.InvariantCulture, $"exit code {ExitCode} after {Elapsed.TotalSeconds:0.##} s"));
        AppendStream(text, "stderr", StandardError, tailLines);
        AppendStream(text, "stdout", StandardOutput, tailLines);
        return text.ToString();
    }

    private static void AppendStream(StringBuilder text, string name, string content, int tailLines)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            text.Append("--- ").Append(name).AppendLine(": (empty) ---");
            return;
        }

        text.Append("--- ").Append(name).Append(" (last ")
            .Append(tailLines.ToString(CultureInfo.InvariantCulture)).AppendLine(" lines) ---");
        text.AppendLine(ProcessRunner.Tail(content, tailLines));
    }
}
