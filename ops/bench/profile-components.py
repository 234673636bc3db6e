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

# What a sample is counted for. Each line: tier | component | pattern. "threads" patterns match the sample's thread
# name, the others its frames: a sample goes to the first tier (in this order) with a match, within it to the innermost
# matching frame. PostgreSQL's samples are grouped by the "postgres" tier alone.
COMPONENTS = """
threads | JIT tier-up (background thread) | ^\.NET Tiered Com
threads | GC (its own threads) | ^\.NET (Server GC|BGC)
background | async projections (queue, statistics, feed: the daemon) | JasperFx\.Events\.Daemon|JasperFx\.Blocks|AggregationRunner|SubscriptionAgent
background | Wolverine durability agents | Wolverine\.Runtime\.Agents|DurabilityAgent|NodeAgentController
caseflow_steps | canonicalisation + fingerprint (IncomingEvent) | IncomingEvent::|CanonicalJson
caseflow_steps | chain hashing (EventStager, EventChain) | EventStager::|EventChain::|ChainLink
caseflow_steps | vault encryption (subject record) | SubjectVault|Vault[A-Za-z]*::|AesGcm|HMAC
caseflow_steps | access-log record | AccessLog::|AccessRecord
caseflow_steps | inline projections (case file, ...) | IInlineProjection|CaseFileProjection|CaseFile::Evolve
caseflow_steps | request JSON (reading the body, writing the answer) | ReadFromJsonAsync|WriteAsJsonAsync|HttpRequestJsonExtensions|HttpResponseJsonExtensions|JsonNode::Parse|BatchItem::Read|HttpResults|JsonHttpResult
caseflow_steps | authentication + authorization (JWT, policies) | JwtBearerHandler|JsonWebToken|AuthenticationHandler`|AuthenticationService|PolicyEvaluator|AuthorizationService|AuthenticationSetup|CallerScope::From
caseflow_steps | logging + tracing | Microsoft\.Extensions\.Logging|OpenTelemetry|System\.Diagnostics\.Activity|DiagnosticListener
marten | Marten reads (lock, lookups, loading documents) | BatchedQuery|FetchInlinedPlan|LoadManyAsync|LoadAsync|FetchForExclusiveWriting|FetchStreamAsync|QuerySession
marten | Marten commit (staging, serializing, SaveChanges) | SaveChangesAsync|UnitOfWork|ExecuteBatchAsync|Marten.*(Append|Store)|BuildEvent
parts | Npgsql | Npgsql
parts | Marten (elsewhere) | Marten|Weasel|JasperFx
parts | Wolverine | Wolverine
parts | System.Text.Json (elsewhere) | System\.Text\.Json
parts | ASP.NET Core + Kestrel | Microsoft\.AspNetCore
parts | GC | gc_heap|WKS::|SVR::|GCHeap|memset|memmove|GarbageCollect
parts | JIT + type loading | libclrjit|jitNative|Compiler::|MethodDesc::|ClassLoader
parts | thread pool + async machinery | ThreadPool|AsyncTaskMethodBuilder|AsyncStateMachine|PortableThreadPool|LowLevelLifoSemaphore|Task::|System\.Threading
parts | kernel (network, scheduling) | \[kernel|^(entry_SYSCALL|__x64_sys|tcp_|ip_|__sys|do_syscall|schedule|futex)
postgres | commit: WAL flush | XLogFlush|issue_xlog_fsync|pg_fsync|fdatasync
postgres | WAL insert | XLogInsert|XLogRecordAssemble|CopyXLogRecordToWAL
postgres | index maintenance | _bt_|btinsert|index_insert|ExecInsertIndexTuples
postgres | row locks (FOR UPDATE) | ExecLockRows|heap_lock_tuple|LockTuple
postgres | heap insert/update | heap_insert|heap_update|heap_multi_insert|RelationGetBufferForTuple
postgres | parse + plan | raw_parser|base_yyparse|parse_analyze|pg_analyze|planner|pg_plan_query|standard_planner|transformStmt|GetCachedPlan|BuildCachedPlan|RevalidateCachedQuery
postgres | jsonb | jsonb|JsonbValue|json_
postgres | PL/pgSQL (Marten's functions) | plpgsql|exec_stmt
postgres | scan + execute | ExecScan|ExecIndexScan|index_getnext|ExecutorRun|ExecProcNode|heapam_index_fetch|_bt_search
postgres | client protocol (network) | secure_read|secure_write|pq_|socket|tcp_|SocketBackend
"""



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
    table = [line.split(" | ", 2) for line in COMPONENTS.strip().splitlines()]
    tier = lambda name: [(component, re.compile(pattern)) for t, component, pattern in table if t == name]
    threads = [] if target == "postgres" else tier("threads")
    tiers = [tier("postgres")] if target == "postgres" else [tier("background"), tier("caseflow_steps"), tier("marten"), tier("parts")]
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
