using System.Diagnostics;

namespace CaseFlow.Server.Integrity.Checkpoints;

/// <summary>
/// A PostgreSQL superuser can write files as the <c>postgres</c> operating-system user (<c>COPY ... TO</c>,
/// <c>pg_write_server_files</c>), so checkpoints are only evidence where that user cannot write: the folder must belong
/// to the service's own user (not <c>postgres</c>) and be writable by nobody else.
/// </summary>
public static class CheckpointFolderGuard
{
    /// <summary>Why <paramref name="folder"/> cannot hold checkpoints, or null when it can.</summary>
    public static string? Refusal(string folder)
    {
        if (!OperatingSystem.IsLinux())
            return "checkpoint folders are checked on Linux only";
        if (!Directory.Exists(folder))
            return $"the checkpoint folder {folder} does not exist";
        var owner = Stat("%u", folder);
        var self = Id("-u");
        var postgres = Id("-u", "postgres");
        if (owner != self)
            return $"the checkpoint folder {folder} belongs to uid {owner}, not to the service's user (uid {self})";
        if (postgres is not null && postgres == self)
            return "the service runs as the postgres user, which a database superuser can act as";
        var mode = File.GetUnixFileMode(folder);
        if ((mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
            return $"the checkpoint folder {folder} is writable by its group or by others";
        return null;
    }

    private static string? Stat(string format, string path) => Run("stat", "-c", format, path);

    private static string? Id(params string[] arguments) => Run("id", arguments);

    private static string? Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : null;
    }
}
