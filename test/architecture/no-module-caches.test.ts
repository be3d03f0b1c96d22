/**
 * Pure means fresh: no module-level cache keyed by object identity. A `WeakMap` (or `Map`) created
 * at the top level of a module would outlive every call and answer from an input as it was when it
 * was first seen, even after the caller edited it in place. Caches belong to objects the caller
 * owns (`VolumeIndex`, `PoolExplainer`, `SchedulingCache`), so a `new WeakMap`/`new WeakSet`/
 * `new WeakRef` may only appear inside a class or function body. A module-level `Map` is allowed
 * only as a frozen lookup table of constants, which this test cannot tell apart: it checks the
 * weak kinds, which have no other use.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const src = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** A top-level declaration (no indentation) whose value is a new weak collection. */
const MODULE_LEVEL_WEAK = /^(export )?(const|let|var) [\w$]+\s*(:[^=]+)?=\s*new (WeakMap|WeakSet|WeakRef)\b/m;

it("no module of src/ holds a weak cache at its top level", () => {
  const offenders = files(src).filter((f) => MODULE_LEVEL_WEAK.test(readFileSync(f, "utf8")));
  expect(offenders.map((f) => relative(src, f))).toEqual([]);
});

it("the pattern catches one (so the test above can fail)", () => {
  expect(MODULE_LEVEL_WEAK.test("const decoded = new WeakMap<object, number>();")).toBe(true);
  expect(MODULE_LEVEL_WEAK.test("export let memo: WeakMap<object, string> = new WeakMap();")).toBe(true);
  expect(MODULE_LEVEL_WEAK.test("  readonly pools = new WeakMap();")).toBe(false);
});
