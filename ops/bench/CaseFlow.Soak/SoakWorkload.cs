using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using CaseFlow.Client;
using CaseFlow.Domain.Agreements;
using CaseFlow.Server.ReferenceData;
using CaseFlow.Server.Security;

namespace CaseFlow.Soak;

/// <summary>
/// Mixed traffic at steady rates, each request sent at its scheduled time whatever the earlier ones are doing: a
/// jail books new cases; its field office's supervisor reads the summary of a case booked in this run and the review
/// queue's first page; an analyst reads the agency's fiscal-year statistics. Each caller is the kit's client with its
/// own renewing token. A request is an error when its final answer (after the client's retries of retryable
/// problems) is not a success, or it failed; errors are counted by request kind and status, never by identifier.
/// </summary>
public sealed class SoakWorkload : IDisposable
{
    private const string Ori = "TX0790000";

    private readonly SoakOptions _options;
    private readonly AgreementSigned _agreement = AgreementCatalog.Load().First(a => a.Ori == Ori);
    private readonly RenewingToken[] _tokens;
    private readonly HttpClient _jail, _supervisor, _analyst;
    private readonly ConcurrentBag<Guid> _booked = [];
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private readonly List<Task> _inFlight = [];
    private int _bookings, _reads;

    public SoakWorkload(SoakOptions options)
    {
        _options = options;
        RenewingToken Token(Func<List<System.Security.Claims.Claim>> claims) => new(claims, options.SigningKey, options.TokenLifetime, TimeProvider.System);
        _tokens =
        [
            Token(() => DevelopmentTokens.Claims(Roles.ScreeningSystem, $"soak-jail-{Ori}", ori: Ori)),
            Token(() => DevelopmentTokens.Claims(Roles.Supervisor, "soak-supervisor", fieldOffice: _agreement.FieldOfficeCode)),
            Token(() => DevelopmentTokens.Claims(Roles.Analyst, "soak-analyst")),
        ];
        (_jail, _supervisor, _analyst) = (Client(_tokens[0]), Client(_tokens[1]), Client(_tokens[2]));
    }

    public int Bookings => _bookings;

    public int Reads => _reads;

    public int TokensMinted => _tokens.Sum(t => t.Minted);

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public int ErrorCount => _errors.Values.Sum();

    /// <summary>
    /// Sends until <paramref name="stop"/>, then waits for every request still on its way. The schedule ends at the
    /// run's duration: a tick that comes late, past it, sends what was due up to the end and nothing after.
    /// </summary>
    public async Task Run(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        long booked = 0, read = 0;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!stop.IsCancellationRequested && await tick.WaitForNextTickAsync(CancellationToken.None))
        {
            var seconds = Math.Min(clock.Elapsed.TotalSeconds, _options.Duration.TotalSeconds);
            for (; booked < (long)(seconds * _options.BookingsPerSecond); booked++)
                _inFlight.Add(Book());
            for (; read < (long)(seconds * _options.ReadsPerSecond); read++)
                _inFlight.Add(Read(read));
            _inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(_inFlight);
    }

    private async Task Book()
    {
        await Send("POST /api/bookings", () => _jail.PostAsync("/api/bookings", BookingBodies.NewBody(_agreement.Model.ToString())),
            async content => _booked.Add((await content.ReadFromJsonAsync<BookingAnswer>())!.Id));
        Interlocked.Increment(ref _bookings);
    }

    private async Task Read(long n)
    {
        var kind = n % 3;
        var cases = _booked.ToArray();
        if (kind == 0 && cases.Length > 0)
            await Send("GET /api/cases/{id}", () => _supervisor.GetAsync($"/api/cases/{cases[Random.Shared.Next(cases.Length)]}"));
        else if (kind == 2)
            await Send("GET /api/statistics/jurisdictions/{ori}", () => _analyst.GetAsync($"/api/statistics/jurisdictions/{Ori}?fy={FiscalYear()}"));
        else
            await Send("GET /api/queues/review", () => _supervisor.GetAsync("/api/queues/review?limit=50"));
        Interlocked.Increment(ref _reads);
    }

    private async Task Send(string kind, Func<Task<HttpResponseMessage>> request, Func<HttpContent, Task>? read = null)
    {
        try
        {
            using var answer = await request();
            if (!answer.IsSuccessStatusCode)
                _errors.AddOrUpdate($"{kind} {(int)answer.StatusCode}", 1, (_, n) => n + 1);
            else
                await (read?.Invoke(answer.Content) ?? answer.Content.ReadAsByteArrayAsync());
        }
        catch (Exception e)
        {
            _errors.AddOrUpdate($"{kind} {e.GetType().Name}", 1, (_, n) => n + 1);
        }
    }

    private static int FiscalYear() => DateTime.UtcNow.Month >= 10 ? DateTime.UtcNow.Year + 1 : DateTime.UtcNow.Year;

    private HttpClient Client(RenewingToken token) => CaseFlowClient.CreateHttpClient(_options.CaseFlow, token.Current);

    public void Dispose()
    {
        _jail.Dispose();
        _supervisor.Dispose();
        _analyst.Dispose();
    }

    private sealed record BookingAnswer(Guid Id);
}
