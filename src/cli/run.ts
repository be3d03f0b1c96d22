/**
 * The CLI as a function of its inputs: `run(argv, io)` returns the exit status, writing only
 * through `io`. `main.ts` binds it to the process; tests call it directly.
 */
import { HELP, parseArgs, UsageError, type CliOptions } from "./args.js";
import { KUBECTL_TIMEOUT_MS, KubectlError, type KubectlFailure, readCluster, type RunKubectl, systemKubectl } from "./kubectl.js";
import { InputError, LoadedInput, type LoadedObject, loadInputs } from "./load.js";
import { explainCommand } from "./explain.js";
import { planCommand } from "./plan.js";
import { simulateCommand } from "./simulate.js";
import { validateCommand } from "./validate.js";
import { writeOutput } from "./output.js";
import { noTimer, phaseTimer } from "./timer.js";
import { VERSION } from "./version.js";

/** Everything the CLI touches of the outside world. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Read all of standard input (called only for `-f -`). */
  readStdin(): string;
  /** Whether stdout is a terminal (colour, progress). */
  isTTY: boolean;
  /** Whether stderr is a terminal (progress messages). */
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  /** Runs kubectl (live-cluster mode, no `-f`); {@link systemKubectl} of `env` when absent. */
  kubectl?: RunKubectl;
}

/** Exit statuses, documented in `kubevol help` and docs/cli.md. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, kubectlMissing: 3, clusterUnreachable: 4, forbidden: 5 } as const;

const KUBECTL_EXIT: Record<KubectlFailure, number> = {
  "kubectl-missing": EXIT.kubectlMissing,
  "cluster-unreachable": EXIT.clusterUnreachable,
  forbidden: EXIT.forbidden,
  // Too much input is an input problem, as for an oversized file.
  "too-large": EXIT.usage,
};

/**
 * Run one CLI invocation.
 *
 * @example
 * ```ts
 * const out: string[] = [];
 * const status = run(["version"], { stdout: (t) => out.push(t), stderr: () => {}, readStdin: () => "", isTTY: false, stderrIsTTY: false, env: {} });
 * // status === 0, out[0] is the version line
 * ```
 */
export function run(argv: readonly string[], io: CliIo): number {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv, { isTTY: io.isTTY, env: io.env });
  } catch (e) {
    return fail(io, e);
  }
  try {
    switch (opts.command) {
      case "help":
        io.stdout(HELP + "\n");
        return EXIT.ok;
      case "version":
        io.stdout(`kubevol ${VERSION}\n`);
        return EXIT.ok;
      default: {
        const progress = (msg: string) => {
          if (io.stderrIsTTY) io.stderr(`\r\x1b[K${msg}`);
        };
        const timer = io.env["KUBEVOL_TIMINGS"] ? phaseTimer() : noTimer;
        // Handed over to the command, so this frame does not keep the parsed input alive.
        const input = new LoadedInput(timer.time("reading and parsing", () => readInput(opts, io, progress)));
        const command =
          opts.command === "explain"
            ? explainCommand
            : opts.command === "simulate"
              ? simulateCommand
              : opts.command === "plan"
                ? planCommand
                : validateCommand;
        const result = command(input, opts, progress, timer);
        progress("");
        timer.time("writing", () => writeOutput(io.stdout, result.output));
        const report = timer.report();
        if (report !== "") io.stderr(report);
        return result.status;
      }
    }
  } catch (e) {
    return fail(io, e);
  }
}

function readInput(opts: CliOptions, io: CliIo, progress: (msg: string) => void): LoadedObject[] {
  if (opts.cluster === undefined) {
    progress("reading input…");
    const objects = loadInputs(opts.files, io.readStdin);
    progress("");
    return objects;
  }
  progress("reading the cluster (kubectl get …)…");
  const objects = readCluster(opts.cluster, io.kubectl ?? systemKubectl(io.env, kubectlTimeoutMs(io.env)), (warning) => {
    progress("");
    io.stderr(`${warning}\n`);
  });
  progress("");
  return objects;
}

/** `KUBEVOL_KUBECTL_TIMEOUT` (seconds) overrides {@link KUBECTL_TIMEOUT_MS}. */
function kubectlTimeoutMs(env: Record<string, string | undefined>): number {
  const seconds = Number(env["KUBEVOL_KUBECTL_TIMEOUT"]);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : KUBECTL_TIMEOUT_MS;
}

function fail(io: CliIo, e: unknown): number {
  if (e instanceof UsageError || e instanceof InputError) {
    io.stderr(`error: ${e.message}\n`);
    return EXIT.usage;
  }
  if (e instanceof KubectlError) {
    io.stderr(`error: ${e.message}\n`);
    return KUBECTL_EXIT[e.reason];
  }
  // Anything else is a bug in kubevol: say so plainly, without a stack trace unless asked.
  const err = e as Error;
  io.stderr(`error: internal error: ${err?.message ?? String(e)}\n`);
  if (io.env["KUBEVOL_DEBUG"]) io.stderr(`${err?.stack ?? ""}\n`);
  return EXIT.usage;
}
