using Microsoft.Extensions.Time.Testing;

namespace AltPay.SuperOps.Tests;

public sealed class SuperOpsRateBudgetTests
{
    private const string Token = "budget-test-token";
    private static readonly TimeSpan Completion = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AcquireAsync_EleventhWriteBack_WaitsUntilWindowFrees()
    {
        var time = new FakeTimeProvider();
        var budget = new SuperOpsRateBudget(10, time);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(budget.AcquireAsync(Token, SuperOpsPriority.WriteBack, CancellationToken.None).IsCompletedSuccessfully);
        }

        var eleventh = budget.AcquireAsync(Token, SuperOpsPriority.WriteBack, CancellationToken.None).AsTask();
        Assert.False(eleventh.IsCompleted);

        time.Advance(SuperOpsRateBudget.GrantHeldFor - TimeSpan.FromSeconds(1));
        Assert.False(eleventh.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        await eleventh.WaitAsync(Completion);
        Assert.Equal(1, budget.CountInWindow(Token));
    }

    [Fact]
    public async Task AcquireAsync_FullWindow_ReportsWait()
    {
        var time = new FakeTimeProvider();
        var budget = new SuperOpsRateBudget(10, time);
        for (var i = 0; i < 10; i++)
        {
            await budget.AcquireAsync(Token, SuperOpsPriority.WriteBack, CancellationToken.None);
        }

        time.Advance(TimeSpan.FromSeconds(20));
        var waits = new List<TimeSpan>();
        var eleventh = budget.AcquireAsync(Token, SuperOpsPriority.WriteBack, CancellationToken.None, waits.Add).AsTask();

        Assert.Equal([SuperOpsRateBudget.GrantHeldFor - TimeSpan.FromSeconds(20)], waits);
        time.Advance(SuperOpsRateBudget.GrantHeldFor);
        await eleventh.WaitAsync(Completion);
    }

    [Fact]
    public async Task AcquireAsync_RoomInWindow_ReportsNoWait()
    {
        var budget = new SuperOpsRateBudget(10, new FakeTimeProvider());
        var waits = new List<TimeSpan>();

        await budget.AcquireAsync(Token, SuperOpsPriority.Background, CancellationToken.None, waits.Add);

        Assert.Empty(waits);
    }

    [Fact]
    public async Task AcquireAsync_Background_LeavesReserveForWriteBack()
    {
        var time = new FakeTimeProvider();
        var budget = new SuperOpsRateBudget(10, time);
        Assert.Equal(1, budget.WriteBackReserve);
        for (var i = 0; i < 9; i++)
        {
            Assert.True(budget.AcquireAsync(Token, SuperOpsPriority.Background, CancellationToken.None).IsCompletedSuccessfully);
        }

        var tenthBackground = budget.AcquireAsync(Token, SuperOpsPriority.Background, CancellationToken.None).AsTask();
        var writeBack = budget.AcquireAsync(Token, SuperOpsPriority.WriteBack, CancellationToken.None);

        Assert.True(writeBack.IsCompletedSuccessfully);
        Assert.False(tenthBackground.IsCompleted);

        time.Advance(SuperOpsRateBudget.GrantHeldFor);
        await tenthBackground.WaitAsync(Completion);
    }

    [Fact]
    public async Task AcquireAsync_EmptyWindowBehindWriteBack_Waits()
    {
        var time = new FakeTimeProvider();
        var budget = new SuperOpsRateBudget(10, time);
        for (var i = 0; i < 10; i++)
        {
            await budget.AcquireAsync(Token, i < 9 ? SuperOpsPriority.Background : SuperOpsPriority.WriteBack, CancellationToken.None);
        }

        // All ten grants leave the window at once. The background request's timer fires first and finds
        // the window empty while the write-back still waits to take its slot.
        var background = budget.AcquireAsync(Token, SuperOpsPriority.Background, CancellationToken.None).AsTask();
        var writeBack = budget.AcquireAsync(Token, SuperOpsPriority.WriteBack, CancellationToken.None).AsTask();
        time.Advance(SuperOpsRateBudget.GrantHeldFor);

        await Task.WhenAll(background, writeBack).WaitAsync(Completion);
        Assert.Equal(2, budget.CountInWindow(Token));
    }

    [Fact]
    public async Task AcquireAsync_WaitingWriteBack_GoesBeforeWaitingBackground()
    {
        var time = new FakeTimeProvider();
        var budget = new SuperOpsRateBudget(10, time);
        for (var i = 0; i < 10; i++)
        {
            await budget.AcquireAsync(Token, SuperOpsPriority.WriteBack, CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        // The window holds grants made at 0 s to 9 s; the clock is at 10 s.
        var background = budget.AcquireAsync(Token, SuperOpsPriority.Background, CancellationToken.None).AsTask();
        var firstWriteBack = budget.AcquireAsync(Token, SuperOpsPriority.WriteBack, CancellationToken.None).AsTask();
        var secondWriteBack = budget.AcquireAsync(Token, SuperOpsPriority.WriteBack, CancellationToken.None).AsTask();

        time.Advance(SuperOpsRateBudget.GrantHeldFor - TimeSpan.FromSeconds(10));
        await Task.WhenAny(firstWriteBack, secondWriteBack).WaitAsync(Completion);
        Assert.False(background.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(firstWriteBack, secondWriteBack).WaitAsync(Completion);
        Assert.False(background.IsCompleted);

        // Background may use 9 of 10 slots: it needs two more grants to leave the window.
        time.Advance(TimeSpan.FromSeconds(2));
        await background.WaitAsync(Completion);
        Assert.Equal(9, budget.CountInWindow(Token));
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_ThrowsAndTakesNoSlot()
    {
        var time = new FakeTimeProvider();
        var budget = new SuperOpsRateBudget(1, time);
        await budget.AcquireAsync(Token, SuperOpsPriority.Background, CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var waiting = budget.AcquireAsync(Token, SuperOpsPriority.Background, cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Completion));
        Assert.Equal(1, budget.CountInWindow(Token));
    }

    [Fact]
    public void AcquireAsync_TokensHaveSeparateWindows()
    {
        var budget = new SuperOpsRateBudget(1, new FakeTimeProvider());

        Assert.True(budget.AcquireAsync("token-a", SuperOpsPriority.Background, CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(budget.AcquireAsync("token-b", SuperOpsPriority.Background, CancellationToken.None).IsCompletedSuccessfully);
        Assert.False(budget.AcquireAsync("token-a", SuperOpsPriority.Background, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void AcquireAsync_ZeroLimit_NeverWaits()
    {
        var budget = new SuperOpsRateBudget(0, new FakeTimeProvider());

        for (var i = 0; i < 1000; i++)
        {
            Assert.True(budget.AcquireAsync(Token, SuperOpsPriority.Background, CancellationToken.None).IsCompletedSuccessfully);
        }
    }
}
