using CaseFlow.Server.Integrity.Checkpoints;

namespace CaseFlow.Server.Tests.Integrity;

/// <summary>A checkpoint folder the <c>postgres</c> user could write (as a database superuser can make it do) is refused.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class CheckpointFolderGuardTests
{
    [Fact]
    public void a_folder_of_the_services_own_that_only_it_writes_is_accepted_and_one_others_write_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("caseflow-guard-").FullName;
        try
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            CheckpointFolderGuard.Refusal(folder).ShouldBeNull();

            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
            CheckpointFolderGuard.Refusal(folder).ShouldNotBeNull().ShouldContain("writable by its group or by others");

            CheckpointFolderGuard.Refusal(Path.Combine(folder, "missing")).ShouldNotBeNull().ShouldContain("does not exist");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void a_folder_the_postgres_user_owns_is_refused()
    {
        // ./ops/test runs its cluster as the postgres user, in a folder of that user's.
        var clusterFolder = Path.GetDirectoryName(Environment.GetEnvironmentVariable("CASEFLOW_TEST_PG_LOG")).ShouldNotBeNull();

        CheckpointFolderGuard.Refusal(clusterFolder).ShouldNotBeNull().ShouldContain("not to the service's user");
    }
}
