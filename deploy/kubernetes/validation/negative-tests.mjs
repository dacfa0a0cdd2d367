// Each check must be able to fail. Every test below takes the objects of a good rendering (the
// production overlay), breaks one thing, and expects exactly the named check to report it; a check
// that does not fire, or another that fires instead, fails the run.
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const find = (objects, kind, name) => {
  const found = objects.find((o) => o.kind === kind && (!name || o.metadata?.name === name));
  if (!found) throw new Error(`negative test: no ${kind} ${name ?? ""} in the good rendering`);
  return found;
};
const order = (objects) => find(objects, "Deployment", "order-service");
const container = (objects) => order(objects).spec.template.spec.containers[0];
const env = (objects, variable) => container(objects).env.find((e) => e.name === variable);

/** { name, expect: a rule id, "schema", "fields" or "sources", breaks: (objects) => void } */
export const NEGATIVE_TESTS = [
  { name: "a container without a readiness probe", expect: "probes",
    breaks: (o) => { delete container(o).readinessProbe; } },
  { name: "a container without a liveness probe", expect: "probes",
    breaks: (o) => { delete container(o).livenessProbe; } },
  { name: "a container without a memory limit", expect: "resources",
    breaks: (o) => { delete container(o).resources.limits.memory; } },
  { name: "a container without a cpu request", expect: "resources",
    breaks: (o) => { delete container(o).resources.requests.cpu; } },
  { name: "a pod that may run as root", expect: "non-root",
    breaks: (o) => { delete order(o).spec.template.spec.securityContext.runAsNonRoot; } },
  { name: "a container that runs as user 0", expect: "non-root",
    breaks: (o) => { container(o).securityContext.runAsUser = 0; } },
  { name: "a password as a literal value", expect: "secret-env",
    breaks: (o) => { env(o, "FOOD_DB_PASSWORD").value = "change-me"; delete env(o, "FOOD_DB_PASSWORD").valueFrom; } },
  { name: "a token in the ConfigMap", expect: "secret-env",
    breaks: (o) => { find(o, "ConfigMap", "food-config").data.FOOD_API_TOKEN = "abc"; } },
  { name: "a Secret with its data", expect: "no-secret-data",
    breaks: (o) => { o.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "food-db", namespace: "food" },
      type: "kubernetes.io/basic-auth", stringData: { username: "food", password: "change-me" } }); } },
  { name: "an image from elsewhere", expect: "images",
    breaks: (o) => { container(o).image = "nginx:1.27"; } },
  { name: "a service image tagged latest", expect: "images",
    breaks: (o) => { container(o).image = "food-ordering/order-service:latest"; } },
  { name: "another service's image", expect: "images",
    breaks: (o) => { container(o).image = "food-ordering/payment-service:0.1.0-SNAPSHOT"; } },
  { name: "a Deployment without its PodDisruptionBudget", expect: "pdb",
    breaks: (o) => { o.splice(o.indexOf(find(o, "PodDisruptionBudget", "order-service")), 1); } },
  { name: "a PodDisruptionBudget that selects nothing of its Deployment", expect: "pdb",
    breaks: (o) => { find(o, "PodDisruptionBudget", "order-service").spec.selector.matchLabels["app.kubernetes.io/name"] = "orders"; } },
  { name: "a grace period shorter than the preStop sleep plus the shutdown phase", expect: "graceful-shutdown",
    breaks: (o) => { order(o).spec.template.spec.terminationGracePeriodSeconds = 30; } },
  { name: "KEDA scaling payment on the kitchen's queue", expect: "scaled-queue",
    breaks: (o) => { find(o, "ScaledObject", "payment-service").spec.triggers[0].metadata.queueName = "kitchen.events"; } },
  { name: "a built-in object of the wrong type (schema)", expect: "schema",
    breaks: (o) => { order(o).spec.minReadySeconds = "ten"; } },
  { name: "a KEDA object without its trigger (schema)", expect: "schema",
    breaks: (o) => { delete find(o, "ScaledObject", "kitchen-service").spec.triggers; } },
  { name: "an operator's object of the wrong type (CRD schema)", expect: "schema",
    breaks: (o) => { find(o, "Cluster", "food-postgres").spec.instances = "three"; } },
  { name: "an operator's object with an unknown field (CRD schema)", expect: "schema",
    breaks: (o) => { find(o, "RabbitmqCluster", "food-rabbitmq").spec.replica = 3; } },
  { name: "a misspelt field in a built-in object", expect: "fields",
    breaks: (o) => { const probe = container(o).readinessProbe; probe.periodSecond = probe.periodSeconds; delete probe.periodSeconds; } },
  { name: "a misspelt field in a KEDA object", expect: "fields",
    breaks: (o) => { find(o, "ScaledObject", "delivery-service").spec.maxReplicas = 4; } },
];

/** Source-level negative tests: a directory of files that committedSecrets must report. */
export function withBrokenSources(use) {
  const dir = mkdtempSync(join(tmpdir(), "food-k8s-secrets-"));
  try {
    writeFileSync(join(dir, "kustomization.yaml"),
      "secretGenerator:\n  - name: food-db\n    literals: [username=food, password=change-me]\n");
    writeFileSync(join(dir, "secret.yaml"),
      "apiVersion: v1\nkind: Secret\nmetadata: { name: food-admin }\nstringData: { password: change-me }\n");
    return use(dir, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
