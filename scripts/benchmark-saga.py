#!/usr/bin/env python3
"""Throughput of completed sagas, and the time from POST /orders to DELIVERED.

Places ORDERS orders from CLIENTS concurrent clients against the locally running system, waits
until every order has reached a final state, and prints how many sagas ended per second and the
median / 90th / 99th percentile time from placement to DELIVERED (both timestamps are
order-service's own: createdAt, and updatedAt of the DELIVERED order).

Start the system with the kitchen and delivery times at zero, and polling that does not dominate:

    FOOD_KITCHEN_PREPARATION_TIME=0s FOOD_DELIVERY_TIME=0s \\
    FOOD_KITCHEN_POLL_INTERVAL=100ms FOOD_DELIVERY_POLL_INTERVAL=100ms FOOD_RELAY_INTERVAL=100ms \\
      scripts/run-local.sh
    scripts/benchmark-saga.py [orders=2000] [clients=8]      # throughput, under load
    scripts/benchmark-saga.py 100 1 paced                     # latency of one saga at a time

It raises the stock of one product and hires 20 more couriers (admin API) so that neither stock
nor couriers are the limit. The orders stay in the local databases, as any order would.
"""
import base64
import json
import os
import statistics
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

ORDER = os.environ.get("FOOD_ORDER_URL", "http://localhost:8080")
INVENTORY = os.environ.get("FOOD_INVENTORY_URL", "http://localhost:8081")
DELIVERY = os.environ.get("FOOD_DELIVERY_URL", "http://localhost:8084")
SKU = "LEMONADE"
FINAL = {"DELIVERED", "CANCELLED", "REJECTED"}


def admin_header():
    user, password = os.environ.get("FOOD_ADMIN_USER"), os.environ.get("FOOD_ADMIN_PASSWORD")
    if not password and os.path.exists(".env"):
        values = dict(line.strip().split("=", 1) for line in open(".env") if "=" in line and not line.startswith("#"))
        user, password = values.get("FOOD_ADMIN_USER", "admin"), values.get("FOOD_ADMIN_PASSWORD")
    if not password:
        sys.exit("Set FOOD_ADMIN_USER and FOOD_ADMIN_PASSWORD (or a .env file) as for the running services")
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def call(method, url, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def main():
    orders = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    # paced: each client waits for its order's saga to end before placing the next, so that the
    # latency is that of the saga itself, not of a queue of sagas waiting behind each other
    paced = len(sys.argv) > 3 and sys.argv[3] == "paced"
    admin = admin_header()

    _, product = call("GET", f"{INVENTORY}/products/{SKU}")
    call("PUT", f"{INVENTORY}/admin/products/{SKU}/stock", {"onHand": product["reserved"] + orders + 10}, admin)
    for n in range(1, 21):
        call("POST", f"{DELIVERY}/admin/couriers", {"id": f"bench-{n}", "name": f"Bench courier {n}"}, admin)
    print(f"{orders} orders of one {SKU}, from {clients} concurrent clients{', one saga at a time each' if paced else ''}",
          flush=True)

    body = {"customerId": "bench", "lines": [{"sku": SKU, "quantity": 1}],
            "deliveryAddress": {"street": "1 Main St", "city": "Springfield", "postcode": "12345"},
            "paymentToken": "tok_visa"}

    def place(_):
        status, order = call("POST", f"{ORDER}/orders", body)
        if status != 201:
            raise SystemExit(f"POST /orders answered {status}: {order}")
        while paced and order["status"] not in FINAL:
            time.sleep(0.05)
            order = call("GET", f"{ORDER}/orders/{order['id']}")[1]
        return order["id"]

    started = time.time()
    with ThreadPoolExecutor(clients) as pool:
        ids = list(pool.map(place, range(orders)))
    print(f"  placed {len(ids)} in {time.time() - started:.1f} s; waiting for every saga to end", flush=True)

    done = {}
    deadline = time.time() + 600
    with ThreadPoolExecutor(clients) as pool:
        while len(done) < len(ids) and time.time() < deadline:
            pending = [i for i in ids if i not in done]
            for order in pool.map(lambda i: call("GET", f"{ORDER}/orders/{i}")[1], pending):
                if order["status"] in FINAL:
                    done[order["id"]] = order
            print(f"  {len(done)}/{len(ids)} sagas ended", flush=True)
            if len(done) < len(ids):
                time.sleep(1)

    outcomes = {}
    for order in done.values():
        key = order["status"] + (f" ({order['reason']})" if order.get("reason") else "")
        outcomes[key] = outcomes.get(key, 0) + 1
    delivered = [o for o in done.values() if o["status"] == "DELIVERED"]
    first = min(instant(o["createdAt"]) for o in done.values())
    last = max(instant(o["updatedAt"]) for o in done.values())
    latencies = sorted((instant(o["updatedAt"]) - instant(o["createdAt"])) * 1000 for o in delivered)
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]

    print()
    print(f"outcomes: {outcomes}; not ended after 10 minutes: {len(ids) - len(done)}")
    print(f"throughput: {len(done) / (last - first):.1f} sagas ended per second "
          f"({len(done)} between the first placement and the last final state, {last - first:.1f} s)")
    if latencies:
        print(f"POST /orders -> DELIVERED: median {statistics.median(latencies):.0f} ms, p90 {pick(0.90):.0f} ms, "
              f"p99 {pick(0.99):.0f} ms, max {latencies[-1]:.0f} ms")


if __name__ == "__main__":
    main()
