using CaseFlow.Demo.Plan;

namespace CaseFlow.Demo.Loader.Tests;

/// <summary><see cref="TinyYear"/> loaded once into a database of its own, for the tests that read what the load left.</summary>
public sealed class LoadedTinyYear : IAsyncLifetime
{
    public static readonly DemoSettings Settings = new(7, 0.001);

    public DemoTestDatabase Database { get; private set; } = null!;

    public LoadResult Result { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await DemoTestDatabase.Create();
        Result = await Load();
    }

    public Task<LoadResult> Load() => DemoLoader.Load(Database.ConnectionString, new TinyYear(), Settings, writers: 4, window: TimeSpan.Zero, DemoTestDatabase.Configure);

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
