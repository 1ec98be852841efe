#!/usr/bin/env python3
"""The ledger's benchmark, side by side in one run on one machine and one PostgreSQL (README, "Benchmark").

Every figure comes from outside the service's JVM: wrk (with the Lua scripts of ../shared/bench) drives
the HTTP API, rw_lag.py measures read-your-writes, psql and /proc read the rest. In the same run and
on the same PostgreSQL it measures the two references of ../shared/bench: pgbench appending one row per
transaction (the floor of an acknowledged event) and a tutorial-default Axon app answering a one-event
command over HTTP. Ratios are what to read: absolute figures move from run to run on shared machines.

Usage: bench/side_by_side.py [--seconds 20] [--clients 8,16] [--jar api/target/api-0.1.0-SNAPSHOT.jar]
Needs the PostgreSQL on 127.0.0.1:5432 (user postgres, trust), pgbench, psql, Maven for the tutorial
app, and wrk (installed from Debian's packages when missing).
"""
import argparse
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LEDGER_SHARED_BENCH", ROOT.parent / "shared" / "bench"))
PSQL = ["psql", "-q", "-tA", "-h", "127.0.0.1", "-U", "postgres"]
LEDGER_PORT, BASELINE_PORT = 18082, 18080
ADMIN = "Basic " + base64.b64encode(b"admin:admin-pass").decode()


def sh(command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs).stdout


def psql(database, sql):
    return sh(PSQL + ["-d", database, "-c", sql]).strip()


def recreate_database(name, owner="postgres"):
    psql("postgres", f"DROP DATABASE IF EXISTS {name}")
    psql("postgres", f"CREATE DATABASE {name} OWNER {owner}")


def wait_until_answers(url, seconds=180):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"no answer from {url} within {seconds} s")


def wrk(script, url, clients, seconds):
    """Runs wrk with one of the shared Lua scripts; its RESULT line plus wrk's own maximum latency."""
    out = sh(["wrk", f"-t{clients}", f"-c{clients}", f"-d{seconds}s", "-s", str(SHARED / script), url])
    result = dict(pair.split("=") for pair in re.search(r"RESULT (.*)", out).group(1).split())
    latency_max = re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", out).group(1)
    result["max_ms"] = milliseconds(latency_max)
    return {key: float(value) for key, value in result.items()}


def milliseconds(wrk_duration):
    number, unit = re.match(r"([\d.]+)(\w+)", wrk_duration).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def pgbench(clients, seconds):
    recreate_database("bench_b0")
    psql("bench_b0", "CREATE TABLE b0_events(id bigserial primary key, payload jsonb not null)")
    out = sh(["pgbench", "-h", "127.0.0.1", "-U", "postgres", "-n", f"-c{clients}", "-j2", f"-T{seconds}",
              "-f", str(SHARED / "pgbench-append.sql"), "bench_b0"])
    return float(re.search(r"tps = ([\d.]+)", out).group(1))


def read_your_writes(samples):
    out = sh([sys.executable, str(SHARED / "rw_lag.py"), f"http://127.0.0.1:{LEDGER_PORT}", str(samples)])
    return {key: float(value) for key, value in (pair.split("=") for pair in out.split()[2:])}


def ledger_metric(name):
    request = urllib.request.Request(f"http://127.0.0.1:{LEDGER_PORT}/actuator/prometheus",
                                     headers={"Authorization": ADMIN})
    text = urllib.request.urlopen(request, timeout=10).read().decode()
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
               if line.startswith(name) and not line.startswith("#"))


def drain_ms():
    """Ms from the end of a load until a proposal made then is readable with its X-Ledger-Position: the
    read side projects in order, so that is when it has worked off its backlog (in that segment)."""
    started = time.time()
    body = json.dumps({"title": "Backlog probe", "kind": "TECHNOLOGY", "sector": "SMART_TECHNOLOGY",
                       "parties": [{"partyId": "CN-URUMQI-XJU", "name": "Xinjiang University",
                                    "organisationType": "UNIVERSITY", "city": "Urumqi", "country": "CN"},
                                   {"partyId": "KZ-ALMATY-KBTU", "name": "Kazakh-British Technical University",
                                    "organisationType": "UNIVERSITY", "city": "Almaty", "country": "KZ"}],
                       "value": {"amount": "10.00", "currency": "CNY"}, "proposedOn": "2024-08-20"}).encode()
    registrar = "Basic " + base64.b64encode(b"registrar:registrar-pass").decode()
    request = urllib.request.Request(f"http://127.0.0.1:{LEDGER_PORT}/api/agreements", data=body, method="POST",
                                     headers={"Authorization": registrar, "Content-Type": "application/json"})
    answer = json.load(urllib.request.urlopen(request, timeout=30))
    analyst = "Basic " + base64.b64encode(b"analyst:analyst-pass").decode()
    while True:
        read = urllib.request.Request(f"http://127.0.0.1:{LEDGER_PORT}/api/agreements/{answer['agreementId']}",
                                      headers={"Authorization": analyst, "X-Ledger-Position": str(answer["position"])})
        try:
            urllib.request.urlopen(read, timeout=30)
            return (time.time() - started) * 1000
        except urllib.error.HTTPError as refused:
            if refused.code != 503 or time.time() - started > 300:
                raise


def rss_mib(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def baseline_jar():
    built = Path("/tmp/ledger-bench-baseline/target/app-1.jar")
    if not built.exists():
        shutil.rmtree(built.parent.parent, ignore_errors=True)
        shutil.copytree(SHARED / "baseline-axon-default", built.parent.parent)
        sh(["mvn", "-q", "-DskipTests", "package"], cwd=built.parent.parent)
    return built


def main():
    options = argparse.ArgumentParser()
    options.add_argument("--seconds", type=int, default=20)
    options.add_argument("--clients", default="8,16")
    options.add_argument("--jar", default=str(ROOT / "api" / "target" / "api-0.1.0-SNAPSHOT.jar"))
    args = options.parse_args()
    clients = [int(c) for c in args.clients.split(",")]
    if shutil.which("wrk") is None:
        subprocess.run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk",
                       shell=True, check=True, capture_output=True)
    figures = {"machine": f"{os.cpu_count()} cores, PostgreSQL {psql('postgres', 'show server_version')}, "
                          f"fsync={psql('postgres', 'show fsync')}, "
                          f"synchronous_commit={psql('postgres', 'show synchronous_commit')}",
               "date": time.strftime("%Y-%m-%d")}
    print(f"benchmark of {args.jar}: {figures['machine']}, {args.seconds} s per step", flush=True)

    figures["pgbench"] = {c: pgbench(c, 15) for c in clients}
    print(f"pgbench one-row append tps: {figures['pgbench']}", flush=True)

    psql("postgres", "DO $$ BEGIN CREATE ROLE ledger LOGIN PASSWORD 'ledger'; "
                     "EXCEPTION WHEN duplicate_object THEN NULL; END $$")
    recreate_database("ledger", "ledger")
    baseline = subprocess.Popen(["java", "-jar", str(baseline_jar())], stdout=subprocess.DEVNULL,
                                stderr=subprocess.STDOUT)
    try:
        wait_until_answers(f"http://127.0.0.1:{BASELINE_PORT}/t")
        wrk("baseline.lua", f"http://127.0.0.1:{BASELINE_PORT}", 4, 10)
        figures["tutorial"] = {c: wrk("baseline.lua", f"http://127.0.0.1:{BASELINE_PORT}", c, args.seconds)
                               for c in clients}
    finally:
        baseline.terminate()
        baseline.wait()
    print(f"tutorial app: {figures['tutorial']}", flush=True)

    recreate_database("bench_ledger", "ledger")
    log = tempfile.NamedTemporaryFile(prefix="ledger-bench-", suffix=".log", delete=False)
    environment = dict(os.environ, LEDGER_DB_URL="jdbc:postgresql://127.0.0.1:5432/bench_ledger",
                       LEDGER_DB_USER="ledger", LEDGER_DB_PASSWORD="ledger", LEDGER_DEMO_DATA="false",
                       PORT=str(LEDGER_PORT), LEDGER_DATA_DIR=tempfile.mkdtemp(prefix="ledger-bench-"))
    ledger = subprocess.Popen(["java", "-jar", args.jar], env=environment, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{LEDGER_PORT}"
    try:
        wait_until_answers(url + "/actuator/health/readiness")
        wrk("lifecycle.lua", url, 4, 10)
        figures["idle read-your-writes"] = read_your_writes(100)
        figures["proposals"], figures["lifecycle"], figures["backlog"] = {}, {}, {}
        for c in clients:
            figures["proposals"][c] = wrk("propose.lua", url + "/api/agreements", c, args.seconds)
            drain_ms()
            under_load = {}
            probe = threading.Thread(target=lambda: under_load.update(read_your_writes(50)))
            probe.start()
            figures["lifecycle"][c] = wrk("lifecycle.lua", url, c, args.seconds)
            probe.join()
            figures["lifecycle"][c]["rw_p50_ms"] = under_load.get("p50_ms")
            figures["lifecycle"][c]["rw_p99_ms"] = under_load.get("p99_ms")
            figures["backlog"][c] = drain_ms()
        events = int(psql("bench_ledger", "SELECT count(*) FROM domain_event_entry"))
        figures["bytes per event"] = int(psql("bench_ledger",
                                              "SELECT pg_total_relation_size('domain_event_entry')")) / events
        figures["events"] = events
        figures["heap MiB"] = ledger_metric('jvm_memory_used_bytes{area="heap"') / 2 ** 20
        figures["rss MiB"] = rss_mib(ledger.pid)
    finally:
        ledger.terminate()
        ledger.wait()
        for database in ("bench_ledger", "ledger", "bench_b0"):
            psql("postgres", f"DROP DATABASE IF EXISTS {database}")
    report(figures, clients)


def report(figures, clients):
    print(f"\n== side by side, {figures['date']}, {figures['machine']}")
    idle = figures["idle read-your-writes"]
    print(f"read-your-writes, idle: p50 {idle['p50_ms']:.1f} ms, p99 {idle['p99_ms']:.1f} ms, "
          f"max {idle['max_ms']:.1f} ms")
    print("| clients | figure | ledger | tutorial app | ratio to tutorial | pgbench tps | share of pgbench |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for c in clients:
        tutorial, floor = figures["tutorial"][c], figures["pgbench"][c]
        for name in ("proposals", "lifecycle"):
            run = figures[name][c]
            print(f"| {c} | {name} commands/s | {run['rps']:.0f} | {tutorial['rps']:.0f} | "
                  f"{run['rps'] / tutorial['rps']:.2f}x | {floor:.0f} | {run['rps'] / floor:.0%} |")
            print(f"| {c} | {name} latency p50 / p99 / max ms | {run['p50_ms']:.1f} / {run['p99_ms']:.1f} / "
                  f"{run['max_ms']:.0f} | {tutorial['p50_ms']:.1f} / {tutorial['p99_ms']:.1f} / "
                  f"{tutorial['max_ms']:.0f} | | | |")
            if run["non2xx"]:
                print(f"| {c} | {name} answers not 2xx | {run['non2xx']:.0f} | | | | |")
        run = figures["lifecycle"][c]
        drained_ms = figures["backlog"][c]
        print(f"| {c} | read-your-writes under the lifecycle load, p50 / p99 ms | {run['rw_p50_ms']:.1f} / "
              f"{run['rw_p99_ms']:.1f} | | | | |")
        print(f"| {c} | read side's backlog worked off, ms after the lifecycle load | {drained_ms:.0f} | | | | |")
    print(f"memory after the runs: heap used {figures['heap MiB']:.0f} MiB, RSS {figures['rss MiB']:.0f} MiB; "
          f"{figures['bytes per event']:.0f} bytes per event (table and indexes, {figures['events']} events)")


if __name__ == "__main__":
    main()
