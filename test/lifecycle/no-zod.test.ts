/**
 * Loading the lifecycle must not load zod: the walk follows every static value import and
 * re-export (`import type`, `export type` and imports whose specifiers are all `type` are erased
 * by the compiler) from src/lifecycle/index.ts through the source tree.
 */
import { readFileSync, existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const ENTRY = join(ROOT, "src/lifecycle/index.ts");

const FORBIDDEN_FILES = ["src/api/index.ts", "src/api/parse-object.ts", "src/api/quantity-schema.ts"];
const FORBIDDEN_DIRS = ["src/api/schemas/"];
const FORBIDDEN_PACKAGES = ["zod"];

/** `import … from "x"`, `export … from "x"` and bare `import "x"`, across lines. */
const STATEMENT = /^\s*(import|export)\s+([^;]*?)\s*from\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gms;

/** True when the statement's bindings are all erased at compile time. */
function typeOnly(bindings: string): boolean {
  if (/^type\s/.test(bindings)) return true;
  const braces = /^\{([^}]*)\}$/.exec(bindings.trim());
  if (braces === null) return false; // default, namespace or `*` bindings carry values
  const names = braces[1]!
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return names.length > 0 && names.every((n) => n.startsWith("type "));
}

/** The value specifiers a source file imports or re-exports. */
function valueImports(source: string): string[] {
  const out: string[] = [];
  const text = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  for (const m of text.matchAll(STATEMENT)) {
    if (m[4] !== undefined) {
      out.push(m[4]);
      continue;
    }
    if (!typeOnly(m[2] ?? "")) out.push(m[3]!);
  }
  return out;
}

function resolveLocal(from: string, spec: string): string {
  const base = resolve(dirname(from), spec.replace(/\.js$/, ""));
  for (const candidate of [`${base}.ts`, join(base, "index.ts")]) if (existsSync(candidate)) return candidate;
  throw new Error(`cannot resolve ${spec} from ${relative(ROOT, from)}`);
}

interface Walk {
  files: Map<string, string>; // file → the file that first imported it
  packages: Map<string, string>;
}

function walk(entry: string): Walk {
  const files = new Map<string, string>([[entry, "(entry)"]]);
  const packages = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const spec of valueImports(readFileSync(file, "utf8"))) {
      if (spec.startsWith(".")) {
        const target = resolveLocal(file, spec);
        if (!files.has(target)) {
          files.set(target, file);
          queue.push(target);
        }
      } else if (!packages.has(spec)) {
        packages.set(spec, file);
      }
    }
  }
  return { files, packages };
}

function chain(w: Walk, file: string): string {
  const path: string[] = [];
  for (let f: string | undefined = file; f !== undefined && f !== "(entry)"; f = w.files.get(f)) path.unshift(relative(ROOT, f));
  return path.join(" → ");
}

describe("lifecycle loads no zod", () => {
  it("the import scanner sees value imports and skips type-only ones", () => {
    const src = [
      'import type { A } from "./a.js";',
      'import { type B, type C } from "./b.js";',
      'import { d, type E } from "./d.js";',
      'import {\n  f,\n  g,\n} from "./f.js";',
      'export { h } from "./h.js";',
      'export type { I } from "./i.js";',
      'export * from "./j.js";',
      'import * as k from "k";',
      'import "./side-effect.js";',
      '// import { z } from "zod";',
    ].join("\n");
    expect(valueImports(src)).toEqual(["./d.js", "./f.js", "./h.js", "./j.js", "k", "./side-effect.js"]);
  });

  it("reaches the lifecycle's own files and the api helpers, but no schema, parser or zod", () => {
    const w = walk(ENTRY);
    const reached = [...w.files.keys()].map((f) => relative(ROOT, f));
    // the walk must actually cover the layers below (guards against a scanner that finds nothing)
    expect(reached).toContain("src/lifecycle/sync-claim.ts");
    expect(reached).toContain("src/api/helpers/index.ts");
    expect(reached.some((f) => f.startsWith("src/matching/"))).toBe(true);

    const bad = reached
      .filter((f) => FORBIDDEN_FILES.includes(f) || FORBIDDEN_DIRS.some((d) => f.startsWith(d)))
      .map((f) => chain(w, join(ROOT, f)));
    expect(bad).toEqual([]);
    const badPackages = [...w.packages.entries()]
      .filter(([p]) => FORBIDDEN_PACKAGES.some((z) => p === z || p.startsWith(`${z}/`)))
      .map(([p, from]) => `${chain(w, from)} → ${p}`);
    expect(badPackages).toEqual([]);
  });
});
