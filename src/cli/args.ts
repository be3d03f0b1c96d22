/**
 * Command-line parsing for `kubevol` / `kubectl kubevol`. Small and strict: unknown flags and
 * missing values are usage errors (exit status 2), never silently ignored.
 */
import type { ClusterScope } from "./kubectl.js";

/** The commands the CLI knows. */
export type CommandName = "explain" | "simulate" | "validate" | "plan" | "help" | "version";

/** The output formats of `-o`. */
export type OutputFormat = "table" | "wide" | "json" | "yaml";

/** Parsed command-line options. */
export interface CliOptions {
  command: CommandName;
  /** `-f` arguments in order (files, directories, `-`). */
  files: string[];
  /**
   * Without `-f`, the cluster to read through kubectl (`--context`, `--kubeconfig`, `-n`; all
   * namespaces unless `-n`). Unset for `help`, `version` and when `-f` is given.
   */
  cluster?: ClusterScope;
  output: OutputFormat;
  /** `--claim namespace/name` (explain): only this claim. */
  claim?: string;
  /** `--node name` (explain): the scheduler's view for that node. */
  node?: string;
  /** `--now ISO-time` (simulate): the clock of the simulation. */
  now?: string;
  /** `--no-color`, or NO_COLOR in the environment, or output not a terminal. */
  color: boolean;
}

/** A usage problem: the message says what is wrong. Exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

const COMMANDS: readonly CommandName[] = ["explain", "simulate", "validate", "plan", "help", "version"];
const OUTPUTS: readonly OutputFormat[] = ["table", "wide", "json", "yaml"];

/** The help text printed by `kubevol help`. */
export const HELP = `kubevol — Kubernetes storage scheduling semantics, explained

Usage:
  kubevol explain  [INPUT] [--claim NS/NAME] [--node NODE] [--now TIME] [-o table|wide|json|yaml]
  kubevol simulate [INPUT] [--now TIME] [-o table|wide|json|yaml]
  kubevol validate [INPUT] [-o table|wide|json|yaml]
  kubevol plan     [INPUT] [-o table|wide|json|yaml]
  kubevol help | version
  (as a kubectl plugin: kubectl kubevol explain ...)

Commands:
  explain   Run the controllers on the input (as simulate does) and say, claim by claim, what is Bound,
            what WillBind or WillProvision, and why the rest stay Pending or are Lost.
  simulate  Run the controllers to a fixpoint and show the bindings, phases, operations, events.
  validate  API-server validation and storage lint; exit status 1 when anything is invalid.
  plan      The binding strategies side by side (kubernetes, best-fit-decreasing, optimal): bound,
            pending, waste, time, and the claims whose fate differs. Volumes without a status are
            taken as Available.

Input, one of:
  -f FILE|DIR|-         YAML (several documents) or JSON (an object, a List, or the output of
                        kubectl get ... -o json); repeatable; directories are read recursively;
                        - is stdin. Example: kubectl get pv,pvc,sc -A -o json | kubevol explain -f -
  (no -f)               the current cluster, read with kubectl get pv,pvc,sc,pods,nodes,csinodes,
                        csidrivers,csistoragecapacities,volumeattachments -o json; a resource type
                        the cluster does not serve is skipped with a warning. kubectl's own flags:
    --context NAME        the kubeconfig context (default: the current context)
    --kubeconfig FILE     the kubeconfig file (default: KUBECONFIG, else ~/.kube/config)
    -n, --namespace NS    claims, pods and capacities of NS only (cluster-wide objects: all)
    -A, --all-namespaces  every namespace (the default)

Exit status: 0 the command did its job (Pending claims are reported, not failures),
  1 validate found invalid objects, 2 usage or input errors,
  3 kubectl not found, 4 the cluster cannot be read (no configuration, unreachable, unauthorized),
  5 RBAC forbids listing a resource kubevol reads.
Colour only on a terminal; NO_COLOR or --no-color turns it off.`;

/**
 * Parse `argv` (without `node` and the script).
 *
 * @throws {@link UsageError} for unknown commands or flags and missing values.
 * @example
 * ```ts
 * parseArgs(["explain", "-f", "cluster.yaml"], { isTTY: false, env: {} }).files; // ["cluster.yaml"]
 * ```
 */
export function parseArgs(argv: readonly string[], term: { isTTY: boolean; env: Record<string, string | undefined> }): CliOptions {
  const opts: CliOptions = { command: "help", files: [], output: "table", color: term.isTTY && !term.env["NO_COLOR"] };
  const rest = [...argv];
  const cluster: ClusterScope = {};
  let allNamespaces = false;
  const first = rest[0];
  if (first === undefined || first === "-h" || first === "--help") return opts;
  if (first === "--version" || first === "-v") return { ...opts, command: "version" };
  if (!(COMMANDS as readonly string[]).includes(first)) throw new UsageError(`unknown command "${first}"; try "kubevol help"`);
  opts.command = first as CommandName;
  rest.shift();
  // `kubevol help explain`: help about a command (one page covers them all).
  if (opts.command === "help") {
    const topic = rest[0];
    if (topic !== undefined && !(COMMANDS as readonly string[]).includes(topic))
      throw new UsageError(`no help topic "${topic}"; try "kubevol help"`);
    return opts;
  }
  while (rest.length > 0) {
    const arg = rest.shift()!;
    const [flag, inline] = splitInline(arg);
    const value = (): string => {
      const v = inline ?? rest.shift();
      if (v === undefined || (inline === undefined && v.startsWith("-") && v !== "-")) throw new UsageError(`flag ${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "-f":
      case "--filename":
        opts.files.push(value());
        break;
      case "-o":
      case "--output": {
        const v = value();
        if (!(OUTPUTS as readonly string[]).includes(v))
          throw new UsageError(`unknown output format "${v}"; use one of ${OUTPUTS.join(", ")}`);
        opts.output = v as OutputFormat;
        break;
      }
      case "--claim": {
        const v = value();
        if (!/^[^/\s]+\/[^/\s]+$/.test(v)) throw new UsageError(`--claim takes NAMESPACE/NAME, got "${v}"`);
        opts.claim = v;
        break;
      }
      case "--node":
        opts.node = value();
        break;
      case "--now": {
        const v = value();
        if (Number.isNaN(Date.parse(v))) throw new UsageError(`--now takes an ISO time, got "${v}"`);
        opts.now = v;
        break;
      }
      case "--context":
        cluster.context = value();
        break;
      case "--kubeconfig":
        cluster.kubeconfig = value();
        break;
      case "-n":
      case "--namespace":
        cluster.namespace = value();
        break;
      case "-A":
      case "--all-namespaces":
        allNamespaces = true;
        break;
      case "--no-color":
        opts.color = false;
        break;
      case "-h":
      case "--help":
        return { ...opts, command: "help" };
      default:
        throw new UsageError(`unknown flag "${arg}"; try "kubevol help"`);
    }
  }
  const clusterFlags = Object.keys(cluster).length > 0 || allNamespaces;
  if (opts.command !== "explain" && opts.command !== "simulate" && opts.command !== "validate" && opts.command !== "plan") return opts;
  if (opts.files.length > 0) {
    if (clusterFlags) throw new UsageError("--context, --kubeconfig, -n and -A choose the cluster to read; they do not apply with -f");
    return opts;
  }
  if (allNamespaces && cluster.namespace !== undefined) throw new UsageError("-n and -A contradict each other; give one");
  return { ...opts, cluster };
}

/** `--flag=value`, and as kubectl (pflag) also takes them, `-ojson`, `-o=json`, `-nshop`, `-fFILE`. */
function splitInline(arg: string): [string, string | undefined] {
  if (arg.startsWith("--")) {
    const eq = arg.indexOf("=");
    if (eq > 0) return [arg.slice(0, eq), arg.slice(eq + 1)];
    return [arg, undefined];
  }
  if (/^-[fon]./.test(arg)) return [arg.slice(0, 2), arg.slice(2).replace(/^=/, "")];
  return [arg, undefined];
}
