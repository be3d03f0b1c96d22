import { defineConfig } from "tsup";

/** One entry per layer, so `kubevol/quantity` does not load the matcher. */
const layers = ["quantity", "labels", "api", "validation", "matching", "lifecycle", "engine", "lint", "admission", "testing"];

export default defineConfig([
  {
    entry: { index: "src/index.ts", ...Object.fromEntries(layers.map((l) => [`${l}/index`, `src/${l}/index.ts`])) },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    splitting: true,
    treeshake: true,
  },
  {
    // The CLI: ESM only, an executable with a shebang.
    entry: { "cli/main": "src/cli/main.ts" },
    format: ["esm"],
    sourcemap: true,
    clean: false,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
