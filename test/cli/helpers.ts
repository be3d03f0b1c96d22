/** Running the CLI in tests: in-process through `run`, or as a real subprocess. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { RunKubectl } from "../../src/cli/kubectl.js";
import { run } from "../../src/cli/run.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MAIN = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Stands in for kubectl in tests that do not expect the CLI to read a cluster. */
const noKubectl: RunKubectl = (args) => {
  throw new Error(`the test ran kubectl ${args.join(" ")}`);
};

/** Run the CLI in this process with fake streams (and `kubectl`, which fails unless given). */
export function runInProcess(argv: string[], stdin = "", env: Record<string, string> = {}, kubectl: RunKubectl = noKubectl): CliRun {
  let stdout = "";
  let stderr = "";
  const status = run(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: () => stdin,
    isTTY: false,
    stderrIsTTY: false,
    env,
    kubectl,
  });
  return { status, stdout, stderr };
}

/** Run the CLI as a subprocess (`node --import tsx src/cli/main.ts`), as a user would. */
export function runSubprocess(
  argv: string[],
  opts: { stdin?: string; maxOldSpaceMb?: number; timeoutMs?: number; env?: Record<string, string> } = {},
): CliRun {
  const nodeArgs = ["--import", "tsx"];
  if (opts.maxOldSpaceMb) nodeArgs.push(`--max-old-space-size=${opts.maxOldSpaceMb}`);
  const r = spawnSync(process.execPath, [...nodeArgs, MAIN, ...argv], {
    cwd: ROOT,
    input: opts.stdin ?? "",
    encoding: "utf8",
    timeout: opts.timeoutMs ?? 60_000,
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", ...opts.env },
  });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
