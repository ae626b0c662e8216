namespace GenEft.Tests.Infrastructure;

/// <summary>
/// Runs a body on a background thread and fails the test if it does not finish in time, so a regression that loops
/// forever fails instead of hanging the suite (xunit's Timeout is unreliable under parallel execution). A runaway
/// body keeps its background thread until the test process exits.
/// </summary>
internal static class Bounded
{
    public static T Run<T>(Func<T> body, TimeSpan limit)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { result = body(); }
            catch (Exception e) { error = e; }
        }) { IsBackground = true, Name = "bounded test body" };
        thread.Start();
        if (!thread.Join(limit))
            throw new TimeoutException($"The body did not finish within {limit}.");
        if (error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
        return result;
    }

    public static void Run(Action body, TimeSpan limit) => Run(() => { body(); return 0; }, limit);
}
