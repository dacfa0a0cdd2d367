// Unknown fields in built-in and KEDA objects. The API server rejects a field it does not know
// (kubectl's default field validation is strict), but the JSON schemas of kubernetes-models accept
// any extra property: a misspelt "periodSecond" would pass them. TypeScript's excess property check
// does not: each object becomes a typed constant of its kubernetes-models type in a generated .ts
// file, and the TypeScript compiler (tsc --noEmit) reports every property the type does not have.
// (The operators' kinds are checked for unknown fields by their CRD schemas, in schemas.mjs.)
import { mkdirSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// TypeScript's codes for "not assignable" and "missing property": left to the schema check.
const TYPE_MISMATCH = new Set(["2322", "2739", "2740", "2741"]);

const tsc = join(here, "node_modules", "typescript", "bin", "tsc");

function typeModule(apiVersion, kind) {
  if (apiVersion.startsWith("keda.sh/")) return `@kubernetes-models/keda/${apiVersion}/${kind}`;
  if (/^(v1|[a-z0-9.]+\.k8s\.io\/\w+|apps\/\w+|batch\/\w+|policy\/\w+|autoscaling\/\w+)$/.test(apiVersion) ||
      !apiVersion.includes(".")) return `kubernetes-models/${apiVersion}/${kind}`;
  return null; // an operator's kind: its CRD schema closes its objects (schemas.mjs)
}

/**
 * entries: [{ label, object }]. Returns { label: [errors] } for the entries with unknown fields (or
 * other type errors); entries of operators' kinds are skipped.
 */
export function unknownFieldErrors(entries, workName = "fields") {
  const dir = join(here, "build");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${workName}.ts`);
  const imports = new Map();
  const lines = [];
  const labelOfLine = new Map();
  for (const { label, object } of entries) {
    const module = typeModule(object.apiVersion ?? "", object.kind ?? "");
    if (!module) continue;
    if (!imports.has(module)) imports.set(module, `T${imports.size}`);
    labelOfLine.set(lines.length, label);
    lines.push(`export const o${lines.length}: ${imports.get(module)} = ${JSON.stringify(object)};`);
  }
  const header = [...imports].map(([module, alias]) =>
    `import type { I${module.split("/").pop()} as ${alias} } from "${module}";`);
  writeFileSync(file, [...header, ...lines].join("\n") + "\n");
  const run = spawnSync(process.execPath, [tsc, "--noEmit", "--strict", "--skipLibCheck",
    "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", file],
  { cwd: here, encoding: "utf8" });
  const errors = {};
  for (const line of run.stdout.split("\n")) {
    const m = /\.ts\((\d+),\d+\): error (TS(\d+): .*)$/.exec(line);
    // A value of the wrong type or a missing required field is the schema check's to report
    // (schemas.mjs); this check is about the fields the types do not have.
    if (!m || TYPE_MISMATCH.has(m[3])) continue;
    const index = Number(m[1]) - 1 - header.length;
    const label = labelOfLine.get(index) ?? `${file}:${m[1]}`;
    (errors[label] ??= []).push(m[2]);
  }
  if (run.status !== 0 && Object.keys(errors).length === 0) {
    if (run.stdout.split("\n").some((l) => /error TS(2322|2739|2740|2741):/.test(l))) return errors;
    errors[file] = [`tsc failed: ${run.stdout}${run.stderr}`.trim()];
  }
  return errors;
}
