using System.CommandLine;

namespace CellRadar.Commands;

/// <summary><c>cellradar reconcile</c>: rebuild every fact and market status from the stored events.</summary>
internal static class ReconcileCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Database();
        var trust = CommonOptions.Trust();
        var command = new Command("reconcile",
            "Recompute every fact and market status from the stored events, as ingest does for the facts each new item " +
            "touches. Run it after changing the trust file or the extractor, or on a database from before facts existed. " +
            "Changes it finds are logged for 'changes'.")
        {
            db, trust,
        };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db), context, parse.GetValue(trust));
            var summary = store.Reconcile();
            context.Out.WriteLine($"reconciled: {summary.Facts} fact(s) written, {summary.Statuses} market status(es), " +
                $"{summary.Changes} change(s) logged, {summary.Fingerprinted} item(s) fingerprinted");
            return ExitCodes.Ok;
        });
        return command;
    }
}
