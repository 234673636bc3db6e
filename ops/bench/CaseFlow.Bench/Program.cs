using CaseFlow.Bench;
using CaseFlow.Bench.Faults;

// ops/bench/* drive this: `baseline` serves the plain Wolverine + Marten endpoint, `load` measures; ops/faults runs the fault-* tools.
return args switch
{
    ["baseline", var url, var connectionString] => await BaselineService.Run(url, connectionString),
    ["load", .. var rest] => await IntakeLoad.Run(LoadOptions.Parse(rest)),
    ["batch", .. var rest] => await BatchLoad.Run(rest),
    ["rebuild", .. var rest] => await RebuildLoad.Run(rest),
    ["soak", .. var rest] => await SoakCommand.Run(rest),
    ["fault-load", .. var rest] => await FaultLoad.Run(rest),
    ["fault-check", .. var rest] => await FaultCheck.Run(rest),
    ["restore-check", .. var rest] => await RestoreCheck.Run(rest),
    ["fault-proxy", .. var rest] => await TcpFaultProxy.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CaseFlow.Bench baseline URL CONNECTION | load --caseflow URL --baseline URL --token JWT --clients 16,32 --requests N"
        + " | batch --caseflow URL --token JWT --connection CS --server-pid PID [--cases 100 --events-per-case 10 --batch-sizes 100,500]"
        + " | rebuild --connection CS [--rounds 2] [--projections NAME,...|all]"
        + " | soak --caseflow URL --server-pid PID [--minutes 30] (signing key in Auth__DevelopmentKey)"
        + " | fault-load --nodes URL,URL --token JWT --log FILE [--clients 8 --seconds 20 --drain-seconds 60]"
        + " | fault-check --connection CS --log FILE | restore-check --connection CS --log FILE[,FILE] --restore-point TIME | fault-proxy --listen PORT --control PORT --target PORT [--latency-ms 0]");
    return 2;
}
