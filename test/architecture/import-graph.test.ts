/**
 * The value-import graph of `src/` has no cycles (type-only imports are erased and not followed),
 * and every layer imports only from the layers before it in `LAYERS` below.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runtimeSpecifiers } from "./imports.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const src = join(root, "src");

/** The layers in order: a layer may import from the layers before it (and itself). */
const LAYERS = [
  "quantity",
  "field",
  "labels",
  "api",
  "validation",
  "matching",
  "lifecycle",
  "scheduling",
  "engine",
  "binding",
  "lint",
  "admission",
  "testing",
  "cli",
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const file of files(src)) {
    const deps: string[] = [];
    for (const spec of runtimeSpecifiers(readFileSync(file, "utf8"))) {
      if (!spec.startsWith(".")) continue;
      deps.push(resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
    }
    g.set(file, deps);
  }
  return g;
}

const layerOf = (file: string) => relative(src, file).split("/")[0]!.replace(/\.ts$/, "");

describe("the import graph", () => {
  const g = graph();

  it("has no cycles among value imports", () => {
    const state = new Map<string, 1 | 2>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 2) return;
      if (state.get(f) === 1) {
        cycles.push([...path.slice(path.indexOf(f)), f].map((x) => relative(src, x)).join(" → "));
        return;
      }
      state.set(f, 1);
      for (const d of g.get(f) ?? []) visit(d, [...path, f]);
      state.set(f, 2);
    };
    for (const f of g.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it("respects the layer order", () => {
    const bad: string[] = [];
    for (const [f, deps] of g) {
      const from = layerOf(f);
      if (from === "index") continue;
      for (const d of deps) {
        const to = layerOf(d);
        if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) bad.push(`${relative(src, f)} imports ${relative(src, d)}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
