// The project's own rules for its Kubernetes manifests. Each rule takes the objects of one rendered
// kustomization and returns its violations as strings; an empty list means the rule holds.
// negative-tests.mjs breaks a good object once per rule and expects that rule, and only it, to
// report it: a rule that never fires would be noticed there.

/** The five services; each is a Deployment named after it running the image food-ordering/<name>. */
export const SERVICES = ["order-service", "inventory-service", "payment-service", "kitchen-service", "delivery-service"];

/** An environment variable or ConfigMap key with one of these in its name holds a secret. */
const SECRET_NAME = /PASS|TOKEN|SECRET|CREDENTIAL/i;

/** <registry>/food-ordering/<service>:<tag>; the registry is optional, the tag is not, and not latest. */
const SERVICE_IMAGE = /^(?:[a-z0-9.-]+(?::[0-9]+)?\/)?food-ordering\/([a-z-]+):([\w][\w.-]{0,127})$/;

/** The services' own shutdown phase (timeout-per-shutdown-phase in food-service-defaults.yml). */
const SHUTDOWN_PHASE_SECONDS = 20;

const WORKLOADS = new Set(["Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet"]);

function name(o) {
  return `${o.kind}/${o.metadata?.name}`;
}

function podSpec(o) {
  return o.spec?.template?.spec ?? {};
}

function containersOf(o, withInit = false) {
  const spec = podSpec(o);
  return [...(spec.containers ?? []), ...(withInit ? spec.initContainers ?? [] : [])];
}

/** Deployments and StatefulSets: the long-running containers the rules below are about. */
function longRunning(objects) {
  return objects.filter((o) => o.kind === "Deployment" || o.kind === "StatefulSet");
}

function matches(selector, labels) {
  if (!selector) return false;
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case "In": return key in labels && values.includes(labels[key]);
      case "NotIn": return !(key in labels) || !values.includes(labels[key]);
      case "Exists": return key in labels;
      case "DoesNotExist": return !(key in labels);
      default: return false;
    }
  });
  return byLabel && byExpression && (selector.matchLabels || selector.matchExpressions) !== undefined;
}

export const RULES = {
  "probes": {
    says: "every container of a Deployment or StatefulSet has a readiness and a liveness probe",
    check: (objects) => longRunning(objects).flatMap((o) => containersOf(o).flatMap((c) => [
      ...(c.readinessProbe ? [] : [`${name(o)} container ${c.name}: no readinessProbe`]),
      ...(c.livenessProbe ? [] : [`${name(o)} container ${c.name}: no livenessProbe`]),
    ])),
  },
  "resources": {
    says: "every container of a Deployment or StatefulSet requests and limits cpu and memory",
    check: (objects) => longRunning(objects).flatMap((o) => containersOf(o, true).flatMap((c) =>
      ["requests", "limits"].flatMap((kind) => ["cpu", "memory"].flatMap((resource) =>
        c.resources?.[kind]?.[resource] !== undefined && c.resources[kind][resource] !== ""
          ? [] : [`${name(o)} container ${c.name}: no ${kind}.${resource}`])))),
  },
  "non-root": {
    says: "every container of a Deployment or StatefulSet runs as non-root: runAsNonRoot true and a non-zero runAsUser (pod or container)",
    check: (objects) => longRunning(objects).flatMap((o) => containersOf(o, true).flatMap((c) => {
      const pod = podSpec(o).securityContext ?? {};
      const own = c.securityContext ?? {};
      const runAsNonRoot = own.runAsNonRoot ?? pod.runAsNonRoot;
      const runAsUser = own.runAsUser ?? pod.runAsUser;
      return [
        ...(runAsNonRoot === true ? [] : [`${name(o)} container ${c.name}: runAsNonRoot is not true`]),
        ...(Number.isInteger(runAsUser) && runAsUser > 0 ? [] : [`${name(o)} container ${c.name}: runAsUser is not a non-zero id (${runAsUser})`]),
      ];
    })),
  },
  "secret-env": {
    says: "an environment variable or ConfigMap key named like a secret (PASS, TOKEN, SECRET, CREDENTIAL) comes from a secretKeyRef, never a literal",
    check: (objects) => [
      ...objects.filter((o) => WORKLOADS.has(o.kind)).flatMap((o) => containersOf(o, true).flatMap((c) =>
        (c.env ?? []).filter((e) => SECRET_NAME.test(e.name) && !e.valueFrom?.secretKeyRef)
          .map((e) => `${name(o)} container ${c.name}: ${e.name} is not from a secretKeyRef`))),
      ...objects.filter((o) => o.kind === "ConfigMap").flatMap((o) =>
        Object.keys({ ...o.data, ...o.binaryData }).filter((k) => SECRET_NAME.test(k))
          .map((k) => `${name(o)}: key ${k} looks like a secret; put it in a Secret`)),
    ],
  },
  "no-secret-data": {
    says: "no Secret with its data is in the manifests (Secrets are created outside the repository)",
    check: (objects) => objects.filter((o) => o.kind === "Secret" &&
      (Object.keys(o.data ?? {}).length > 0 || Object.keys(o.stringData ?? {}).length > 0))
      .map((o) => `${name(o)}: carries data (${Object.keys({ ...o.data, ...o.stringData }).join(", ")})`),
  },
  "images": {
    says: "the Deployments are the five services, each running food-ordering/<service>:<tag> as this build produces it (a tag, not latest)",
    check: (objects) => {
      const deployments = objects.filter((o) => o.kind === "Deployment");
      const missing = SERVICES.filter((s) => !deployments.some((d) => d.metadata?.name === s))
        .map((s) => `Deployment/${s}: missing`);
      return [...missing, ...deployments.flatMap((o) => {
        if (!SERVICES.includes(o.metadata?.name)) return [`${name(o)}: not one of the five services`];
        return containersOf(o, true).flatMap((c) => {
          const m = SERVICE_IMAGE.exec(c.image ?? "");
          if (!m) return [`${name(o)} container ${c.name}: image ${c.image} is not food-ordering/<service>:<tag>`];
          if (m[1] !== o.metadata.name) return [`${name(o)} container ${c.name}: image ${c.image} is another service's`];
          if (m[2] === "latest") return [`${name(o)} container ${c.name}: image ${c.image} has the tag latest`];
          return [];
        });
      })];
    },
  },
  "pdb": {
    says: "every Deployment has a PodDisruptionBudget in its namespace whose selector selects its pods",
    check: (objects) => objects.filter((o) => o.kind === "Deployment").flatMap((o) => {
      const labels = o.spec?.template?.metadata?.labels ?? {};
      const found = objects.some((p) => p.kind === "PodDisruptionBudget" &&
        p.metadata?.namespace === o.metadata?.namespace && matches(p.spec?.selector, labels));
      return found ? [] : [`${name(o)}: no PodDisruptionBudget selects its pods`];
    }),
  },
  "graceful-shutdown": {
    says: `every service has a preStop sleep and a terminationGracePeriodSeconds longer than it plus its own ${SHUTDOWN_PHASE_SECONDS} s shutdown phase`,
    check: (objects) => objects.filter((o) => o.kind === "Deployment").flatMap((o) => containersOf(o).flatMap((c) => {
      const sleep = c.lifecycle?.preStop?.sleep?.seconds;
      if (!Number.isInteger(sleep) || sleep <= 0) return [`${name(o)} container ${c.name}: no preStop sleep`];
      const grace = podSpec(o).terminationGracePeriodSeconds ?? 30;
      return grace > sleep + SHUTDOWN_PHASE_SECONDS ? [] :
        [`${name(o)}: terminationGracePeriodSeconds ${grace} is not more than the preStop sleep ${sleep} s + ${SHUTDOWN_PHASE_SECONDS} s`];
    })),
  },
  "scaled-queue": {
    says: "a KEDA ScaledObject of <name>-service scales on the depth of that service's queue, <name>.events",
    check: (objects) => objects.filter((o) => o.kind === "ScaledObject").flatMap((o) => {
      const target = o.spec?.scaleTargetRef?.name ?? "";
      const queue = `${target.replace(/-service$/, "")}.events`;
      return (o.spec?.triggers ?? []).filter((t) => t.type === "rabbitmq" && t.metadata?.queueName !== queue)
        .map((t) => `${name(o)}: scales ${target} on ${t.metadata?.queueName}, not ${queue}`);
    }),
  },
};

/** Every rule against the objects of one rendered kustomization: { rule: [violations] }. */
export function checkRules(objects) {
  return Object.fromEntries(Object.entries(RULES).map(([id, rule]) => [id, rule.check(objects)]));
}
