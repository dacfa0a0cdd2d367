#!/usr/bin/env python3
"""Checks the Grafana dashboard and the alerting rules against what the running system really exposes.

Grafana is not needed: the dashboard's JSON is parsed, the metric names are taken out of every
PromQL query in it, and each must appear in a scrape of the five services' /actuator/prometheus
(or of RabbitMQ's Prometheus plugin, for the queue depths). A name that no scrape shows would be
an empty panel: the script lists every such name and fails. The alerting rules of
prometheus/alerts.yml are checked the same way (a rule on a name no scrape shows never fires).

    scripts/run-local.sh                     # first: the system, with FOOD_ADMIN_USER/PASSWORD set or in .env
    observability/check-dashboard.py         # or: ... check-dashboard.py scrape1.txt scrape2.txt ...

Environment: FOOD_ORDER_URL, FOOD_INVENTORY_URL, FOOD_PAYMENT_URL, FOOD_KITCHEN_URL, FOOD_DELIVERY_URL
(defaults http://localhost:8080 ... 8084), FOOD_ADMIN_USER / FOOD_ADMIN_PASSWORD (the admin login;
from .env when not set), FOOD_RABBITMQ_PROMETHEUS_URL (default
http://localhost:15692/metrics/detailed?family=queue_coarse_metrics; set it empty to leave RabbitMQ
out, and with it the check of its rabbitmq_detailed_* names), FOOD_DASHBOARD (default: the dashboard
beside this script). Files given as arguments are read as scrapes instead of the URLs.

Exit status: 0 when every name is exposed, 1 when some are not (listed), 2 when a scrape fails.
"""
import base64
import json
import os
import re
import sys
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
DASHBOARD = os.environ.get("FOOD_DASHBOARD", os.path.join(HERE, "grafana", "dashboards", "food-ordering.json"))
DATASOURCE_UID = "prometheus"
ALERTS = os.path.join(HERE, "prometheus", "alerts.yml")
# Series Prometheus makes itself for every target, not found in any scrape.
SYNTHETIC = {"up", "scrape_duration_seconds", "scrape_samples_scraped"}

SERVICES = {
    "order-service": os.environ.get("FOOD_ORDER_URL", "http://localhost:8080"),
    "inventory-service": os.environ.get("FOOD_INVENTORY_URL", "http://localhost:8081"),
    "payment-service": os.environ.get("FOOD_PAYMENT_URL", "http://localhost:8082"),
    "kitchen-service": os.environ.get("FOOD_KITCHEN_URL", "http://localhost:8083"),
    "delivery-service": os.environ.get("FOOD_DELIVERY_URL", "http://localhost:8084"),
}
RABBITMQ = os.environ.get("FOOD_RABBITMQ_PROMETHEUS_URL",
                          "http://localhost:15692/metrics/detailed?family=queue_coarse_metrics")
# What only RabbitMQ's plugin exposes (the services' own RabbitMQ client metrics are rabbitmq_* too).
RABBITMQ_ONLY = "rabbitmq_detailed_"

# PromQL words that look like metric names but are not.
KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless",
            "offset", "inf", "nan", "atan2"}


def admin_credentials():
    user, password = os.environ.get("FOOD_ADMIN_USER", "admin"), os.environ.get("FOOD_ADMIN_PASSWORD")
    if not password and os.path.exists(".env"):
        values = dict(line.strip().split("=", 1) for line in open(".env") if "=" in line and not line.startswith("#"))
        user, password = values.get("FOOD_ADMIN_USER", "admin"), values.get("FOOD_ADMIN_PASSWORD")
    if not password:
        sys.exit("Set FOOD_ADMIN_USER and FOOD_ADMIN_PASSWORD (or a .env file) as for the running services")
    return base64.b64encode(f"{user}:{password}".encode()).decode()


def scrape(url, authorization=None):
    request = urllib.request.Request(url, headers={"Authorization": authorization} if authorization else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read().decode()
    except (urllib.error.URLError, OSError) as failure:
        print(f"cannot scrape {url}: {failure}", file=sys.stderr)
        sys.exit(2)


def exposed_names(text):
    """The metric name of every sample line of a scrape in Prometheus' text format."""
    names = set()
    for line in text.splitlines():
        match = re.match(r"[A-Za-z_:][A-Za-z0-9_:]*", line)
        if match and not line.startswith("#"):
            names.add(match.group(0))
    return names


def metric_names(expr):
    """The metric names a PromQL query reads: what is left once strings, label matchers, ranges,
    grouping clauses, variables and function calls are taken out."""
    expr = re.sub(r'"(?:\\.|[^"\\])*"', '""', expr)
    expr = re.sub(r"\{[^}]*\}", " ", expr)
    expr = re.sub(r"\[[^\]]*\]", " ", expr)
    expr = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", expr)
    expr = re.sub(r"\$\{?\w+\}?", " ", expr)
    names = set()
    for match in re.finditer(r"(?<![\w.])([A-Za-z_:][A-Za-z0-9_:]*)(\s*\()?", expr):
        name, call = match.group(1), match.group(2)
        if not call and name.lower() not in KEYWORDS:
            names.add(name)
    return names


def queries(dashboard):
    """(panel title, datasource uid, expr) of every query, also of panels inside collapsed rows."""
    def walk(panels):
        for panel in panels:
            yield from walk(panel.get("panels", []))
            for target in panel.get("targets", []):
                if target.get("expr"):
                    source = target.get("datasource") or panel.get("datasource") or {}
                    yield panel.get("title", "?"), source.get("uid"), target["expr"]
    return list(walk(dashboard.get("panels", [])))


def alert_queries(path):
    """(alert name, expr) of every rule: read line by line, an expr on one line (as alerts.yml is written)."""
    rules, name = [], None
    for line in open(path):
        match = re.match(r"\s*- alert:\s*(\S+)", line)
        if match:
            name = match.group(1)
        match = re.match(r"\s*expr:\s*(.+)$", line)
        if match and name:
            rules.append((name, match.group(1).strip()))
    return rules


def main():
    with open(DASHBOARD) as file:
        dashboard = json.load(file)  # fails here if the JSON does not parse
    used = {}
    problems = []
    for title, uid, expr in queries(dashboard):
        if uid != DATASOURCE_UID:
            problems.append(f"panel '{title}': data source uid {uid!r}, not the provisioned {DATASOURCE_UID!r}")
        for name in metric_names(expr):
            used.setdefault(name, set()).add(title)
    print(f"{os.path.relpath(DASHBOARD)}: '{dashboard['title']}', {len(queries(dashboard))} queries, "
          f"{len(used)} metric names")
    alerts = alert_queries(ALERTS)
    for alert, expr in alerts:
        for name in metric_names(expr) - SYNTHETIC:
            used.setdefault(name, set()).add("alert " + alert)
    print(f"{os.path.relpath(ALERTS)}: {len(alerts)} alerting rules")

    exposed = {}
    if len(sys.argv) > 1:
        sources = {path: open(path).read() for path in sys.argv[1:]}
    else:
        authorization = "Basic " + admin_credentials()
        sources = {service: scrape(url.rstrip("/") + "/actuator/prometheus", authorization)
                   for service, url in SERVICES.items()}
        if RABBITMQ:
            sources["rabbitmq"] = scrape(RABBITMQ)
    for source, text in sources.items():
        names = exposed_names(text)
        print(f"  scraped {source}: {len(text)} bytes, {sum(1 for l in text.splitlines() if l and not l.startswith('#'))}"
              f" samples, {len(names)} names")
        for name in names:
            exposed.setdefault(name, []).append(source)

    for name in sorted(used):
        if name.startswith(RABBITMQ_ONLY) and "rabbitmq" not in sources and name not in exposed:
            print(f"  skipped  {name:<58} (RabbitMQ not scraped)")
        elif name in exposed:
            print(f"  ok       {name:<58} {', '.join(exposed[name])}")
        else:
            problems.append(f"{name} (used in: {', '.join(sorted(used[name]))}) is exposed by no scrape")
    if problems:
        print("FAILED:", *problems, sep="\n  ", file=sys.stderr)
        sys.exit(1)
    print("Every metric the dashboard and the alerting rules use is exposed.")


if __name__ == "__main__":
    main()
