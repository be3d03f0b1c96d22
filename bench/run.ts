/**
 * `npm run bench [-- name ...]`: runs every `bench/*.bench.ts` (or the ones whose file name contains
 * one of the given words) and prints one Markdown table per file, plus the machine facts that
 * docs/benchmarks.md records.
 */
import { readdirSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { markdownTable, type BenchSuite } from "./harness.js";

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();

console.log(`# kubevol benchmarks`);
console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM\n`,
);
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: BenchSuite };
  const rows = await mod.default();
  console.log(`## ${f.replace(/\.bench\.ts$/, "")}\n`);
  console.log(markdownTable(rows));
  console.log();
}
