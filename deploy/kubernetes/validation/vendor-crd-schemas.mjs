// Writes the openAPIV3Schema of each version of the CustomResourceDefinitions given on the command
// line to schemas/<group>/<version>/<Kind>.json, the form validate.mjs reads.
//   node vendor-crd-schemas.mjs path/to/crd.yaml [more.yaml ...]
// Where each vendored CRD comes from (repository, path, tag, commit): schemas/README.md.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));

for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    const crd = doc.toJS();
    if (crd?.kind !== "CustomResourceDefinition") continue;
    for (const version of crd.spec.versions) {
      const schema = version.schema?.openAPIV3Schema;
      if (!schema) continue;
      const target = join(here, "schemas", crd.spec.group, version.name, `${crd.spec.names.kind}.json`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, JSON.stringify(schema, null, 1) + "\n");
      console.log(`${file}: ${crd.spec.group}/${version.name} ${crd.spec.names.kind} -> ${target}`);
    }
  }
}
