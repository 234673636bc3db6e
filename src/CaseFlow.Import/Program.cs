using CaseFlow.Import;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await ImportCommand.Run(args, Console.Out, ct: cancel.Token);
