// Checks rendered kustomizations offline (run by ../validate.sh, which renders them):
//   node validate.mjs --sources <dir> <name>=<rendered.yaml> ...
// 1. every object against the schema of its kind (schemas.mjs);
// 2. no unknown field in built-in and KEDA objects (fields.mjs);
// 3. the project's rules (rules.mjs);
// 4. no secret value in the files below --sources (sources.mjs);
// 5. the negative tests: each check reports a broken copy of a good rendering (negative-tests.mjs).
// Prints a line per check and ends with "validate: N passed, N failed"; exits 1 on any failure.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { schemaErrors, KUBERNETES_VERSION, KEDA_VERSION } from "./schemas.mjs";
import { unknownFieldErrors } from "./fields.mjs";
import { RULES, checkRules } from "./rules.mjs";
import { committedSecrets } from "./sources.mjs";
import { NEGATIVE_TESTS, withBrokenSources } from "./negative-tests.mjs";

let passed = 0;
let failed = 0;

function report(ok, what, problems = []) {
  if (ok) passed++; else failed++;
  console.log(`  ${ok ? "ok  " : "FAIL"} ${what}`);
  for (const p of problems) console.log(`         ${p}`);
}

function load(file) {
  return parseAllDocuments(readFileSync(file, "utf8")).map((d) => d.toJS()).filter(Boolean);
}

const label = (o) => `${o.kind}/${o.metadata?.name}`;

async function schemaProblems(objects) {
  const problems = [];
  for (const o of objects) {
    for (const e of await schemaErrors(o)) problems.push(`${label(o)}: ${e}`);
  }
  return problems;
}

function fieldProblems(sets) {
  const entries = sets.flatMap(({ name, objects }) => objects.map((object) => ({ label: `${name}: ${label(object)}`, object })));
  return Object.entries(unknownFieldErrors(entries)).flatMap(([where, errors]) => errors.map((e) => `${where}: ${e}`));
}

const args = process.argv.slice(2);
const sourcesAt = args.indexOf("--sources");
const sources = sourcesAt >= 0 ? args.splice(sourcesAt, 2)[1] : null;
const sets = args.map((arg) => {
  const [name, file] = arg.split("=");
  return { name, objects: load(file) };
});
if (!sets.length) {
  console.error("usage: node validate.mjs [--sources DIR] NAME=RENDERED.yaml ...");
  process.exit(2);
}

console.log(`schemas: Kubernetes ${KUBERNETES_VERSION}; KEDA ${KEDA_VERSION}; operators' CRDs in schemas/ (schemas/README.md)`);
for (const { name, objects } of sets) {
  const problems = await schemaProblems(objects);
  report(problems.length === 0, `${name}: ${objects.length} objects valid against their schemas`, problems);
}

const fields = fieldProblems(sets);
report(fields.length === 0, `${sets.map((s) => s.name).join(", ")}: no unknown field in built-in and KEDA objects`, fields);

for (const { name, objects } of sets) {
  const results = checkRules(objects);
  for (const [id, violations] of Object.entries(results)) {
    report(violations.length === 0, `${name}: ${id}: ${RULES[id].says}`, violations);
  }
}

if (sources) {
  const found = committedSecrets(sources);
  report(found.length === 0, `sources: no secret value in the YAML files below ${sources}`, found);
}

// The negative tests run against the last rendering that has every kind they break (production).
const good = sets.find((s) => s.objects.some((o) => o.kind === "ScaledObject")) ?? sets.at(-1);
console.log(`negative tests (on a broken copy of ${good.name}): each must be reported by its check alone`);
const breakages = [];
for (const test of NEGATIVE_TESTS) {
  const objects = structuredClone(good.objects);
  try {
    test.breaks(objects);
  } catch (e) {
    report(false, `${test.name}: could not break the rendering: ${e.message}`);
    continue;
  }
  const fired = new Set();
  if ((await schemaProblems(objects)).length) fired.add("schema");
  for (const [id, violations] of Object.entries(checkRules(objects))) if (violations.length) fired.add(id);
  breakages.push({ test, objects, fired });
}
// One TypeScript run for all the broken copies: the unknown-field check of each is told apart by
// its label.
const fieldErrors = unknownFieldErrors(breakages.flatMap(({ objects }, i) =>
  objects.map((object) => ({ label: `${i}`, object }))), "negative-fields");
breakages.forEach(({ test, fired }, i) => {
  if (fieldErrors[`${i}`]) fired.add("fields");
  const ok = fired.has(test.expect) && fired.size === 1;
  report(ok, `${test.name}: reported by ${test.expect}`,
    ok ? [] : [`reported by: ${[...fired].join(", ") || "nothing"}`]);
});
if (sources) {
  withBrokenSources((dir, expected) => {
    const found = committedSecrets(dir);
    report(found.length === expected, `secret values in committed files: reported by sources (${found.length} of ${expected})`, found.length === expected ? [] : found);
  });
}

console.log(`validate: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
