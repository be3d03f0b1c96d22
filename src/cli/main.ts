#!/usr/bin/env node
/**
 * The `kubevol` / `kubectl-kubevol` executable: binds {@link run} to the process.
 */
import { readFileSync } from "node:fs";
import { run } from "./run.js";

// A reader that stops early (`kubevol explain | head`) closes the pipe: stop quietly, as Unix
// tools do, instead of dying on the unhandled write error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(process.exitCode ?? 0);
});
const status = run(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: () => readFileSync(0, "utf8"),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
});
process.exitCode = status;
