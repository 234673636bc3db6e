#!/usr/bin/env python3
"""Groups perf samples (`perf script -F comm,ip,sym`) of CaseFlow or PostgreSQL by component (ops/bench/profile).

A sample counts inclusively for every component with a frame on its stack. Exclusively it goes to one component: the
runtime's own threads (background JIT tier-up, GC) and the async projection daemon by thread or outermost frame, else
the innermost CaseFlow step on its stack (fingerprint, chain, vault, ...) if any, else the innermost library or
runtime part, so the JSON a chain link serialises counts for the chain and Npgsql's socket writes for Npgsql.
"""
import re
import sys
from collections import Counter

THREADS = [
    ("JIT tier-up (background thread)", r"^\.NET Tiered Com"),
    ("GC (its own threads)", r"^\.NET (Server GC|BGC)"),
]
BACKGROUND = [
    ("async projections (queue, statistics, feed: the daemon)", r"JasperFx\.Events\.Daemon|JasperFx\.Blocks|AggregationRunner|SubscriptionAgent"),
    ("Wolverine durability agents", r"Wolverine\.Runtime\.Agents|DurabilityAgent|NodeAgentController"),
]
CASEFLOW_STEPS = [
    ("canonicalisation + fingerprint (IncomingEvent)", r"IncomingEvent::|CanonicalJson"),
    ("chain hashing (EventStager, EventChain)", r"EventStager::|EventChain::|ChainLink"),
    ("vault encryption (subject record)", r"SubjectVault|Vault[A-Za-z]*::|AesGcm|HMAC"),
    ("access-log record", r"AccessLog::|AccessRecord"),
    ("inline projections (case file, ...)", r"IInlineProjection|CaseFileProjection|CaseFile::Evolve"),
    ("request JSON (reading the body, writing the answer)", r"ReadFromJsonAsync|WriteAsJsonAsync|HttpRequestJsonExtensions|HttpResponseJsonExtensions|JsonNode::Parse|BatchItem::Read|HttpResults|JsonHttpResult"),
    ("authentication + authorization (JWT, policies)", r"JwtBearerHandler|JsonWebToken|AuthenticationHandler`|AuthenticationService|PolicyEvaluator|AuthorizationService|AuthenticationSetup|CallerScope::From"),
    ("logging + tracing", r"Microsoft\.Extensions\.Logging|OpenTelemetry|System\.Diagnostics\.Activity|DiagnosticListener"),
]
MARTEN = [
    ("Marten reads (lock, lookups, loading documents)", r"BatchedQuery|FetchInlinedPlan|LoadManyAsync|LoadAsync|FetchForExclusiveWriting|FetchStreamAsync|QuerySession"),
    ("Marten commit (staging, serializing, SaveChanges)", r"SaveChangesAsync|UnitOfWork|ExecuteBatchAsync|Marten.*(Append|Store)|BuildEvent"),
]
PARTS = [
    ("Npgsql", r"Npgsql"),
    ("Marten (elsewhere)", r"Marten|Weasel|JasperFx"),
    ("Wolverine", r"Wolverine"),
    ("System.Text.Json (elsewhere)", r"System\.Text\.Json"),
    ("ASP.NET Core + Kestrel", r"Microsoft\.AspNetCore"),
    ("GC", r"gc_heap|WKS::|SVR::|GCHeap|memset|memmove|GarbageCollect"),
    ("JIT + type loading", r"libclrjit|jitNative|Compiler::|MethodDesc::|ClassLoader"),
    ("thread pool + async machinery", r"ThreadPool|AsyncTaskMethodBuilder|AsyncStateMachine|PortableThreadPool|LowLevelLifoSemaphore|Task::|System\.Threading"),
    ("kernel (network, scheduling)", r"\[kernel|^(entry_SYSCALL|__x64_sys|tcp_|ip_|__sys|do_syscall|schedule|futex)"),
]
POSTGRES = [
    ("commit: WAL flush", r"XLogFlush|issue_xlog_fsync|pg_fsync|fdatasync"),
    ("WAL insert", r"XLogInsert|XLogRecordAssemble|CopyXLogRecordToWAL"),
    ("index maintenance", r"_bt_|btinsert|index_insert|ExecInsertIndexTuples"),
    ("row locks (FOR UPDATE)", r"ExecLockRows|heap_lock_tuple|LockTuple"),
    ("heap insert/update", r"heap_insert|heap_update|heap_multi_insert|RelationGetBufferForTuple"),
    ("parse + plan", r"raw_parser|base_yyparse|parse_analyze|pg_analyze|planner|pg_plan_query|standard_planner|transformStmt|GetCachedPlan|BuildCachedPlan|RevalidateCachedQuery"),
    ("jsonb", r"jsonb|JsonbValue|json_"),
    ("PL/pgSQL (Marten's functions)", r"plpgsql|exec_stmt"),
    ("scan + execute", r"ExecScan|ExecIndexScan|index_getnext|ExecutorRun|ExecProcNode|heapam_index_fetch|_bt_search"),
    ("client protocol (network)", r"secure_read|secure_write|pq_|socket|tcp_|SocketBackend"),
]


def samples(path):
    """(thread name, frames leaf first) per sample."""
    thread, stack = "", []
    with open(path, errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if stack:
                    yield thread, stack
                stack = []
            elif line[0] in " \t":
                parts = line.strip().split(" ", 1)
                stack.append(parts[1] if len(parts) > 1 else parts[0])
            else:
                thread = line.strip()
    if stack:
        yield thread, stack


def innermost(stack, groups):
    for frame in stack:
        for name, pattern in groups:
            if re.search(pattern, frame):
                return name
    return None


def main(target, path):
    compiled = lambda groups: [(n, re.compile(p)) for n, p in groups]
    threads = [] if target == "postgres" else compiled(THREADS)
    tiers = [compiled(POSTGRES)] if target == "postgres" else [compiled(BACKGROUND), compiled(CASEFLOW_STEPS), compiled(MARTEN), compiled(PARTS)]
    every = [g for tier in tiers for g in tier]
    exclusive, inclusive, self_frames, on_stack, total = Counter(), Counter(), Counter(), Counter(), 0
    for thread, stack in samples(path):
        total += 1
        self_frames[stack[0]] += 1
        on_stack.update(set(stack))
        by_thread = next((name for name, pattern in threads if pattern.search(thread)), None)
        exclusive[by_thread or next((c for tier in tiers if (c := innermost(stack, tier))), "other")] += 1
        for name, pattern in every:
            if any(pattern.search(frame) for frame in stack):
                inclusive[name] += 1
    print(f"\n{target}: {total} samples")
    print("| component | exclusive % | inclusive % |\n|---|---|---|")
    for name, count in exclusive.most_common():
        print(f"| {name} | {100 * count / total:.1f} | {100 * inclusive.get(name, count) / total:.1f} |")
    print(f"\n{target}: top frames by own samples\n| frame | self % |\n|---|---|")
    for frame, count in self_frames.most_common(25):
        print(f"| {frame[:140]} | {100 * count / total:.1f} |")
    print(f"\n{target}: top frames by samples on the stack\n| frame | inclusive % |\n|---|---|")
    for frame, count in on_stack.most_common(60):
        print(f"| {frame[:140]} | {100 * count / total:.1f} |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
