// The rule on the files themselves, not on what they render to: the repository holds no secret
// value. No file below deploy/kubernetes is a Secret with data, and no kustomization generates a
// Secret from literals written in it; a secretGenerator may read only files that git ignores.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { spawnSync } from "node:child_process";
import { parseAllDocuments } from "yaml";

const SKIP = new Set(["node_modules", "build", ".git"]);

function yamlFiles(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (SKIP.has(entry)) return [];
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry) ? [path] : [];
  });
}

function gitIgnores(path) {
  return spawnSync("git", ["check-ignore", "-q", path], { cwd: dirname(path) }).status === 0;
}

/** Violations of "no secret value in the repository" among the YAML files below root. */
export function committedSecrets(root) {
  return yamlFiles(root).flatMap((file) => {
    const where = relative(root, file);
    let docs;
    try {
      docs = parseAllDocuments(readFileSync(file, "utf8")).map((d) => d.toJS());
    } catch (e) {
      return [`${where}: not YAML (${e.message})`];
    }
    return docs.flatMap((o) => {
      if (!o || typeof o !== "object") return [];
      const found = [];
      if (o.kind === "Secret" && (Object.keys(o.data ?? {}).length || Object.keys(o.stringData ?? {}).length)) {
        found.push(`${where}: Secret ${o.metadata?.name} with its data`);
      }
      for (const generator of o.secretGenerator ?? []) {
        if ((generator.literals ?? []).length) found.push(`${where}: secretGenerator ${generator.name} with literals`);
        for (const source of [...(generator.files ?? []), ...(generator.envs ?? [])]) {
          const path = join(dirname(file), String(source).replace(/^[^=]*=/, ""));
          if (!gitIgnores(path)) found.push(`${where}: secretGenerator ${generator.name} reads ${source}, which git does not ignore`);
        }
      }
      return found;
    });
  });
}
