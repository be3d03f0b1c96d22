/** Running the CLI in tests: in-process through `run`, or as a real subprocess. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { run } from "../../src/cli/run.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MAIN = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in this process with fake streams. */
export function runInProcess(argv: string[], stdin = "", env: Record<string, string> = {}): CliRun {
  let stdout = "";
  let stderr = "";
  const status = run(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: () => stdin,
    isTTY: false,
    stderrIsTTY: false,
    env,
  });
  return { status, stdout, stderr };
}

/** Run the CLI as a subprocess (`node --import tsx src/cli/main.ts`), as a user would. */
export function runSubprocess(argv: string[], opts: { stdin?: string; maxOldSpaceMb?: number; timeoutMs?: number } = {}): CliRun {
  const nodeArgs = ["--import", "tsx"];
  if (opts.maxOldSpaceMb) nodeArgs.push(`--max-old-space-size=${opts.maxOldSpaceMb}`);
  const r = spawnSync(process.execPath, [...nodeArgs, MAIN, ...argv], {
    cwd: ROOT,
    input: opts.stdin ?? "",
    encoding: "utf8",
    timeout: opts.timeoutMs ?? 60_000,
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
  });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
