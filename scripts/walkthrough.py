#!/usr/bin/env python3
"""Runs the curl walkthroughs, README.md's "Follow one order" and docs/walkthrough.md, against a
running system, and checks that every command does what the page says it does.

    scripts/walkthrough.py [-v] [PAGE.md ...]     # default: README.md, then docs/walkthrough.md

The pages run one after the other in the same shell. The convention, in each page:

    <!-- walkthrough -->          on the line before a ```bash fence: this block is run. Marked
    ```bash                       blocks run in the order of the page, as if pasted one after
    curl -s localhost:8080/...    the other into one shell: a later block uses the functions and
    # expect: "status":"PAID"     variables of an earlier one. Unmarked blocks are not run.
    ```

    # expect: TEXT                a line of its own: the output of the commands since the previous
                                  expect line (or the start of the block) must contain TEXT, as is.
                                  Several expect lines in a row must all hold.
    # expect within 15s: TEXT     the same, but those commands run again, once a second, until
                                  their output contains TEXT, for at most 15 s: for a GET that
                                  waits on the saga. Only for commands that are safe to repeat:
                                  put a blank line between them and a command that is not.

A step is the commands between two expect lines or blank lines (so a multi-line command holds no
blank line). Each step must also exit with status 0 and finish within
FOOD_WALKTHROUGH_STEP_TIMEOUT seconds (default 90), else it fails. A progress line is printed per
step; -v prints each step's output as well.

Environment: FOOD_ORDER_URL, FOOD_INVENTORY_URL, FOOD_PAYMENT_URL, FOOD_KITCHEN_URL,
FOOD_DELIVERY_URL (default http://localhost:8080 ... 8084; the pages' localhost:8080 ... 8084 are
rewritten to them), FOOD_ADMIN_USER and FOOD_ADMIN_PASSWORD (required: the pages' admin lines
use them), FOOD_RABBITMQ_VHOST, FOOD_RABBITMQ_USER, FOOD_RABBITMQ_PASSWORD (for the line that
publishes to RabbitMQ's management API; default /, guest, guest).

Before the first step it notes every teaching switch (unavailable dishes, the courier pool,
inventory's failure switch, the payment gateway's faults, the handler failure switches) and the
stock counts; when it ends, passed,
failed or interrupted, it puts back every one that changed, and discards the dead letters its own
steps left behind. Python 3 standard library only. docs/api-and-walkthrough.md explains it.
"""

import base64
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

SERVICES = {  # service -> (environment variable, the port the pages use)
    "order": ("FOOD_ORDER_URL", 8080),
    "inventory": ("FOOD_INVENTORY_URL", 8081),
    "payment": ("FOOD_PAYMENT_URL", 8082),
    "kitchen": ("FOOD_KITCHEN_URL", 8083),
    "delivery": ("FOOD_DELIVERY_URL", 8084),
}
MARKER = "<!-- walkthrough -->"
EXPECT = re.compile(r"^\s*# expect(?: within (\d+)s)?: (.*?)\s*$")
STEP_TIMEOUT = int(os.environ.get("FOOD_WALKTHROUGH_STEP_TIMEOUT", "90"))
ROOT = Path(__file__).resolve().parent.parent


def base_url(service):
    variable, port = SERVICES[service]
    return os.environ.get(variable, f"http://localhost:{port}").rstrip("/")


# ---------------------------------------------------------------- reading the pages

class Step:
    def __init__(self, line, commands, page="README.md"):
        self.line = line  # where its first command is in its page
        self.page = page
        self.commands = commands
        self.expects = []  # (text, seconds to wait or None)

    def title(self):
        first = next((c for c in self.commands if c.strip() and not c.lstrip().startswith("#")), "")
        return first.strip()[:110]


def has_command(step):
    return any(c.strip() and not c.lstrip().startswith("#") for c in step.commands)


def steps_of(path):
    """The marked blocks of a page, cut into steps at their expect lines and blank lines."""
    page = str(path.resolve().relative_to(ROOT)) if path.resolve().is_relative_to(ROOT) else str(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    steps, blocks, i = [], 0, 0
    while i < len(lines):
        if lines[i].strip() == MARKER:
            if i + 1 >= len(lines) or lines[i + 1].strip() != "```bash":
                raise SystemExit(f"{page}:{i + 1}: {MARKER} must come right before a ```bash fence")
            blocks += 1
            i += 2
            step = Step(i + 1, [], page)
            while lines[i].strip() != "```":
                match = EXPECT.match(lines[i])
                if match:
                    if not has_command(step):
                        raise SystemExit(f"{page}:{i + 1}: an expect line with no command before it")
                    step.expects.append((match.group(2), int(match.group(1)) if match.group(1) else None))
                    if i + 1 < len(lines) and not EXPECT.match(lines[i + 1]):
                        steps.append(step)
                        step = Step(i + 2, [], page)
                elif not lines[i].strip():
                    if has_command(step):
                        steps.append(step)
                    step = Step(i + 2, [], page)
                else:
                    step.commands.append(lines[i])
                i += 1
                if i >= len(lines):
                    raise SystemExit(f"{page}: a walkthrough block is not closed")
            if has_command(step):
                steps.append(step)
        i += 1
    if not steps:
        raise SystemExit(f"{page} has no block marked {MARKER}")
    return steps, blocks


def rewrite(text):
    """The pages' addresses, as this system has them."""
    for service, (_, port) in SERVICES.items():
        netloc = urllib.parse.urlsplit(base_url(service)).netloc
        text = re.sub(rf"\blocalhost:{port}\b", netloc, text)
    vhost = os.environ.get("FOOD_RABBITMQ_VHOST", "/")
    text = text.replace("/api/exchanges/%2F/", f"/api/exchanges/{urllib.parse.quote(vhost, safe='')}/")
    user, password = os.environ.get("FOOD_RABBITMQ_USER", "guest"), os.environ.get("FOOD_RABBITMQ_PASSWORD", "guest")
    return text.replace("-u guest:guest", f"-u '{user}:{password}'")


# ---------------------------------------------------------------- running a step

class Shell:
    """Runs each step in a fresh bash that first loads the functions and variables the earlier steps
    left (a step can then be killed on its time limit without losing the state of the walkthrough)."""

    def __init__(self, workdir):
        self.workdir = Path(workdir)
        self.state = self.workdir / "state.sh"
        self.state.write_text("")
        self.process = None

    def run(self, commands):
        errors = self.workdir / "errors"
        errors.write_text("")
        script = self.workdir / "step.sh"
        script.write_text("\n".join([
            '__walkthrough_base=" $(compgen -v | tr \'\\n\' \' \') "',
            f'source "{self.state}"',
            f"trap 'echo \"exit status $? from: $BASH_COMMAND\" >> \"{errors}\"' ERR",
            *commands,
            "trap - ERR",
            "for __walkthrough_v in $(compgen -v); do",
            '  case "$__walkthrough_base" in *" $__walkthrough_v "*) continue ;; esac',
            '  case "$__walkthrough_v" in __walkthrough_*) continue ;; esac',
            '  declare -p "$__walkthrough_v"',
            f'done > "{self.state}.next" 2>/dev/null',
            f'declare -f >> "{self.state}.next"',
            f'mv "{self.state}.next" "{self.state}"',
            "",
        ]))
        self.process = subprocess.Popen(["bash", str(script)], cwd=ROOT, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        try:
            output, _ = self.process.communicate(timeout=STEP_TIMEOUT)
            failure = errors.read_text().strip() or None
        except subprocess.TimeoutExpired:
            self.kill()
            output, _ = self.process.communicate()
            failure = f"still running after {STEP_TIMEOUT} s: stopped"
        self.process = None
        return output.decode("utf-8", "replace"), failure

    def kill(self):
        if self.process and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def perform(shell, step, number, count, verbose):
    commands = [rewrite(c) for c in step.commands]
    started = time.monotonic()
    wait = max([seconds for _, seconds in step.expects if seconds] or [0])
    while True:
        output, failure = shell.run(commands)
        missing = [text for text, _ in step.expects if rewrite(text) not in output]
        if failure or not missing or time.monotonic() - started >= wait:
            break
        time.sleep(1)
    took = time.monotonic() - started
    checks = "  ".join(f"[{rewrite(text)}]" for text, _ in step.expects)
    status = "FAIL" if failure or missing else "ok"
    print(f"[{number:2}/{count}] {status:4} {took:5.1f}s  {step.page}:{step.line:<4} {rewrite(step.title())}  {checks}",
          flush=True)
    if verbose or status == "FAIL":
        for line in output.rstrip().splitlines()[-40:]:
            print(f"           | {line}")
    if failure:
        print(f"           the step failed: {failure}")
    for text in missing:
        print(f"           expected in its output, and not there: {text}")
    return status == "ok"


# ---------------------------------------------------------------- the system's switches

def admin_call(service, method, path, body=None):
    user, password = os.environ["FOOD_ADMIN_USER"], os.environ["FOOD_ADMIN_PASSWORD"]
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    request = urllib.request.Request(base_url(service) + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"Basic {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


def snapshot():
    return {
        "unavailable": admin_call("kitchen", "GET", "/admin/kitchen/unavailable-skus"),
        "couriers": {c["id"]: c["onDuty"] for c in admin_call("delivery", "GET", "/admin/couriers")},
        "failures": admin_call("inventory", "GET", "/admin/failures"),
        "gateway": admin_call("payment", "GET", "/admin/gateway/faults"),
        "handlers": {s: admin_call(s, "GET", "/admin/handler-failures") for s in SERVICES},
        "stock": {p["sku"]: p["onHand"] for p in get_json("inventory", "/products")},
        "dead": {s: {d["id"] for d in admin_call(s, "GET", "/admin/dead-letters")} for s in SERVICES},
    }


def restore(before):
    """Puts back each switch the walkthrough changed; one line per change, and none is skipped because
    an earlier one failed."""
    def attempt(what, action):
        try:
            action()
            print(f"restored: {what}")
        except (OSError, ValueError, KeyError) as failure:
            print(f"could not restore {what}: {failure}")

    now = snapshot_quietly()
    if now.get("unavailable") != before["unavailable"]:
        attempt(f"kitchen's unavailable SKUs {before['unavailable']}",
                lambda: admin_call("kitchen", "PUT", "/admin/kitchen/unavailable-skus", before["unavailable"]))
    for courier, on_duty in before["couriers"].items():
        if now.get("couriers", {}).get(courier) != on_duty:
            attempt(f"courier {courier} on duty: {on_duty}",
                    lambda c=courier, d=on_duty: admin_call("delivery", "PUT", f"/admin/couriers/{c}", {"available": d}))
    if now.get("failures") != before["failures"]:
        attempt(f"inventory's failure switch {before['failures']}",
                lambda: admin_call("inventory", "PUT", "/admin/failures", before["failures"]))
    if now.get("gateway") != before["gateway"]:
        attempt(f"the payment gateway's faults {before['gateway']}",
                lambda: admin_call("payment", "PUT", "/admin/gateway/faults", before["gateway"]))
    for service, settings in before["handlers"].items():
        if now.get("handlers", {}).get(service) != settings:
            attempt(f"{service}'s handler failure switch {settings}",
                    lambda s=service, v=settings: admin_call(s, "PUT", "/admin/handler-failures", v))
    for sku, on_hand in before["stock"].items():
        if now.get("stock", {}).get(sku) != on_hand:
            attempt(f"stock of {sku}: onHand {on_hand}",
                    lambda s=sku, n=on_hand: admin_call("inventory", "PUT", f"/admin/products/{s}/stock", {"onHand": n}))
    for service, ids in now.get("dead", {}).items():
        for letter in sorted(ids - before["dead"][service]):
            attempt(f"{service}: dead letter {letter} of this run discarded",
                    lambda s=service, i=letter: admin_call(s, "DELETE", f"/admin/dead-letters/{i}"))


def snapshot_quietly():
    try:
        return snapshot()
    except (OSError, ValueError) as failure:
        print(f"could not read the switches to restore them: {failure}")
        return {}


def get_json(service, path):
    with urllib.request.urlopen(base_url(service) + path, timeout=10) as response:
        return json.loads(response.read().decode())


def breaker_open():
    path = "/actuator/metrics/resilience4j.circuitbreaker.state?tag=name:inventory&tag=state:open"
    try:
        return admin_call("order", "GET", path)["measurements"][0]["value"] == 1.0
    except (OSError, ValueError, KeyError, IndexError):
        return False


def preflight():
    for variable in ("FOOD_ADMIN_USER", "FOOD_ADMIN_PASSWORD"):
        if not os.environ.get(variable):
            raise SystemExit(f"{variable} is not set: the walkthrough's admin lines use it "
                             "(with docker compose: set -a; . ./.env; set +a)")
    for service in SERVICES:
        try:
            status = get_json(service, "/actuator/health/readiness").get("status")
        except (OSError, ValueError) as failure:
            status = str(failure)
        if status != "UP":
            raise SystemExit(f"{service}-service at {base_url(service)} is not ready ({status}): start the system first")
    leftovers = admin_call("payment", "GET", "/admin/dead-letters")
    if leftovers:
        raise SystemExit(f"payment-service holds {len(leftovers)} dead letter(s) from before, which the walkthrough's "
                         "dead-letter steps would take for their own: replay or discard them first "
                         "(POST /admin/dead-letters/replay, DELETE /admin/dead-letters/{id})")
    # An open circuit breaker (left by an earlier failure demo) would refuse the first orders.
    deadline = time.monotonic() + 30
    while breaker_open() and time.monotonic() < deadline:
        time.sleep(1)


# ---------------------------------------------------------------- main

def main():
    verbose = "-v" in sys.argv[1:]
    arguments = [a for a in sys.argv[1:] if a != "-v"]
    pages = [Path(a) for a in arguments] or [ROOT / "README.md", ROOT / "docs" / "walkthrough.md"]
    steps, blocks = [], 0
    for page in pages:
        page_steps, page_blocks = steps_of(page)
        steps += page_steps
        blocks += page_blocks
    print(f"walkthrough: {len(steps)} steps in {blocks} blocks of {', '.join(str(p) for p in pages)}, against "
          + ", ".join(f"{s} {base_url(s)}" for s in SERVICES), flush=True)
    preflight()
    before = snapshot()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started, passed = time.monotonic(), 0
    with tempfile.TemporaryDirectory(prefix="walkthrough-") as workdir:
        shell = Shell(workdir)
        try:
            for number, step in enumerate(steps, 1):
                if not perform(shell, step, number, len(steps), verbose):
                    break
                passed += 1
        except KeyboardInterrupt:
            print("interrupted")
        finally:
            shell.kill()
            restore(before)
    took = time.monotonic() - started
    if passed < len(steps):
        print(f"walkthrough FAILED at step {passed + 1} of {len(steps)} after {took:.0f} s")
        return 1
    print(f"walkthrough passed: {len(steps)} steps in {took:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
