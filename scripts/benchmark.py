#!/usr/bin/env python3
"""The measuring half of scripts/benchmark.sh (standard library only); docs/performance.md explains the figures.

    benchmark.py load   --out DIR ...   against the running system: the throughput test (with the CPU
                                        time, commits and publishes it costs), one saga at a time step by
                                        step, POST /orders one at a time, then each service's memory
    benchmark.py report --out DIR       the table against the ceilings and targets, benchmark.json and
                                        the chart, from what benchmark.sh and `load` wrote to DIR

Completions are counted in order-service's own table (customer_order, through one psql session kept
open), the steps of a saga are read from its own timeline (order_timeline), the CPU time of each
process from /proc, the commits from pg_stat_database: nothing polls the orders over HTTP.
"""
import argparse
import base64
import http.client
import json
import math
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

SERVICES = ["order-service", "inventory-service", "payment-service", "kitchen-service", "delivery-service"]
DATABASES = {"order-service": "orders", "inventory-service": "inventory", "payment-service": "payments",
             "kitchen-service": "kitchen", "delivery-service": "delivery"}
SKU = "LEMONADE"
COURIERS = 200
FINAL = ("DELIVERED", "CANCELLED", "REJECTED")
# The statuses of the happy path, in order: each saga step is the timeline entry that moved the order on.
HAPPY_PATH = ["AWAITING_PAYMENT", "PAID", "PREPARING", "READY_FOR_DELIVERY", "OUT_FOR_DELIVERY", "DELIVERED"]
TICK = os.sysconf("SC_CLK_TCK")
CORES = os.cpu_count() or 1
# pg_stat_database lags: a backend that goes idle less than a second after its last report keeps its
# counts up to 10 s (PostgreSQL's PGSTAT_IDLE_INTERVAL). The commits are read this long after the test.
STATS_LAG = 11.0

# (key, label, direction, target, aim): what benchmark.json and the table check.
TARGETS = [
    ("sagas_per_second", "sagas completed per second", ">=", 50, 100),
    ("cpu_ms_per_saga", "CPU time per saga, all processes", "<=", 35, 20),
    ("one_saga_median_ms", "one saga, POST /orders -> DELIVERED, median", "<=", 100, 50),
    ("one_saga_p99_ms", "one saga, POST /orders -> DELIVERED, p99", "<=", 250, None),
    ("post_orders_median_ms", "POST /orders, median", "<=", 8, None),
    ("post_orders_p99_ms", "POST /orders, p99", "<=", 25, None),
    ("one_service_start_s", "one service started alone -> ready", "<=", 4, 2),
    ("five_services_start_s", "five services started at once -> all ready", "<=", 25, None),
    ("rss_mib", "resident memory (VmRSS) of each service", "<=", 220, 160),
]


def progress(text):
    print(f"   [{datetime.now():%H:%M:%S}] {text}", flush=True)


def percentile(values, q):
    """Nearest rank: the smallest value with at least q of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)] if ordered else None


def summary(values):
    if not values:
        return {"n": 0}
    return {"n": len(values), "median": statistics.median(values), "p90": percentile(values, 0.90),
            "p99": percentile(values, 0.99), "max": max(values), "mean": statistics.fmean(values)}


# --- HTTP: one kept-alive connection per thread, as a real client keeps one ----------------------------

class Http:
    def __init__(self, admin_user, admin_password):
        self.local = threading.local()
        token = base64.b64encode(f"{admin_user}:{admin_password}".encode()).decode()
        self.admin = {"Authorization": "Basic " + token}

    def call(self, method, url, body=None, headers=None):
        """(status, parsed body, milliseconds); one retry when the server had closed an idle connection."""
        parts = urllib.parse.urlsplit(url)
        key = (parts.hostname, parts.port)
        data = None if body is None else json.dumps(body).encode()
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        for attempt in (1, 2):
            connections = self.local.__dict__.setdefault("connections", {})
            connection = connections.get(key)
            if connection is None:
                connection = connections[key] = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            started = time.perf_counter()
            try:
                connection.request(method, parts.path or "/", body=data, headers=all_headers)
                response = connection.getresponse()
                payload = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                connection.close()
                connections.pop(key, None)
                if attempt == 2:
                    raise
                continue
            millis = (time.perf_counter() - started) * 1000
            try:
                parsed = json.loads(payload) if payload else None
            except ValueError:
                parsed = payload.decode(errors="replace")
            return response.status, parsed, millis


# --- PostgreSQL through psql ---------------------------------------------------------------------------

def psql_command(database):
    return ["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-h", os.environ.get("FOOD_DB_HOST", "localhost"),
            "-p", os.environ.get("FOOD_DB_PORT", "5432"), "-U", os.environ.get("FOOD_DB_USER", "postgres"),
            "-d", database]


def psql_env():
    return {**os.environ, "PGPASSWORD": os.environ.get("FOOD_DB_PASSWORD", "")}


def query(database, sql):
    """One statement in a psql of its own: for the few snapshots, not for polling."""
    done = subprocess.run(psql_command(database) + ["-v", "ON_ERROR_STOP=1", "-c", sql], env=psql_env(),
                          capture_output=True, text=True, check=True)
    return [line.split("\t") for line in done.stdout.splitlines() if line]


class Session:
    """One psql session kept open: a query costs a round trip, not a new connection (and backend)."""
    END = "--benchmark-end--"

    def __init__(self, database):
        self.process = subprocess.Popen(psql_command(database), env=psql_env(), stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, bufsize=1)
        self.lock = threading.Lock()
        self.queries = 0
        self.backend_pid = int(self.rows("select pg_backend_pid()")[0][0])

    def rows(self, sql):
        with self.lock:
            self.queries += 1
            self.process.stdin.write(sql.strip().rstrip(";") + ";\n\\echo " + self.END + "\n")
            self.process.stdin.flush()
            rows = []
            for line in self.process.stdout:
                line = line.rstrip("\n")
                if line == self.END:
                    return rows
                if line:
                    rows.append(line.split("\t"))
            raise RuntimeError("psql ended unexpectedly")

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


# --- CPU time from /proc -------------------------------------------------------------------------------

def cpu_ticks(pid):
    """utime + stime of a process, all its threads, in clock ticks; None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()  # after "pid (comm)", which may hold spaces
        return int(fields[11]) + int(fields[12])  # fields 14 and 15 of proc(5)
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None


def thread_kind_ticks(pid):
    """A JVM's CPU ticks by kind of thread: the JIT compilers ("C1 CompilerThre", "C2 CompilerThre"),
    the VM thread (which runs the serial collector too) and the GC threads, and the rest (the
    application's). A compiler thread that ended since is missing (the JVM starts and stops them as
    the work goes): the JIT figure is a lower bound; the rest is the process's total less the two."""
    total = cpu_ticks(pid)
    if total is None:
        return None
    kinds = {"jit": 0, "vm_and_gc": 0}
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return None
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as stat:
                text = stat.read()
        except (FileNotFoundError, ProcessLookupError):
            continue
        name, fields = text[text.index("(") + 1:text.rindex(")")], text.rsplit(")", 1)[1].split()
        kind = "jit" if "CompilerThre" in name else "vm_and_gc" if name == "VM Thread" or name.startswith("GC") else None
        if kind:
            kinds[kind] += int(fields[11]) + int(fields[12])
    kinds["application"] = total - kinds["jit"] - kinds["vm_and_gc"]
    return kinds


def jvm_thread_ms(before, after):
    """CPU milliseconds of the five JVMs together by kind of thread, between two thread_kind_ticks maps."""
    used = {"jit": 0.0, "vm_and_gc": 0.0, "application": 0.0}
    for service, end in after.items():
        start = before.get(service)
        if not end or not start:
            continue
        for kind in used:
            used[kind] += max(end[kind] - start[kind], 0) * 1000 / TICK
    return used


def machine_ticks():
    """(busy, total) clock ticks of the whole machine, every core, every process."""
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


def listener_pid(port):
    """The process listening on a local TCP port (PostgreSQL's postmaster, RabbitMQ's beam.smp)."""
    out = subprocess.run(["ss", "-Hltnp", f"sport = :{port}"], capture_output=True, text=True).stdout
    found = re.search(r"pid=(\d+)", out)
    return int(found.group(1)) if found else None


class Processes:
    """The processes whose CPU time counts: the five JVMs, PostgreSQL's, RabbitMQ's."""

    def __init__(self, pid_dir, db_prefix, sampler_pid):
        self.pid_dir, self.db_prefix, self.sampler_pid = pid_dir, db_prefix, sampler_pid
        self.postmaster = listener_pid(os.environ.get("FOOD_DB_PORT", "5432"))
        self.broker = listener_pid(os.environ.get("FOOD_RABBITMQ_PORT", "5672"))

    def service_pid(self, service):
        with open(os.path.join(self.pid_dir, f"{service}.pid")) as pid_file:
            return int(pid_file.read().strip())

    def groups(self):
        """{group: [pids]} as of now. PostgreSQL: the postmaster, its own processes (WAL writer,
        checkpointer, autovacuum, ...) and the backends of this run's databases; other databases'
        backends on a shared server are left out, and so is the sampler's own."""
        groups = {service: [self.service_pid(service)] for service in SERVICES}
        backends = query("postgres", f"""
            select pid from pg_stat_activity
            where (backend_type = 'client backend' and datname like '{self.db_prefix}%' and pid <> {self.sampler_pid})
               or backend_type <> 'client backend'""")
        groups["postgres"] = ([self.postmaster] if self.postmaster else []) + [int(row[0]) for row in backends]
        groups["rabbitmq"] = [self.broker] if self.broker else []
        return groups

    @staticmethod
    def snapshot(groups):
        return {group: {pid: cpu_ticks(pid) for pid in pids} for group, pids in groups.items()}

    @staticmethod
    def used_ms(before, after):
        """CPU milliseconds per group between two snapshots. A process seen only at the end started
        meanwhile: all its time counts. One that ended meanwhile (a short autovacuum worker) is lost."""
        used = {}
        for group, pids in after.items():
            ticks = 0
            for pid, end in pids.items():
                if end is None:
                    continue
                start = before.get(group, {}).get(pid)
                ticks += end - (start or 0)
            used[group] = ticks * 1000 / TICK
        return used


# --- the system's own records --------------------------------------------------------------------------

def commits(prefix):
    """xact_commit of each of this run's databases."""
    rows = query("postgres", f"select datname, xact_commit from pg_stat_database where datname like '{prefix}%'")
    return {name: int(count) for name, count in rows if name[len(prefix):] in DATABASES.values()}


def outbox_rows(prefix):
    """Events written to each service's outbox so far: each is one publish (with a confirm)."""
    return {service: int(query(prefix + database, "select count(*) from outbox_message")[0][0])
            for service, database in DATABASES.items()}


def final_counts(session, customer):
    rows = session.rows(f"select status, count(*) from customer_order where customer_id = '{customer}' group by status")
    return {status: int(count) for status, count in rows}


def order_body(customer):
    return {"customerId": customer, "lines": [{"sku": SKU, "quantity": 1}],
            "deliveryAddress": {"street": "1 Main St", "city": "Springfield", "postcode": "12345"},
            "paymentToken": "tok_visa"}


# --- load ----------------------------------------------------------------------------------------------

class Load:
    def __init__(self, args):
        self.args = args
        self.http = Http(os.environ.get("FOOD_ADMIN_USER", "admin"), os.environ["FOOD_ADMIN_PASSWORD"])
        self.orders_db = args.db_prefix + "orders"
        self.session = Session(self.orders_db)
        self.processes = Processes(args.pid_dir, args.db_prefix, self.session.backend_pid)
        self.result = {"settings": {k: v for k, v in vars(args).items() if k not in ("command", "func")}}

    def phase(self, number, text):
        elapsed = f" (+{time.time() - self.args.started_at:.0f}s)" if self.args.started_at else ""
        print(f"== [{datetime.now():%H:%M:%S}]{elapsed} benchmark {number}: {text}", flush=True)

    def place(self, customer):
        status, order, millis = self.http.call("POST", f"{self.args.order_url}/orders", order_body(customer))
        if status != 201:
            raise RuntimeError(f"POST /orders answered {status}: {order}")
        return order, millis

    def prepare(self):
        """Enough stock and couriers that neither is the limit."""
        a = self.args
        needed = 3 * a.warmup + a.orders + a.sagas + 2 * a.posts + 100
        status, product, _ = self.http.call("GET", f"{a.inventory_url}/products/{SKU}")
        if status != 200:
            raise RuntimeError(f"GET /products/{SKU} answered {status}: {product}")
        status, answer, _ = self.http.call("PUT", f"{a.inventory_url}/admin/products/{SKU}/stock",
                                           {"onHand": product["reserved"] + needed}, self.http.admin)
        if status != 200:
            raise RuntimeError(f"setting the stock answered {status}: {answer}")
        # A courier is busy from the assignment until delivery's timer hands the meal over: when the
        # sagas fall behind the clients, that is seconds, and at 20 couriers 75 of 1,000 orders
        # were cancelled for want of one (NO_COURIER). Couriers are rows; 200 cost nothing.
        for n in range(1, COURIERS + 1):
            self.http.call("POST", f"{a.delivery_url}/admin/couriers",
                           {"id": f"bench-{n}", "name": f"Bench courier {n}"}, self.http.admin)
        progress(f"{SKU}: {product['reserved'] + needed} on hand; {COURIERS} more couriers")

    def place_all(self, count, customer, placed_at):
        def one(_):
            try:
                self.place(customer)
                placed_at.append(time.time())
            except Exception as error:  # counted, and the test goes on: the figures say what happened
                errors.append(str(error))
        errors = []
        with ThreadPoolExecutor(self.args.clients) as pool:
            list(pool.map(one, range(count)))
        return errors

    def wait_final(self, customer, placing_done, on_sample=None, stall_seconds=60):
        """Counts the customer's orders by status once a second, until placing is done and every order
        has ended, or none has ended for a minute: ({status: count}, whether all ended)."""
        last_change, last_ended = time.time(), -1
        while True:
            counts = final_counts(self.session, customer)
            ended = sum(counts.get(status, 0) for status in FINAL)
            if on_sample:
                on_sample(counts)
            if ended != last_ended:
                last_change, last_ended = time.time(), ended
            if placing_done() and ended == sum(counts.values()):
                return counts, True
            if time.time() - last_change > stall_seconds:
                return counts, False
            time.sleep(1)

    def idle(self, seconds):
        """What the system costs doing nothing (pollers, timers): shown for reading, and the commits
        made while the statistics catch up after the test are reckoned with it."""
        groups = self.processes.groups()
        cpu0, commits0, t0 = self.processes.snapshot(groups), commits(self.args.db_prefix), time.time()
        time.sleep(seconds)
        cpu1, commits1, t1 = self.processes.snapshot(groups), commits(self.args.db_prefix), time.time()
        cpu = self.processes.used_ms(cpu0, cpu1)
        by_database = {name: (commits1[name] - commits0.get(name, 0)) / (t1 - t0) for name in commits1}
        idle = {"seconds": t1 - t0, "commits_per_second": sum(by_database.values()),
                "commits_per_second_by_database": by_database, "cpu_cores": sum(cpu.values()) / 1000 / (t1 - t0)}
        progress(f"idle for {t1 - t0:.0f} s: {idle['commits_per_second']:.0f} commits/s, "
                 f"{idle['cpu_cores'] * 100:.0f} % of one core")
        return idle

    def throughput(self):
        a = self.args
        self.phase("4/8", f"throughput: {a.orders} orders from {a.clients} clients "
                          f"(after {a.warmup} to warm up)")
        self.prepare()
        if a.warmup:
            errors = self.place_all(a.warmup, "bench-warmup", [])
            counts, complete = self.wait_final("bench-warmup", lambda: True)
            progress(f"warm-up: {counts}{'' if complete else ' (not all ended)'}"
                     f"{f'; {len(errors)} refused' if errors else ''}")
        idle = self.idle(a.idle_seconds)

        customer = "bench-throughput"
        groups = self.processes.groups()
        placed_at, series, errors = [], [], []
        own_cpu = load_generator_cpu(self.session.process.pid)
        cpu0, commits0, outbox0 = self.processes.snapshot(groups), commits(a.db_prefix), outbox_rows(a.db_prefix)
        threads0 = {service: thread_kind_ticks(self.processes.service_pid(service)) for service in SERVICES}
        machine0, own0, queries0 = machine_ticks(), own_cpu(), self.session.queries
        t0 = time.time()
        placing = threading.Thread(target=lambda: errors.extend(self.place_all(a.orders, customer, placed_at)))
        placing.start()
        previous = {"cpu": cpu0, "machine": machine0, "t": t0}

        def on_sample(counts):
            now, cpu, machine = time.time(), self.processes.snapshot(groups), machine_ticks()
            seconds = now - previous["t"]
            series.append({"t": now - t0, "placed": len(placed_at), "delivered": counts.get("DELIVERED", 0),
                           "ended": sum(counts.get(status, 0) for status in FINAL),
                           "cpu_cores": sum(self.processes.used_ms(previous["cpu"], cpu).values()) / 1000 / seconds,
                           "machine_cores": (machine[0] - previous["machine"][0]) / TICK / seconds})
            previous.update(cpu=cpu, machine=machine, t=now)
            if len(series) % 5 == 0:
                progress(f"{len(placed_at)} placed, {counts.get('DELIVERED', 0)} delivered after {now - t0:.0f} s")

        time.sleep(1)
        counts, complete = self.wait_final(customer, lambda: not placing.is_alive(), on_sample)
        t1 = time.time()
        placing.join()
        cpu1, machine1, own1 = self.processes.snapshot(self.processes.groups()), machine_ticks(), own_cpu()
        threads1 = {service: thread_kind_ticks(self.processes.service_pid(service)) for service in SERVICES}
        sampler_queries = self.session.queries - queries0
        progress(f"{counts}; reading the commits in {STATS_LAG:.0f} s, once PostgreSQL has reported them")
        time.sleep(STATS_LAG)
        commits2, outbox2, t2 = commits(a.db_prefix), outbox_rows(a.db_prefix), time.time()

        # A saga completed is an order DELIVERED; any other end is reported beside it.
        delivered = counts.get("DELIVERED", 0)
        per_saga = max(delivered, 1)
        last = query(self.orders_db, f"select extract(epoch from max(updated_at)) from customer_order "
                                     f"where customer_id = '{customer}' and status = 'DELIVERED'")[0][0]
        seconds = max(float(last or t1) - t0, 1e-9)
        window = t1 - t0
        cpu_ms = self.processes.used_ms(cpu0, cpu1)
        # The commits made after t1 (the idle pollers', while the statistics caught up) and the
        # sampler's own queries are taken off, so that what is left is the test's.
        db_commits = {name: commits2[name] - commits0.get(name, 0)
                      - idle["commits_per_second_by_database"].get(name, 0) * (t2 - t1)
                      - (sampler_queries if name == self.orders_db else 0) for name in commits2}
        total_commits = sum(db_commits.values())
        published = {service: outbox2[service] - outbox0[service] for service in outbox2}
        self.result["throughput"] = {
            "orders": a.orders, "clients": a.clients, "refused": len(errors), "refused_examples": errors[:3],
            "outcomes": counts, "delivered": delivered, "all_ended": complete,
            "seconds": seconds, "sagas_per_second": delivered / seconds,
            "placed_per_second": len(placed_at) / max(max(placed_at, default=t0) - t0, 1e-9),
            "window_seconds": window,
            "cpu_ms": cpu_ms, "cpu_ms_total": sum(cpu_ms.values()),
            "cpu_ms_per_saga": {group: ms / per_saga for group, ms in cpu_ms.items()},
            "cpu_ms_per_saga_total": sum(cpu_ms.values()) / per_saga,
            "jvm_threads_ms_per_saga": {kind: ms / per_saga for kind, ms in jvm_thread_ms(threads0, threads1).items()},
            "cpu_share_of_machine": sum(cpu_ms.values()) / 1000 / (CORES * window),
            "machine_busy_share": (machine1[0] - machine0[0]) / (machine1[1] - machine0[1]),
            "load_generator_cpu_ms": (own1 - own0) * 1000,
            "commits": total_commits, "commits_per_saga": total_commits / per_saga,
            "commits_per_saga_by_database": {name: count / per_saga for name, count in db_commits.items()},
            "commits_per_second": total_commits / window,
            "published": sum(published.values()), "published_per_saga": sum(published.values()) / per_saga,
            "published_per_saga_by_service": {s: n / per_saga for s, n in published.items()},
            "published_per_second": sum(published.values()) / window,
            "idle": idle, "series": series,
        }
        t = self.result["throughput"]
        progress(f"{t['sagas_per_second']:.1f} sagas/s, {t['cpu_ms_per_saga_total']:.1f} ms CPU, "
                 f"{t['commits_per_saga']:.1f} commits, {t['published_per_saga']:.1f} publishes per saga")

    def one_saga(self):
        a = self.args
        self.phase("5/8", f"one saga at a time: {a.sagas} orders, POST /orders -> DELIVERED, step by step")
        placed, refused = [], []
        for n in range(a.sagas):
            started = time.time()
            try:
                order, millis = self.place("bench-one-saga")
            except RuntimeError as error:  # the system's answer, a figure: the test goes on
                refused.append(str(error))
                continue
            deadline = started + 60
            while time.time() < deadline:
                rows = self.session.rows(f"select status from customer_order where id = '{order['id']}'")
                if rows and rows[0][0] in FINAL:
                    break
                time.sleep(0.02)
            placed.append((order["id"], started, millis))
            if (n + 1) % 25 == 0:
                progress(f"{n + 1}/{a.sagas}")
        ids = ",".join(f"'{order_id}'" for order_id, _, _ in placed)
        # In the order order-service wrote them (id), the entries that changed the order's status.
        rows = query(self.orders_db, f"""
            select order_id, step, status_after, extract(epoch from occurred_at), extract(epoch from recorded_at)
            from order_timeline where order_id in ({ids}) and not ignored order by order_id, id""")
        transitions = {}
        for order_id, step, status, occurred, recorded in rows:
            steps_so_far = transitions.setdefault(order_id, [])
            if not steps_so_far or steps_so_far[-1][1] != status:
                steps_so_far.append((step, status, float(occurred), float(recorded)))

        steps, totals, not_delivered, off_path = {}, [], 0, 0
        for order_id, started, _ in placed:
            path = transitions.get(order_id, [])
            if not path or path[-1][1] != "DELIVERED":
                not_delivered += 1
                continue
            totals.append((path[-1][3] - started) * 1000)
            if [status for _, status, _, _ in path] != HAPPY_PATH:
                off_path += 1  # a fact arrived early and a status was skipped: no steps to compare
                continue
            previous_name, previous_time = "POST /orders", started
            for step, status, occurred, _ in path:
                steps.setdefault(f"{previous_name} -> {step}", []).append((occurred - previous_time) * 1000)
                previous_name, previous_time = step, occurred
            steps.setdefault(f"{previous_name} -> DELIVERED at order-service", []).append(
                (path[-1][3] - previous_time) * 1000)
        self.result["one_saga"] = {
            "sagas": a.sagas, "refused": len(refused), "refused_examples": refused[:3],
            "not_delivered": not_delivered, "steps_out_of_order": off_path,
            "total_ms": summary(totals),
            "steps": [{"step": name, **summary(values)} for name, values in steps.items()],
            "post_ms": summary([millis for _, _, millis in placed]),
        }
        total = self.result["one_saga"]["total_ms"]
        if total["n"]:
            progress(f"POST /orders -> DELIVERED: median {total['median']:.0f} ms, p99 {total['p99']:.0f} ms")

    def post_orders(self):
        a = self.args
        self.phase("6/8", f"POST /orders one at a time: {a.posts} after {a.warmup} to warm up; "
                          f"then POST /reservations alone, the inventory call inside it")
        def measure(name, url, body):
            """Times each request; one answered with an error is counted apart, not timed (a figure, not a failure)."""
            timed, refused = [], []
            for n in range(a.warmup + a.posts):
                status, answer, millis = self.http.call("POST", url, body())
                if n < a.warmup:
                    continue
                if status in (200, 201):
                    timed.append(millis)
                else:
                    refused.append(f"{status}: {answer}")
            self.result[name] = {"requests": a.posts, "warmup": a.warmup, "ms": summary(timed),
                                 "refused": len(refused), "refused_examples": refused[:3]}

        measure("post_orders", f"{a.order_url}/orders", lambda: order_body("bench-post"))
        measure("reservations", f"{a.inventory_url}/reservations",
                lambda: {"orderId": str(uuid.uuid4()), "lines": [{"sku": SKU, "quantity": 1}]})
        orders, reservations = self.result["post_orders"]["ms"], self.result["reservations"]["ms"]
        if orders["n"] and reservations["n"]:
            progress(f"POST /orders median {orders['median']:.1f} ms, p99 {orders['p99']:.1f} ms; "
                     f"POST /reservations median {reservations['median']:.1f} ms")
        # The orders placed here outrun their sagas: the memory is read once those have all ended.
        counts, complete = self.wait_final("bench-post", lambda: True)
        progress(f"their sagas: {counts}{'' if complete else ' (not all ended)'}")

    def memory(self):
        rss = {}
        for service in SERVICES:
            with open(f"/proc/{self.processes.service_pid(service)}/status") as status:
                kib = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
            rss[service] = kib / 1024
        self.result["memory_mib"] = rss
        progress("resident memory: " + ", ".join(f"{s} {mib:.0f} MiB" for s, mib in rss.items()))


def load_generator_cpu(psql_pid):
    """The load generator's own CPU seconds (this process and its psql), to show what it took from the machine."""
    def sample():
        own = os.times()
        return own.user + own.system + (cpu_ticks(psql_pid) or 0) / TICK
    return sample


def load(args):
    run = Load(args)
    try:
        run.throughput()
        run.one_saga()
        run.post_orders()
        run.memory()
    finally:
        run.session.close()
        with open(os.path.join(args.out, "load.json"), "w") as out:
            json.dump(run.result, out, indent=1)


# --- report --------------------------------------------------------------------------------------------

def read(out, name):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return {}
    with open(path) as file:
        return json.load(file)


def check(key, direction, target, aim, value):
    if value is None:
        return {"met": None, "aim_met": None}
    better = (lambda v, limit: v >= limit) if direction == ">=" else (lambda v, limit: v <= limit)
    return {"met": better(value, target), "aim_met": None if aim is None else better(value, aim)}


def verdict(checked):
    if checked["met"] is None:
        return "not measured"
    if not checked["met"]:
        return "**NO**"
    return "yes, aim too" if checked["aim_met"] else "yes"


def number(value, digits=1):
    return "n/a" if value is None else f"{value:,.{digits}f}"


def report(args):
    out = args.out
    run, ceilings, startup, load_result = read(out, "run.json"), read(out, "ceilings.json"), \
        read(out, "startup.json"), read(out, "load.json")
    t = load_result.get("throughput", {})
    one = load_result.get("one_saga", {})
    posts = load_result.get("post_orders", {}).get("ms", {})
    reservations = load_result.get("reservations", {}).get("ms", {})
    memory = load_result.get("memory_mib", {})
    pg_ceiling = ceilings.get("postgres", {}).get("commits_per_second")
    mq_ceiling = ceilings.get("rabbitmq", {}).get("confirmed_per_second")

    measured = {
        "sagas_per_second": t.get("sagas_per_second"),
        "cpu_ms_per_saga": t.get("cpu_ms_per_saga_total"),
        "one_saga_median_ms": one.get("total_ms", {}).get("median"),
        "one_saga_p99_ms": one.get("total_ms", {}).get("p99"),
        "post_orders_median_ms": posts.get("median"),
        "post_orders_p99_ms": posts.get("p99"),
        "one_service_start_s": startup.get("one_alone", {}).get("seconds"),
        "five_services_start_s": startup.get("five_at_once", {}).get("seconds"),
        "rss_mib": max(memory.values()) if memory else None,
    }
    targets = []
    for key, label, direction, target, aim in TARGETS:
        targets.append({"key": key, "figure": label, "measured": measured[key], "direction": direction,
                        "target": target, "aim": aim, **check(key, direction, target, aim, measured[key])})
    by_key = {entry["key"]: entry for entry in targets}

    def target_text(key, unit):
        entry = by_key[key]
        sign = "≥" if entry["direction"] == ">=" else "≤"
        aim = f" (aim {entry['aim']})" if entry["aim"] is not None else ""
        return f"{sign} {entry['target']}{unit}{aim}"

    rows = []

    def row(figure, value, against="", key=None, unit=""):
        rows.append((figure, value, against, target_text(key, unit) if key else "",
                     verdict(by_key[key]) if key else ""))

    pg, mq = ceilings.get("postgres", {}), ceilings.get("rabbitmq", {})
    rows.append(("**Ceilings of this machine**", "", "", "", ""))
    row(f"PostgreSQL: single-row insert commits/s (pgbench, {pg.get('clients', 8)} clients, "
        f"fsync {pg.get('fsync', '?')}, {pg.get('seconds', '?')} s)", number(pg_ceiling, 0), "the ceiling")
    row(f"RabbitMQ: persistent publishes/s with confirms (PerfTest, {mq.get('producers', 1)} producer, "
        f"{mq.get('message_bytes', '?')}-byte messages, {mq.get('seconds', '?')} s)", number(mq_ceiling, 0), "the ceiling")

    five, alone = startup.get("five_at_once", {}), startup.get("one_alone", {})
    aot = startup.get("aot_cache")
    caches = "with the JVMs' AOT caches" if aot else "without AOT caches"
    rows.append((f"**Start-up** ({caches})", "", "", "", ""))
    if aot and startup.get("aot_training_seconds") is not None:
        made = startup.get("aot_caches_made")
        row(f"AOT caches made (scripts/aot-cache.sh, one after another): {made if made is not None else '?'} of 5",
            f"{number(startup['aot_training_seconds'])} s",
            "once per build, as an image build does" + ("; the others were up to date" if made != 5 else ""))
    own = [seconds for seconds in five.get("jvm_started_in", {}).values() if seconds is not None]
    row("five services started at once -> all ready", f"{number(five.get('seconds'))} s",
        "slowest JVM's own figure: " + (f"{max(own):.1f} s" if own else "n/a"),
        "five_services_start_s", " s")
    row(f"{alone.get('service', 'one service')} started alone -> ready", f"{number(alone.get('seconds'))} s",
        f"its JVM's own figure: {number(alone.get('jvm_started_in'))} s", "one_service_start_s", " s")

    window = t.get("window_seconds")
    rows.append((f"**Throughput: {t.get('orders', '?')} orders from {t.get('clients', '?')} clients**", "", "", "", ""))
    outcomes = ", ".join(f"{n} {s}" for s, n in sorted(t.get("outcomes", {}).items()))
    refused = f"; {t['refused']} POST /orders refused" if t.get("refused") else ""
    row("sagas completed (DELIVERED) per second", number(t.get("sagas_per_second")),
        f"{outcomes}{'' if t.get('all_ended', True) else ' (NOT all ended)'}{refused}; "
        f"orders placed at {number(t.get('placed_per_second'))}/s", "sagas_per_second")
    cpu_ms, idle = t.get("cpu_ms_total"), t.get("idle", {})
    per_saga = max(t.get("delivered", 1), 1)
    # What the system costs doing nothing, for the same time: the share of each figure that is not the sagas'.
    idle_cpu_ms = idle.get("cpu_cores", 0) * 1000 * (window or 0)
    idle_commits = idle.get("commits_per_second", 0) * (window or 0)
    row("CPU time per saga, all processes", f"{number(t.get('cpu_ms_per_saga_total'))} ms",
        f"{number(cpu_ms and cpu_ms / 1000)} CPU s in {number(window)} s = "
        f"{number(100 * t.get('cpu_share_of_machine', 0), 0)} % of {CORES} cores; "
        f"{number(cpu_ms and (cpu_ms - idle_cpu_ms) / per_saga)} ms above the idle system's",
        "cpu_ms_per_saga", " ms")
    for group, ms in t.get("cpu_ms_per_saga", {}).items():
        row(f"&nbsp;&nbsp;{group}", f"{number(ms)} ms", "")
    threads = t.get("jvm_threads_ms_per_saga")
    if threads:
        jvms = sum(threads.values())
        row("&nbsp;&nbsp;the five JVMs by thread: application", f"{number(threads['application'])} ms",
            f"JIT compilers {number(threads['jit'])} ms (at least), VM thread and collector "
            f"{number(threads['vm_and_gc'])} ms: {number(jvms and 100 * threads['jit'] / jvms, 0)} % "
            f"and {number(jvms and 100 * threads['vm_and_gc'] / jvms, 0)} % of the JVMs' CPU")
    machine, ours = 100 * t.get("machine_busy_share", 0), 100 * t.get("cpu_share_of_machine", 0)
    generator = 100 * t.get("load_generator_cpu_ms", 0) / 1000 / (CORES * (window or 1))
    row("the whole machine's CPU during the test", f"{number(machine, 0)} % busy",
        f"the system {number(ours, 0)} %, the load generator {number(generator, 0)} %, "
        f"anything else on the machine {number(max(machine - ours - generator, 0), 0)} %")
    commits_ratio = t.get("commits_per_second", 0) / pg_ceiling if pg_ceiling else None
    row("PostgreSQL commits per saga", number(t.get("commits_per_saga")),
        f"{number(t.get('commits_per_second'), 0)} commits/s = "
        f"{number(commits_ratio and 100 * commits_ratio, 0)} % of the pgbench ceiling; "
        f"{number((t.get('commits', 0) - idle_commits) / per_saga)} above the idle system's")
    publish_ratio = t.get("published_per_second", 0) / mq_ceiling if mq_ceiling else None
    row("events published per saga (outbox rows)", number(t.get("published_per_saga")),
        f"{number(t.get('published_per_second'), 0)} publishes/s = "
        f"{number(publish_ratio and 100 * publish_ratio, 0)} % of the PerfTest ceiling")
    row("idle, before the test (pollers and timers)", f"{number(idle.get('commits_per_second'), 0)} commits/s",
        f"{number(100 * idle.get('cpu_cores', 0), 0)} % of one core")

    rows.append((f"**Latency: {one.get('sagas', '?')} sagas one at a time; "
                 f"{load_result.get('post_orders', {}).get('requests', '?')} POST /orders one at a time**",
                 "", "", "", ""))
    total = one.get("total_ms", {})
    odd = [f"{one[key]} {what}" for key, what in (("refused", "refused"), ("not_delivered", "not DELIVERED"),
                                                  ("steps_out_of_order", "with a step out of order")) if one.get(key)]
    row("one saga, POST /orders -> DELIVERED, median", f"{number(total.get('median'), 0)} ms",
        f"p90 {number(total.get('p90'), 0)} ms, max {number(total.get('max'), 0)} ms"
        + (f"; {', '.join(odd)}" if odd else ""), "one_saga_median_ms", " ms")
    row("one saga, POST /orders -> DELIVERED, p99", f"{number(total.get('p99'), 0)} ms", "",
        "one_saga_p99_ms", " ms")
    for step in one.get("steps", []):
        row(f"&nbsp;&nbsp;{step['step']}", f"{number(step.get('median'), 0)} ms",
            f"p90 {number(step.get('p90'), 0)}, p99 {number(step.get('p99'), 0)} ms")
    posts_refused = load_result.get("post_orders", {}).get("refused")
    row("POST /orders, median", f"{number(posts.get('median'), 2)} ms",
        f"p90 {number(posts.get('p90'), 2)} ms, max {number(posts.get('max'), 0)} ms"
        + (f"; {posts_refused} refused (not timed)" if posts_refused else ""), "post_orders_median_ms", " ms")
    row("POST /orders, p99", f"{number(posts.get('p99'), 2)} ms", "", "post_orders_p99_ms", " ms")
    share = reservations.get("median") / posts["median"] if reservations.get("median") and posts.get("median") else None
    row("&nbsp;&nbsp;POST /reservations alone (the inventory call inside it)",
        f"{number(reservations.get('median'), 2)} ms",
        f"p99 {number(reservations.get('p99'), 2)} ms; {number(share and 100 * share, 0)} % of the median order")

    rows.append(("**Memory after the load**", "", "", "", ""))
    for service, mib in memory.items():
        limit = by_key["rss_mib"]
        checked = check("rss_mib", "<=", limit["target"], limit["aim"], mib)
        rows.append((f"resident memory (VmRSS), {service}", f"{mib:.0f} MiB", "", target_text("rss_mib", " MiB"),
                     verdict(checked)))

    table = ["| figure | measured | against the ceilings, and more | target | met |", "|---|---|---|---|---|"]
    table += ["| " + " | ".join(cells) + " |" for cells in rows]
    text = "\n".join(table)

    data = {"run": run, "ceilings": ceilings, "startup": startup, **load_result, "targets": targets}
    with open(os.path.join(out, "benchmark.json"), "w") as file:
        json.dump(data, file, indent=1)
    with open(os.path.join(out, "benchmark.md"), "w") as file:
        file.write(text + "\n")
    chart(out, t, one, posts)

    print()
    print(f"Benchmark of {run.get('commit', '?')} on {run.get('machine', '?')} "
          f"(load average at the start: {run.get('load_average', '?')})"
          f"{'; --small: a check of the tool, not figures to quote' if run.get('small') else ''}")
    print()
    print(text.replace("&nbsp;", " ").replace("**", ""))
    print()
    print(f"Figures: {os.path.join(out, 'benchmark.json')}   table: {os.path.join(out, 'benchmark.md')}"
          f"   chart: {os.path.join(out, 'benchmark.png')}")
    missed = [entry["figure"] for entry in targets if entry["met"] is False]
    if missed:
        print(f"Targets not met: {'; '.join(missed)}")
    return 3 if args.strict and missed else 0


def chart(out, throughput, one, posts):
    """The data files, then gnuplot (scripts/benchmark-chart.gp) draws benchmark.png from them."""
    with open(os.path.join(out, "steps.dat"), "w") as file:
        file.write("# step\tp50\tp90\tp99 (ms)\n")
        lines = [(s["step"], s) for s in one.get("steps", [])]
        lines.append(("one saga, in all", one.get("total_ms", {})))
        lines.append(("POST /orders (sequential test)", posts))
        for name, s in lines:
            if s.get("n"):
                file.write(f"{name}\t{s['median']:.2f}\t{s['p90']:.2f}\t{s['p99']:.2f}\n")
    with open(os.path.join(out, "throughput.dat"), "w") as file:
        file.write("# seconds\tdelivered/s\tplaced/s\tcores used by the system\tcores used by the whole machine\n")
        previous = {"t": 0.0, "delivered": 0, "placed": 0}
        for sample in throughput.get("series", []):
            seconds = sample["t"] - previous["t"]
            file.write(f"{sample['t']:.1f}\t{(sample['delivered'] - previous['delivered']) / seconds:.1f}\t"
                       f"{(sample['placed'] - previous['placed']) / seconds:.1f}\t{sample['cpu_cores']:.2f}\t"
                       f"{sample['machine_cores']:.2f}\n")
            previous = sample
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "benchmark-chart.gp")
    title = f"{throughput.get('orders', '?')} orders, {throughput.get('clients', '?')} clients; " \
            f"{one.get('sagas', '?')} single sagas"
    done = subprocess.run(["gnuplot", "-e", f"dir='{out}'; cores={CORES}; title='{title}'", script],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"gnuplot failed: {done.stderr}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("load")
    run.add_argument("--out", required=True)
    run.add_argument("--order-url", required=True)
    run.add_argument("--inventory-url", required=True)
    run.add_argument("--delivery-url", required=True)
    run.add_argument("--pid-dir", required=True)
    run.add_argument("--db-prefix", required=True)
    run.add_argument("--orders", type=int, default=1000)
    run.add_argument("--clients", type=int, default=8)
    run.add_argument("--warmup", type=int, default=100)
    run.add_argument("--sagas", type=int, default=100)
    run.add_argument("--posts", type=int, default=1000)
    run.add_argument("--idle-seconds", type=float, default=5)
    run.add_argument("--started-at", type=float, help="when the whole run started (epoch seconds), for the progress lines")
    run.set_defaults(func=load)
    summarise = commands.add_parser("report")
    summarise.add_argument("--out", required=True)
    summarise.add_argument("--strict", action="store_true", help="exit 3 when a target is not met")
    summarise.set_defaults(func=report)
    args = parser.parse_args()
    sys.exit(args.func(args) or 0)


if __name__ == "__main__":
    main()
