/**
 * `npm run check:package`: checks the tarball `npm publish` would upload, as a user receives it.
 *
 * 1. `npm pack` (after `npm run build`) into a temporary directory; the unpacked size must stay
 *    within {@link MAX_UNPACKED_BYTES} and the tarball must hold no source maps or sources.
 * 2. `publint --strict` and `@arethetypeswrong/cli --profile node16` on the tarball.
 * 3. Install the tarball into an empty project and use it from both module systems: an ES module
 *    (`import`) and a CommonJS module (`require`), each type-checked by `tsc` with
 *    `module: node16` and then run; they must see the same `Quantity` class (one copy of the code).
 *    The installed `kubectl-kubevol` binary must answer `version`.
 *
 * Exits 1 with a message on the first failure.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The budget for kubevol's own files, unpacked (dependencies not included). 1.5 MB until the
 * matching core's third edition (list arenas, name keys, the explainer's selector scan) took the
 * package to 1.50 MB; 1.6 MB leaves room for one more such step before the budget asks again.
 */
export const MAX_UNPACKED_BYTES = 1_600_000;

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const BIN = join(ROOT, "node_modules", ".bin");

function sh(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 });
}

function fail(message: string): never {
  throw new Error(message);
}

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

function pack(into: string): PackResult {
  const out = JSON.parse(sh("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", into], ROOT)) as PackResult[];
  const result = out[0];
  if (result === undefined) fail("npm pack printed no result");
  return result;
}

function checkContents(p: PackResult): void {
  if (p.unpackedSize > MAX_UNPACKED_BYTES) fail(`unpacked size ${p.unpackedSize} B exceeds ${MAX_UNPACKED_BYTES} B`);
  const stray = p.files.filter((f) => f.path.endsWith(".map") || f.path.startsWith("src/") || f.path.startsWith("test/"));
  if (stray.length > 0) fail(`the tarball carries ${stray.map((f) => f.path).join(", ")}`);
  for (const needed of ["LICENSE", "README.md", "CHANGELOG.md", "package.json", "dist/cli/main.js"]) {
    if (!p.files.some((f) => f.path === needed)) fail(`the tarball lacks ${needed}`);
  }
}

const ESM_CONSUMER = `import { parseQuantity, type Quantity } from "kubevol";
import { findBestMatchForClaim } from "kubevol/matching";
import { createRequire } from "node:module";
const q: Quantity = parseQuantity("1Gi");
const viaRequire = createRequire(import.meta.url)("kubevol") as typeof import("kubevol");
if (viaRequire.Quantity !== (await import("kubevol")).Quantity) throw new Error("import and require load different copies");
if (typeof findBestMatchForClaim !== "function") throw new Error("kubevol/matching has no findBestMatchForClaim");
console.log("esm", q.toString());
`;

const CJS_CONSUMER = `import { parseQuantity } from "kubevol/quantity";
import { validatePersistentVolumeClaim } from "kubevol";
const errors: string[] = validatePersistentVolumeClaim({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "c", namespace: "d" }, spec: {} }).map(String);
if (errors.length === 0) throw new Error("an empty claim spec validated");
console.log("cjs", parseQuantity("1500m").toString());
`;

function useFromBothModuleSystems(tarball: string, work: string): void {
  const app = join(work, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  sh("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", tarball], app);
  writeFileSync(join(app, "esm.mts"), ESM_CONSUMER);
  writeFileSync(join(app, "cjs.cts"), CJS_CONSUMER);
  // skipLibCheck off: kubevol's declarations must compile as they are. They name node:http types
  // (the admission handler), so the consumer has @types/node, copied from kubevol's devDependencies.
  for (const dep of ["@types/node", "undici-types"]) {
    cpSync(join(ROOT, "node_modules", dep), join(app, "node_modules", dep), { recursive: true });
  }
  const compilerOptions = { module: "node16", target: "es2022", strict: true, outDir: "out", skipLibCheck: false, types: ["node"] };
  writeFileSync(join(app, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["esm.mts", "cjs.cts"] }));
  sh(join(BIN, "tsc"), ["-p", "tsconfig.json"], app);
  const esm = sh(process.execPath, ["out/esm.mjs"], app).trim();
  const cjs = sh(process.execPath, ["out/cjs.cjs"], app).trim();
  if (esm !== "esm 1Gi") fail(`ES module consumer printed ${JSON.stringify(esm)}`);
  if (cjs !== "cjs 1500m") fail(`CommonJS consumer printed ${JSON.stringify(cjs)}`);
  const version = sh(join(app, "node_modules", ".bin", "kubectl-kubevol"), ["version"], app).trim();
  const expected = `kubevol ${(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version}`;
  if (version !== expected) fail(`kubectl-kubevol version printed ${JSON.stringify(version)}, expected ${JSON.stringify(expected)}`);
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), "kubevol-package-"));
  try {
    const p = pack(work);
    const tarball = join(work, p.filename);
    checkContents(p);
    process.stdout.write(`${p.filename}: ${p.size} B packed, ${p.unpackedSize} B unpacked, ${p.files.length} files\n`);
    sh(join(BIN, "publint"), ["run", "--strict", tarball], ROOT);
    process.stdout.write("publint --strict: ok\n");
    sh(join(BIN, "attw"), ["--profile", "node16", "--format", "ascii", tarball], ROOT);
    process.stdout.write("attw --profile node16: ok\n");
    useFromBothModuleSystems(tarball, work);
    process.stdout.write("installed: import, require, tsc (node16) and kubectl-kubevol: ok\n");
  } catch (e) {
    // A failed command has already printed its stderr; its stdout (publint's, attw's report) follows.
    const err = e as { stdout?: string; message: string };
    process.stderr.write(`check:package: ${err.message}\n${err.stdout ?? ""}`);
    process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
