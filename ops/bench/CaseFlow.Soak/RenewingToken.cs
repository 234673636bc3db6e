using CaseFlow.Server.Security;

namespace CaseFlow.Soak;

/// <summary>
/// A caller's bearer token as an identity provider's client keeps it: minted for a short lifetime, reused while it
/// lasts, and renewed once less than a quarter of its life is left (never sent expired, so the server's clock skew
/// allowance is never what keeps it valid).
/// </summary>
public sealed class RenewingToken(Func<List<System.Security.Claims.Claim>> claims, byte[] key, TimeSpan lifetime, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private string _token = "";
    private DateTimeOffset _renewAt = DateTimeOffset.MinValue;

    public int Minted { get; private set; }

    public ValueTask<string> Current(CancellationToken _)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now >= _renewAt)
            {
                _token = DevelopmentTokens.Mint(claims(), key, now.UtcDateTime, now.UtcDateTime + lifetime);
                _renewAt = now + lifetime * 0.75;
                Minted++;
            }

            return ValueTask.FromResult(_token);
        }
    }
}
