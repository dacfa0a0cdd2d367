#!/usr/bin/env python3
"""Checks the API clients in api/ against the running services' OpenAPI documents: every request of
the Postman collection and of the .http file must be an operation of the service it is sent to
(method and path template), name only query parameters that operation has and send the ones it
requires, and send a JSON body with every field its schema requires, no field it does not know,
and the right types.

    scripts/check-api-clients.py [api/food-ordering.postman_collection.json] [api/food-ordering.http]

Each service is named by the base URL variable a request starts with ({{orderUrl}}, ...) and asked
for its document at FOOD_ORDER_URL, FOOD_INVENTORY_URL, FOOD_PAYMENT_URL, FOOD_KITCHEN_URL and
FOOD_DELIVERY_URL (default http://localhost:8080 ... 8084) + /v3/api-docs. Actuator endpoints are
not in those documents: with FOOD_ADMIN_USER and FOOD_ADMIN_PASSWORD set they are checked against
the links of /actuator instead. A request to RabbitMQ's own API ({{rabbitmqUrl}}) is not checked.

Prints one line per request; fails, listing every mismatch, if any. Python 3 standard library only.
"""

import base64
import json
import os
import re
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVICES = {  # the variable a request's URL starts with -> (service, environment variable, default)
    "orderUrl": ("order", "FOOD_ORDER_URL", "http://localhost:8080"),
    "inventoryUrl": ("inventory", "FOOD_INVENTORY_URL", "http://localhost:8081"),
    "paymentUrl": ("payment", "FOOD_PAYMENT_URL", "http://localhost:8082"),
    "kitchenUrl": ("kitchen", "FOOD_KITCHEN_URL", "http://localhost:8083"),
    "deliveryUrl": ("delivery", "FOOD_DELIVERY_URL", "http://localhost:8084"),
}
NOT_CHECKED = {"rabbitmqUrl": "RabbitMQ's management API, not one of the five services"}
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
VARIABLE = re.compile(r"\{\{[^}]*\}\}")


class Request:
    def __init__(self, origin, method, url, headers, body):
        self.origin, self.method, self.url, self.headers, self.body = origin, method.upper(), url, headers, body

    def content_type(self):
        return next((v for k, v in self.headers.items() if k.lower() == "content-type"), None)


# ---------------------------------------------------------------- reading the clients

def postman_requests(path):
    collection = json.loads(path.read_text(encoding="utf-8"))
    found = []

    def walk(items, trail):
        for item in items:
            if "item" in item:
                walk(item["item"], trail + [item["name"]])
                continue
            request = item["request"]
            url = request["url"]["raw"] if isinstance(request["url"], dict) else request["url"]
            headers = {h["key"]: h["value"] for h in request.get("header", []) if not h.get("disabled")}
            body = request.get("body", {})
            text = body.get("raw") if body.get("mode") == "raw" else None
            if text is not None and "content-type" not in {k.lower() for k in headers}:
                if body.get("options", {}).get("raw", {}).get("language") == "json":
                    headers["Content-Type"] = "application/json"  # what Postman sends for a JSON body
            found.append(Request(f"postman  {' / '.join(trail + [item['name']])}", request["method"], url, headers, text))

    walk(collection["item"], [])
    return found


def http_file_requests(path):
    """Requests of a .http file: '###' separates them; '@name = value' lines and comments are skipped;
    the request line, then headers up to a blank line, then the body."""
    found, block, title = [], [], ""
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines + ["###"], 1):
        if line.startswith("###"):
            request = parse_http_block(block)
            if request:
                found.append(Request(f"http     {path.name}:{request[0]} {title}", *request[1:]))
            block, title = [], line[3:].strip()
        else:
            block.append((number, line))
    return found


def parse_http_block(block):
    lines = [(n, l) for n, l in block if not re.match(r"\s*(#|//)", l) and not re.match(r"\s*@[\w.-]+\s*=", l)]
    while lines and not lines[0][1].strip():
        lines.pop(0)
    if not lines:
        return None
    number, request_line = lines[0]
    method, url = (request_line.split() + [""])[:2]
    headers, i = {}, 1
    while i < len(lines) and lines[i][1].strip():
        name, _, value = lines[i][1].partition(":")
        headers[name.strip()] = value.strip()
        i += 1
    body = "\n".join(l for _, l in lines[i + 1:]).strip() or None
    return number, method, url, headers, body


# ---------------------------------------------------------------- the services' documents

def fetch(url, admin=False):
    headers = {"Accept": "application/json"}
    if admin:
        token = base64.b64encode(f"{os.environ['FOOD_ADMIN_USER']}:{os.environ['FOOD_ADMIN_PASSWORD']}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=15) as response:
        return json.loads(response.read().decode())


def base_url(variable):
    _, env, default = SERVICES[variable]
    return os.environ.get(env, default).rstrip("/")


def load_documents():
    documents, actuator = {}, {}
    for variable, (service, _, _) in SERVICES.items():
        documents[variable] = fetch(base_url(variable) + "/v3/api-docs")
        if os.environ.get("FOOD_ADMIN_USER") and os.environ.get("FOOD_ADMIN_PASSWORD"):
            links = fetch(base_url(variable) + "/actuator", admin=True)["_links"]
            actuator[variable] = [re.sub(r"^https?://[^/]+", "", link["href"]) for link in links.values()]
    return documents, actuator


def template_regex(template):
    """/orders/{id} -> ^/orders/[^/]+$ ; {*path} (a rest of the path) -> .+"""
    pattern = re.sub(r"\\\{\\\*[^/]+?\\\}", ".+", re.escape(template))
    pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", pattern)
    return re.compile(f"^{pattern}$")


def resolve(document, schema):
    while schema and "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        schema = document["components"]["schemas"][name]
    return schema or {}


def types_of(schema):
    kind = schema.get("type") or schema.get("types")
    return set(kind if isinstance(kind, list) else [kind]) if kind else set()


def check_value(document, schema, value, where, problems):
    schema = resolve(document, schema)
    kinds = types_of(schema)
    actual = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(value))
    if actual is None:
        actual = "integer" if isinstance(value, int) else "number"
    if kinds and actual not in kinds and not (actual == "integer" and "number" in kinds):
        problems.append(f"{where.rstrip('.') or 'the body'} is {actual}, the schema says {'/'.join(sorted(kinds))}")
        return
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                problems.append(f"required field {where}{name} is missing")
        for name, member in value.items():
            if properties and name not in properties and not schema.get("additionalProperties"):
                problems.append(f"field {where}{name} is not in the schema ({', '.join(properties)})")
            elif name in properties:
                check_value(document, properties[name], member, f"{where}{name}.", problems)
    elif isinstance(value, list) and "items" in schema:
        for index, member in enumerate(value):
            check_value(document, schema["items"], member, f"{where.rstrip('.')}[{index}].", problems)


# ---------------------------------------------------------------- checking one request

def check(request, documents, actuator):
    """(status, what it matched or why it was skipped, problems)"""
    match = re.match(r"^\{\{(\w+)\}\}(/[^?#]*)?(?:\?([^#]*))?$", request.url.strip())
    if not match:
        return "FAIL", "", [f"the URL {request.url} does not start with a base URL variable such as {{{{orderUrl}}}}"]
    variable, path, query = match.group(1), match.group(2) or "/", match.group(3) or ""
    if variable in NOT_CHECKED:
        return "skip", NOT_CHECKED[variable], []
    if variable not in SERVICES:
        return "FAIL", "", [f"unknown base URL variable {{{{{variable}}}}}"]
    service = SERVICES[variable][0] + "-service"
    concrete = VARIABLE.sub("x", path)
    if path.startswith("/actuator"):
        if variable not in actuator:
            return "skip", "an actuator endpoint; set FOOD_ADMIN_USER and FOOD_ADMIN_PASSWORD to check it", []
        if request.method == "GET" and any(template_regex(link).match(concrete) for link in actuator[variable]):
            return "ok", f"{service}: actuator GET {path}", []
        return "FAIL", "", [f"{service}'s actuator has no GET {path}"]

    document = documents[variable]
    candidates = [(template, item) for template, item in document["paths"].items() if template_regex(template).match(concrete)]
    # A literal segment beats a template variable: /admin/dead-letters/replay before /admin/dead-letters/{id}.
    candidates.sort(key=lambda candidate: candidate[0].count("{"))
    operation = template = None
    for template, item in candidates:
        if request.method.lower() in item:
            operation = item[request.method.lower()]
            break
    if operation is None:
        known = ", ".join(m.upper() for t, item in candidates for m in item if m in METHODS) or "nothing"
        return "FAIL", "", [f"{service} has no operation {request.method} {path} (that path answers: {known})"]

    problems = []
    parameters = [p for p in operation.get("parameters", [])]
    names = [pair.split("=", 1)[0] for pair in query.split("&") if pair]
    for name in names:
        if not any(p["in"] == "query" and p["name"] == name for p in parameters):
            problems.append(f"query parameter {name} is not one of the operation's")
    headers = {k.lower() for k in request.headers}
    for parameter in parameters:
        if parameter.get("required") and parameter["in"] == "query" and parameter["name"] not in names:
            problems.append(f"required query parameter {parameter['name']} is missing")
        if parameter.get("required") and parameter["in"] == "header" and parameter["name"].lower() not in headers:
            problems.append(f"required header {parameter['name']} is missing")

    body_spec = operation.get("requestBody")
    if body_spec:
        media = body_spec.get("content", {})
        if request.body is None:
            if body_spec.get("required"):
                problems.append(f"no body; the operation needs one ({', '.join(media)})")
        else:
            content_type = (request.content_type() or "").split(";")[0].strip()
            if content_type not in media:
                problems.append(f"Content-Type {content_type or '(none)'}; the operation takes {', '.join(media)}")
            try:
                value = json.loads(VARIABLE.sub("0", request.body))
            except ValueError as failure:
                problems.append(f"the body is not JSON: {failure}")
            else:
                schema = next(iter(media.values()), {}).get("schema", {})
                check_value(document, schema, value, "", problems)
    elif request.body:
        problems.append("sends a body; the operation takes none")
    return ("FAIL" if problems else "ok"), f"{service}: {request.method} {template}", problems


def main():
    arguments = sys.argv[1:]
    postman = Path(arguments[0]) if arguments else ROOT / "api/food-ordering.postman_collection.json"
    http = Path(arguments[1]) if len(arguments) > 1 else ROOT / "api/food-ordering.http"
    documents, actuator = load_documents()
    requests = postman_requests(postman) + http_file_requests(http)
    failures, skipped = [], 0
    for request in requests:
        status, matched, problems = check(request, documents, actuator)
        print(f"{status:4}  {request.origin}  {request.method} {request.url}  ->  {matched}")
        for problem in problems:
            print(f"        {problem}")
        if status == "FAIL":
            failures.append((request, problems))
        skipped += status == "skip"
    print(f"\n{len(requests)} requests: {len(requests) - len(failures) - skipped} match their service's API, "
          f"{skipped} not checked, {len(failures)} do not match")
    if failures:
        print("Mismatches:")
        for request, problems in failures:
            print(f"  {request.origin}  {request.method} {request.url}: {'; '.join(problems)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
