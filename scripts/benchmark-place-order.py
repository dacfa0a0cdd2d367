#!/usr/bin/env python3
"""Latency of POST /orders against the locally running system, and of the inventory call inside it.

Sends REQUESTS sequential POST /orders (after a warm-up), then as many sequential POST /reservations
straight to inventory (the call order-service makes for each order), and prints the median, 90th
and 99th percentile and maximum of each. The difference is what order-service adds around the
call: validation, two database transactions, the outbox row.

    scripts/run-local.sh            # first: the system, with FOOD_ADMIN_USER/PASSWORD set or in .env
    scripts/benchmark-place-order.py [requests=1000] [warmup=100]

Each order reserves one LEMONADE; the script first raises its stock so that every request succeeds.
The orders it places stay in the local database (AWAITING_PAYMENT), as any order would.
"""
import base64
import json
import os
import statistics
import sys
import time
import urllib.request
import uuid

ORDER = os.environ.get("FOOD_ORDER_URL", "http://localhost:8080")
INVENTORY = os.environ.get("FOOD_INVENTORY_URL", "http://localhost:8081")
SKU = "LEMONADE"


def admin_credentials():
    user, password = os.environ.get("FOOD_ADMIN_USER"), os.environ.get("FOOD_ADMIN_PASSWORD")
    if not password and os.path.exists(".env"):
        values = dict(line.strip().split("=", 1) for line in open(".env") if "=" in line and not line.startswith("#"))
        user, password = values.get("FOOD_ADMIN_USER"), values.get("FOOD_ADMIN_PASSWORD")
    if not password:
        sys.exit("Set FOOD_ADMIN_USER and FOOD_ADMIN_PASSWORD (or a .env file) as for the running services")
    return base64.b64encode(f"{user}:{password}".encode()).decode()


def call(method, url, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json", **(headers or {})})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        payload = response.read()
        status = response.status
    return status, (time.perf_counter() - started) * 1000, payload


def measure(label, count, send):
    timings = []
    for i in range(count):
        status, millis, _ = send()
        if status not in (200, 201):
            sys.exit(f"{label}: request {i} answered {status}")
        timings.append(millis)
        if (i + 1) % 250 == 0:
            print(f"  {label}: {i + 1}/{count}", flush=True)
    return timings


def summary(label, timings):
    ordered = sorted(timings)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]
    print(f"{label:<28} n={len(ordered):<5} median {statistics.median(ordered):7.2f} ms   p90 {pick(0.90):7.2f} ms"
          f"   p99 {pick(0.99):7.2f} ms   max {ordered[-1]:7.2f} ms")
    return statistics.median(ordered), pick(0.99)


def main():
    requests = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    warmup = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    auth = {"Authorization": "Basic " + admin_credentials()}

    _, _, body = call("GET", f"{INVENTORY}/products/{SKU}")
    product = json.loads(body)
    on_hand = product["reserved"] + 2 * (requests + warmup) + 10
    call("PUT", f"{INVENTORY}/admin/products/{SKU}/stock", {"onHand": on_hand}, auth)
    print(f"{SKU}: stock on hand set to {on_hand}; {warmup} warm-up requests, then {requests} measured, one at a time")

    order = {"customerId": "bench", "lines": [{"sku": SKU, "quantity": 1}],
             "deliveryAddress": {"street": "1 Main St", "city": "Springfield", "postcode": "12345"},
             "paymentToken": "tok_visa"}
    place = lambda: call("POST", f"{ORDER}/orders", order)
    reserve = lambda: call("POST", f"{INVENTORY}/reservations",
                           {"orderId": str(uuid.uuid4()), "lines": [{"sku": SKU, "quantity": 1}]})

    measure("warm-up", warmup, place)
    measure("warm-up", warmup, reserve)
    orders = measure("POST /orders", requests, place)
    reservations = measure("POST /reservations", requests, reserve)

    print()
    order_median, order_p99 = summary("POST /orders (end to end)", orders)
    call_median, call_p99 = summary("POST /reservations alone", reservations)
    print(f"the inventory call is ~{100 * call_median / order_median:.0f}% of the median order "
          f"({call_median:.2f} of {order_median:.2f} ms), ~{100 * call_p99 / order_p99:.0f}% at the 99th percentile")


if __name__ == "__main__":
    main()
