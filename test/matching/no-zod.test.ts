/**
 * The matching layer imports no runtime dependency: following every value import (and
 * `export ... from`) transitively from src/matching/index.ts never reaches zod or the api
 * layer's schemas. Type-only imports are erased by the compiler and are not followed.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runtimeSpecifiers } from "../architecture/imports.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  const base = resolve(dirname(from), spec.replace(/\.js$/, ""));
  for (const candidate of [`${base}.ts`, join(base, "index.ts")]) if (existsSync(candidate)) return candidate;
  throw new Error(`cannot resolve ${spec} from ${relative(root, from)}`);
}

/** Every file reached from `entry` through runtime imports, with the path that reached it. */
function runtimeGraph(entry: string): { files: Map<string, string[]>; packages: Map<string, string[]> } {
  const files = new Map<string, string[]>([[entry, [relative(root, entry)]]]);
  const packages = new Map<string, string[]>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const via = files.get(file)!;
    for (const spec of runtimeSpecifiers(readFileSync(file, "utf8"))) {
      const target = resolveLocal(file, spec);
      if (target === undefined) {
        if (!spec.startsWith("node:")) packages.set(spec, [...via, spec]);
        continue;
      }
      if (files.has(target)) continue;
      files.set(target, [...via, relative(root, target)]);
      queue.push(target);
    }
  }
  return { files, packages };
}

describe("the matching layer's runtime import graph", () => {
  const { files, packages } = runtimeGraph(join(root, "src/matching/index.ts"));

  it("reaches the matching modules, including the VolumeIndex", () => {
    const names = [...files.keys()].map((f) => relative(root, f));
    expect(names).toContain("src/matching/explain-claim.ts");
    expect(names).toContain("src/matching/volume-index.ts");
    expect(names.some((n) => n.startsWith("src/api/helpers/"))).toBe(true);
  });

  it("never loads zod or any npm package", () => {
    expect(Object.fromEntries(packages)).toEqual({});
  });

  it("never enters src/api/schemas or the api barrel that re-exports them", () => {
    const bad = [...files].filter(([f]) => {
      const r = relative(root, f);
      return (
        r.startsWith("src/api/schemas/") ||
        r === "src/api/index.ts" ||
        r === "src/api/quantity-schema.ts" ||
        r === "src/api/parse-object.ts"
      );
    });
    expect(bad.map(([, via]) => via.join(" → "))).toEqual([]);
  });

  it("the scanner itself tells type-only imports from value imports", () => {
    const src = [
      'import type { A } from "../api/index.js";',
      'import { type B, type C } from "./b.js";',
      'import { d, type E } from "./d.js";',
      'export { f } from "./f.js";',
      'export type { G } from "./g.js";',
      'import "./side-effect.js";',
      'import * as z from "zod";',
    ].join("\n");
    expect(runtimeSpecifiers(src)).toEqual(["./d.js", "./f.js", "./side-effect.js", "zod"]);
  });
});
