using System.Text;

namespace ShopKernel.Samples.Web.Shop;

/// <summary>
/// <c>dotnet run --project samples/ShopKernel.Samples.Web -- hash-password</c>: reads a password from standard input
/// (typed without echo, or piped) and prints its hash for <c>Sample:Staff:{userName}:PasswordHash</c>. The password is
/// never an argument, so it stays out of the shell's history and the process list.
/// </summary>
public static class HashPasswordCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 1)
        {
            Console.Error.WriteLine("Usage: hash-password   (then type the password, or pipe it in; it is never an argument)");
            return 2;
        }

        string? password;
        if (Console.IsInputRedirected)
        {
            password = Console.In.ReadLine();
        }
        else
        {
            Console.Error.Write("Password: ");
            password = ReadHidden();
            Console.Error.Write("Again: ");
            if (ReadHidden() != password)
            {
                Console.Error.WriteLine("The two passwords differ; nothing was hashed.");
                return 1;
            }
        }

        var hashed = SampleSettings.HashPassword(password);
        if (!hashed.TryGetValue(out var hash))
        {
            Console.Error.WriteLine($"Not hashed: {hashed.Error!.Description}");
            return 1;
        }

        Console.Out.WriteLine(hash);
        return 0;
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                text.Length = Math.Max(0, text.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return text.ToString();
    }
}
