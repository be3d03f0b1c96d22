/**
 * The root entry point is small and zod-free: at most 200 runtime names, no module it loads imports
 * zod (the schemas, `parseObject` and the admission webhook are on the `kubevol/api` and
 * `kubevol/admission` subpaths), and every index lists its names (no `export *`).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as root from "../../src/index.js";
import { runtimeSpecifiers } from "./imports.js";

const src = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Every package a file loads at runtime, through the relative imports it follows, with the path that leads there. */
function packagesLoadedBy(entry: string): Map<string, string> {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string, path: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of runtimeSpecifiers(readFileSync(file, "utf8"))) {
      if (spec.startsWith(".")) visit(resolve(dirname(file), spec.replace(/\.js$/, ".ts")), [...path, relative(src, file)]);
      else if (!spec.startsWith("node:") && !packages.has(spec)) packages.set(spec, [...path, relative(src, file)].join(" → "));
    }
  };
  visit(join(src, "index.ts"), []);
  return packages;
}

describe("the root entry point", () => {
  it("exports at most 200 runtime names", () => {
    expect(Object.keys(root).length).toBeLessThanOrEqual(200);
  });

  it("loads no package at all (zod is on the kubevol/api and kubevol/admission subpaths)", () => {
    expect(Object.fromEntries(packagesLoadedBy(join(src, "index.ts")))).toEqual({});
  });

  it("does not export the schemas, parseObject or the admission handlers", () => {
    const names = Object.keys(root);
    expect(
      names.filter((n) => n.endsWith("Schema") || n === "parseObject" || n === "reviewAdmission" || n === "createAdmissionHandler"),
    ).toEqual([]);
  });
});

it("no index re-exports a whole module (`export *`): every public name is listed", () => {
  const stars = files(src).filter((f) => /^\s*export\s+(type\s+)?\*/m.test(readFileSync(f, "utf8")));
  expect(stars.map((f) => relative(src, f))).toEqual([]);
});

it("kubevol/api re-exports every runtime name of its internal barrels (constants, helpers, schemas)", async () => {
  const api = new Set(Object.keys(await import("../../src/api/index.js")));
  const barrels: Record<string, object> = {
    constants: await import("../../src/api/constants/index.js"),
    helpers: await import("../../src/api/helpers/index.js"),
    schemas: await import("../../src/api/schemas/index.js"),
  };
  const missing = Object.entries(barrels).flatMap(([b, m]) =>
    Object.keys(m)
      .filter((n) => !api.has(n))
      .map((n) => `${b}: ${n}`),
  );
  expect(missing).toEqual([]);
});

it("the api barrels (types, constants, helpers, schemas) list every name their files export", () => {
  const missing: string[] = [];
  for (const barrel of ["types", "constants", "helpers", "schemas"]) {
    const dir = join(src, "api", barrel);
    const listed = readFileSync(join(dir, "index.ts"), "utf8");
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "index.ts")) {
      const text = readFileSync(join(dir, f), "utf8");
      for (const m of text.matchAll(
        /^export\s+(?:declare\s+)?(?:const|let|function|class|interface|type|enum|abstract\s+class)\s+([A-Za-z_$][\w$]*)/gm,
      )) {
        if (!new RegExp(`\\b${m[1]}\\b`).test(listed)) missing.push(`api/${barrel}/${f}: ${m[1]}`);
      }
    }
  }
  expect(missing).toEqual([]);
});
