#!/usr/bin/env node
/**
 * The `kubevol` / `kubectl-kubevol` executable: binds {@link run} to the process.
 */
import { readFileSync } from "node:fs";
import { run } from "./run.js";

const status = run(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: () => readFileSync(0, "utf8"),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
});
process.exitCode = status;
