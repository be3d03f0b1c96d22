import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { defineConfig } from "tsup";

/** One entry per layer, so `kubevol/quantity` does not load the matcher. */
const layers = [
  "quantity",
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
];

const library: Record<string, string> = {
  index: "src/index.ts",
  ...Object.fromEntries(layers.map((l) => [`${l}/index`, `src/${l}/index.ts`])),
};

/**
 * One copy of the code, ES modules. CommonJS callers get a two-line `.cjs` entry that `require`s the
 * ES module (Node.js ≥ 20.19 loads ES modules with `require`), so `import` and `require` share one
 * instance of every class (`instanceof Quantity` holds across them) and the package carries the code
 * once. The declarations are written once too, as `.d.cts`; each `.d.ts` re-exports its `.d.cts`.
 */
async function writeEntryShims(): Promise<void> {
  for (const entry of Object.keys(library)) {
    const base = entry.slice(entry.lastIndexOf("/") + 1);
    await mkdir(dirname(`dist/${entry}`), { recursive: true });
    await writeFile(`dist/${entry}.cjs`, `"use strict";\nmodule.exports = require("./${base}.js");\n`);
    await writeFile(`dist/${entry}.d.ts`, `export * from "./${base}.cjs";\n`);
  }
}

/**
 * No source maps: the output is unminified and keeps the source's names and layout, so stack traces
 * read without them, and maps would be most of the package (see docs/benchmarks.md, "The package").
 */
const common = { sourcemap: false, target: "node20", treeshake: true } as const;

export default defineConfig([
  {
    // The layers and the CLI in one build: the CLI (src/cli/main.ts carries its shebang) shares the
    // layers' chunks instead of bundling a second copy of the library.
    ...common,
    entry: { ...library, "cli/main": "src/cli/main.ts" },
    format: ["esm"],
    clean: true,
    splitting: true,
    onSuccess: writeEntryShims,
  },
  {
    // Declarations only, once, as .d.cts (see writeEntryShims). `stripInternal`: what the source
    // marks `@internal` (fields of the value classes, helpers a layer shares with its own files) is
    // not declared, so it is not API (and not in the API report, api/*.api.md).
    ...common,
    entry: library,
    format: ["cjs"],
    dts: { entry: library, only: true, compilerOptions: { stripInternal: true } },
    clean: false,
  },
]);
