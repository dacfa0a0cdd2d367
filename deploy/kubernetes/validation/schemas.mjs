// Validates one Kubernetes object against the schema of its apiVersion and kind:
// - the built-in kinds against Kubernetes 1.36.0's OpenAPI schema (npm kubernetes-models 5.1.0);
// - KEDA's ScaledObject and TriggerAuthentication against KEDA 2.19.0's (npm @kubernetes-models/keda 2.0.0);
// - the operators' kinds against the openAPIV3Schema of their CRDs, vendored in schemas/ (where
//   from: schemas/README.md), with ajv.
// A kind with no schema here is an error, not a pass.
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));

export const KUBERNETES_VERSION = "1.36.0 (npm kubernetes-models 5.1.0)";
export const KEDA_VERSION = "2.19.0 (npm @kubernetes-models/keda 2.0.0)";

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

/**
 * The API server rejects a field its schema does not know (kubectl's default field validation is
 * strict). A CRD's schema says so by leaving additionalProperties out; JSON Schema needs it said:
 * every object schema with properties, and without x-kubernetes-preserve-unknown-fields or its own
 * additionalProperties, gets additionalProperties: false. metadata is checked by the API server
 * itself, not by the CRD: left open.
 */
function closeObjects(schema, isRoot = true) {
  if (Array.isArray(schema)) return schema.map((s) => closeObjects(s, false));
  if (!schema || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "properties") {
      out.properties = Object.fromEntries(Object.entries(value).map(([p, s]) =>
        [p, isRoot && p === "metadata" ? s : closeObjects(s, false)]));
    } else if (key === "enum" || key === "default" || key === "example") {
      out[key] = value;
    } else {
      out[key] = closeObjects(value, false);
    }
  }
  if (out.properties && out.additionalProperties === undefined && !out["x-kubernetes-preserve-unknown-fields"]) {
    out.additionalProperties = false;
  }
  return out;
}

const crdValidators = new Map();

function crdValidator(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  if (!crdValidators.has(key)) {
    const file = join(here, "schemas", apiVersion, `${kind}.json`);
    crdValidators.set(key, existsSync(file)
      ? ajv.compile(closeObjects(JSON.parse(readFileSync(file, "utf8"))))
      : null);
  }
  return crdValidators.get(key);
}

async function modelClass(apiVersion, kind) {
  const candidates = apiVersion.startsWith("keda.sh/")
    ? [`@kubernetes-models/keda/${apiVersion}/${kind}`]
    : [`kubernetes-models/${apiVersion}/${kind}`];
  for (const specifier of candidates) {
    try {
      const module = await import(specifier);
      if (module[kind]) return module[kind];
    } catch (e) {
      if (e.code !== "ERR_MODULE_NOT_FOUND" && e.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") throw e;
    }
  }
  return null;
}

/** The schema errors of one object, as strings; empty when it is valid. */
export async function schemaErrors(object) {
  const { apiVersion, kind } = object ?? {};
  if (typeof apiVersion !== "string" || typeof kind !== "string") return ["no apiVersion or kind"];
  const validate = crdValidator(apiVersion, kind);
  if (validate) {
    return validate(object) ? [] : validate.errors.map((e) =>
      `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ""}`);
  }
  const Model = await modelClass(apiVersion, kind);
  if (!Model) return [`no schema for ${apiVersion} ${kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (e) {
    return (e.errors ?? [{ message: e.message }]).map((err) =>
      err.instancePath !== undefined ? `${err.instancePath || "/"} ${err.message}` : err.message);
  }
}
