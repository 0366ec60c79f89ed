using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Storage;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Testing;

/// <summary>
/// What every <see cref="INotificationLedger"/> must do: the suite the library's own stores pass (in-memory, SQLite,
/// PostgreSQL). Derive a test class and return a ledger over empty storage from <see cref="CreateAsync"/>; a second
/// call must reach the same storage, as a second host would.
/// </summary>
public abstract class NotificationLedgerContract
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 2, 8, 0);
    private static readonly Duration Lease = Duration.FromMinutes(15);

    /// <summary>The running test's cancellation token.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A ledger over the storage under test; each call of one test reaches the same storage.</summary>
    /// <returns>The ledger.</returns>
    protected abstract Task<INotificationLedger> CreateAsync();

    /// <summary>The first claim wins; a second claimant is refused while the lease holds, and the entry reads back.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Claim_IsExclusiveWhileTheLeaseHolds()
    {
        var ledger = await CreateAsync();
        const string key = "964123454|AnnualReportDue|barnehage/2026|2027-04-01@30|kontakt@heim.kommune.no";

        (await ledger.TryClaimAsync(key, "host-a", Now, Lease, Ct)).Should().BeTrue();
        (await ledger.TryClaimAsync(key, "host-b", Now + Duration.FromMinutes(14), Lease, Ct)).Should().BeFalse();
        (await ledger.TryClaimAsync(key, "host-a", Now + Duration.FromMinutes(1), Lease, Ct)).Should().BeFalse("a claim is not taken twice, even by its holder");

        var entry = await ledger.FindAsync(key, Ct);
        entry.Should().Be(new NotificationLedgerEntry(key, "host-a", Now + Lease, null));
    }

    /// <summary>Of many claimants at once, on ledgers of their own over one storage, exactly one wins.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Claim_ByManyAtOnce_HasExactlyOneWinner()
    {
        var ledgers = new List<INotificationLedger>();
        for (var i = 0; i < 8; i++)
        {
            ledgers.Add(await CreateAsync());
        }

        var claims = await Task.WhenAll(ledgers.Select((ledger, i) => Task.Run(() => ledger.TryClaimAsync("race", $"host-{i}", Now, Lease, Ct), Ct)));

        claims.Count(won => won).Should().Be(1);
    }

    /// <summary>A lapsed lease is taken over; the first claimant can then no longer record the send, the new one can.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Claim_AfterTheLeaseLapsed_IsTakenOver()
    {
        var ledger = await CreateAsync();
        (await ledger.TryClaimAsync("lapse", "host-a", Now, Lease, Ct)).Should().BeTrue();

        (await ledger.TryClaimAsync("lapse", "host-b", Now + Lease, Lease, Ct)).Should().BeTrue("a lease ends at its instant");

        (await ledger.MarkSentAsync("lapse", "host-a", Now + Lease, Ct)).Should().BeFalse();
        (await ledger.MarkSentAsync("lapse", "host-b", Now + Lease + Duration.FromSeconds(3), Ct)).Should().BeTrue();
        (await ledger.FindAsync("lapse", Ct)).Should().Be(new NotificationLedgerEntry("lapse", "host-b", Now + Lease + Lease, Now + Lease + Duration.FromSeconds(3)));
    }

    /// <summary>A sent notification is never claimed again, released or recorded twice, however long after.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Sent_IsNeverClaimedAgain()
    {
        var ledger = await CreateAsync();
        await ledger.TryClaimAsync("sent", "host-a", Now, Lease, Ct);
        (await ledger.MarkSentAsync("sent", "host-a", Now, Ct)).Should().BeTrue();

        (await ledger.TryClaimAsync("sent", "host-b", Now + Duration.FromDays(400), Lease, Ct)).Should().BeFalse();
        (await ledger.TryClaimAsync("sent", "host-a", Now + Duration.FromDays(400), Lease, Ct)).Should().BeFalse();
        (await ledger.MarkSentAsync("sent", "host-a", Now + Duration.FromDays(1), Ct)).Should().BeFalse();
        (await ledger.ReleaseAsync("sent", "host-a", Ct)).Should().BeFalse();
        (await ledger.FindAsync("sent", Ct))!.SentAt.Should().Be(Now);
    }

    /// <summary>A released claim may be claimed at once; only its holder releases it; a key never claimed is not recorded.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Release_LetsTheNextRunClaimAtOnce()
    {
        var ledger = await CreateAsync();
        await ledger.TryClaimAsync("failed", "host-a", Now, Lease, Ct);

        (await ledger.ReleaseAsync("failed", "host-b", Ct)).Should().BeFalse();
        (await ledger.ReleaseAsync("failed", "host-a", Ct)).Should().BeTrue();
        (await ledger.FindAsync("failed", Ct)).Should().BeNull();
        (await ledger.TryClaimAsync("failed", "host-b", Now + Duration.FromSeconds(1), Lease, Ct)).Should().BeTrue();
        (await ledger.MarkSentAsync("never", "host-a", Now, Ct)).Should().BeFalse();
        (await ledger.FindAsync("never", Ct)).Should().BeNull();
    }

    /// <summary>Keys of any valid text up to the limit are kept apart exactly: case, Norwegian letters, the separator.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Keys_AreExactText()
    {
        var ledger = await CreateAsync();
        var longest = new string('k', NotificationLedgerRules.MaxKeyLength);
        foreach (var key in (string[])["Æøå|%7C", "æøå|%7C", longest, "a\u00e5", "a\u030a"])
        {
            (await ledger.TryClaimAsync(key, "host", Now, Lease, Ct)).Should().BeTrue(key);
        }

        (await ledger.FindAsync("Æøå|%7C", Ct))!.Key.Should().Be("Æøå|%7C");
    }

    /// <summary>A bad key, claimant or lease is refused with a code naming it, and nothing is written.</summary>
    /// <param name="key">The key.</param>
    /// <param name="claimant">The claimant.</param>
    /// <param name="leaseSeconds">The lease in seconds.</param>
    /// <param name="code">The expected code.</param>
    /// <param name="field">The field the error names.</param>
    /// <returns>A task.</returns>
    [Theory]
    [InlineData(" ", "host", 900, ErrorCodes.BlankText, "key")]
    [InlineData("k", "", 900, ErrorCodes.BlankText, "claimant")]
    [InlineData("new\nline", "host", 900, ErrorCodes.InvalidText, "key")]
    [InlineData("k", "bell\u0007", 900, ErrorCodes.InvalidText, "claimant")]
    [InlineData("k", "host", 0, ErrorCodes.NumberOutOfRange, "lease")]
    [InlineData("k", "host", 86_401, ErrorCodes.NumberOutOfRange, "lease")]
    public async Task BadInput_IsRefusedWithACode_AndNothingIsWritten(string key, string claimant, int leaseSeconds, string code, string field)
    {
        var ledger = await CreateAsync();

        var refused = (await FluentActions.Awaiting(() => ledger.TryClaimAsync(key, claimant, Now, Duration.FromSeconds(leaseSeconds), Ct))
            .Should().ThrowAsync<MiljofyrtarnException>()).Which;

        refused.Code.Should().Be(code);
        refused.Diagnostics[0].Arguments[0].Should().Be(field);
        if (!string.IsNullOrWhiteSpace(key) && code != ErrorCodes.InvalidText)
        {
            (await ledger.FindAsync(key, Ct)).Should().BeNull();
        }
    }

    /// <summary>A key with a lone surrogate is refused: it could not be stored as the same text.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task KeyWithALoneSurrogate_IsRefused()
    {
        var ledger = await CreateAsync();

        var refused = (await FluentActions.Awaiting(() => ledger.TryClaimAsync("lone " + (char)0xD800, "host", Now, Lease, Ct))
            .Should().ThrowAsync<MiljofyrtarnException>()).Which;

        refused.Code.Should().Be(ErrorCodes.InvalidText);
        refused.Diagnostics[0].Arguments.Should().Equal("key", "U+D800", "6");
    }

    /// <summary>A key over the limit is refused by every operation, with the limit in the error.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task KeyOverTheLimit_IsRefusedByEveryOperation()
    {
        var ledger = await CreateAsync();
        var key = new string('k', NotificationLedgerRules.MaxKeyLength + 1);
        var operations = new Func<Task>[]
        {
            () => ledger.TryClaimAsync(key, "host", Now, Lease, Ct),
            () => ledger.MarkSentAsync(key, "host", Now, Ct),
            () => ledger.ReleaseAsync(key, "host", Ct),
            () => ledger.FindAsync(key, Ct),
        };

        foreach (var operation in operations)
        {
            var refused = (await FluentActions.Awaiting(operation).Should().ThrowAsync<MiljofyrtarnException>()).Which;
            refused.Code.Should().Be(ErrorCodes.TextTooLong);
            refused.Diagnostics[0].Arguments.Should().Equal("key", $"{NotificationLedgerRules.MaxKeyLength + 1}", $"{NotificationLedgerRules.MaxKeyLength}");
        }
    }
}
