/**
 * Live-cluster input: with no `-f`, the commands read the current cluster by running
 * `kubectl get <CLUSTER_RESOURCES> -o json` (all namespaces, or `--namespace NS`), so kubectl's own
 * configuration (`KUBECONFIG`, `--kubeconfig`, `--context`, credentials plugins) decides which
 * cluster and as whom. kubectl runs a plugin with its own environment and the arguments after the
 * plugin name (kubernetes/kubectl pkg/cmd/cmd.go, `HandlePluginCommand`), so `kubectl kubevol
 * explain --context prod` reaches kubevol as `explain --context prod`, and kubevol hands the flag
 * back to kubectl.
 *
 * kubectl's failures are sorted into four outcomes, each with one line on standard error:
 * kubectl missing, the cluster unreachable (or kubectl's configuration unusable), an RBAC refusal,
 * and resource types the cluster does not serve — the last is only a warning: kubevol lists the
 * types that are served (a cluster without CSIStorageCapacity has no such objects to miss).
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { type LoadedObject, MAX_INPUT_BYTES, parseManifests } from "./load.js";

/** What kubevol reads from a cluster, as `kubectl get` resource names, in this order. */
export const CLUSTER_RESOURCES: readonly string[] = [
  "pv",
  "pvc",
  "sc",
  "pods",
  "nodes",
  "csinodes",
  "csidrivers",
  "csistoragecapacities",
  "volumeattachments",
];

/** How long one `kubectl get` may take before kubevol gives up (paging 100k objects takes ~1 min). */
export const KUBECTL_TIMEOUT_MS = 300_000;

/** Which cluster and namespaces to read; unset fields are left to kubectl's configuration. */
export interface ClusterScope {
  /** `--context`: a context of the kubeconfig. */
  context?: string;
  /** `--kubeconfig`: the kubeconfig file. */
  kubeconfig?: string;
  /** `--namespace`: only this namespace's claims and pods; all namespaces when unset. */
  namespace?: string;
}

/** The outcome of one kubectl run (the shape of `spawnSync`'s result, narrowed). */
export interface KubectlRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /**
   * Set when kubectl could not be run or was stopped: `code` `ENOENT` (not on PATH), `EACCES`,
   * `ETIMEDOUT` (the message then says after how long), `ENOBUFS` (output too large).
   */
  error?: { code?: string; message: string };
}

/** Runs kubectl with these arguments (no shell). */
export type RunKubectl = (args: readonly string[]) => KubectlRun;

/** Why reading the cluster failed; each reason has its own exit status (see `EXIT` in run.ts). */
export type KubectlFailure = "kubectl-missing" | "cluster-unreachable" | "forbidden" | "too-large";

/** Reading the cluster failed; the message is the one line kubevol prints. */
export class KubectlError extends Error {
  constructor(
    readonly reason: KubectlFailure,
    message: string,
  ) {
    super(message);
    this.name = "KubectlError";
  }
}

/**
 * The arguments of `kubectl get` for these resources and this scope.
 *
 * @example
 * ```ts
 * kubectlGetArgs(["pv", "pvc"], { namespace: "shop" }); // ["get", "pv,pvc", "-o", "json", "--namespace", "shop"]
 * ```
 */
export function kubectlGetArgs(resources: readonly string[], scope: ClusterScope): string[] {
  const args = ["get", resources.join(","), "-o", "json"];
  if (scope.namespace === undefined) args.push("--all-namespaces");
  else args.push("--namespace", scope.namespace);
  if (scope.context !== undefined) args.push("--context", scope.context);
  if (scope.kubeconfig !== undefined) args.push("--kubeconfig", scope.kubeconfig);
  return args;
}

/**
 * `kubectl` from `PATH` (the `PATH` of `env`), with an argument array, `env` passed on unchanged,
 * output up to {@link MAX_INPUT_BYTES} and at most {@link KUBECTL_TIMEOUT_MS}.
 *
 * @example
 * ```ts
 * const kubectl = systemKubectl(process.env);
 * kubectl(["version", "--client"]).status; // 0 when kubectl is installed
 * ```
 */
export function systemKubectl(env: Record<string, string | undefined>, timeoutMs = KUBECTL_TIMEOUT_MS): RunKubectl {
  return (args) => {
    let r: SpawnSyncReturns<string>;
    try {
      r = spawnSync("kubectl", args, {
        env,
        encoding: "utf8",
        maxBuffer: MAX_INPUT_BYTES,
        timeout: timeoutMs,
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (e) {
      // Output that fits the buffer but not a JavaScript string (ERR_STRING_TOO_LONG) throws.
      const error = e as NodeJS.ErrnoException;
      return {
        status: null,
        stdout: "",
        stderr: "",
        error: { code: error.code === "ERR_STRING_TOO_LONG" ? "ENOBUFS" : (error.code ?? "EUNKNOWN"), message: error.message },
      };
    }
    const error = r.error as NodeJS.ErrnoException | undefined;
    const run: KubectlRun = { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
    if (error === undefined) return run;
    const message = error.code === "ETIMEDOUT" ? `did not finish within ${timeoutMs / 1000} s` : error.message;
    return { ...run, error: error.code === undefined ? { message } : { code: error.code, message } };
  };
}

/**
 * Read the cluster: one `kubectl get` of {@link CLUSTER_RESOURCES}; when kubectl answers that the
 * server has no such resource type, the type is dropped and kubectl runs again, and `warn` is
 * called once, at the end, with every dropped type.
 *
 * @throws {@link KubectlError} when kubectl is missing, the cluster cannot be read, RBAC refuses a
 *   list, or the output exceeds {@link MAX_INPUT_BYTES}.
 * @example
 * ```ts
 * const objects = readCluster({ context: "prod" }, systemKubectl(process.env), (w) => console.error(w));
 * ```
 */
export function readCluster(scope: ClusterScope, kubectl: RunKubectl, warn: (message: string) => void): LoadedObject[] {
  let resources = [...CLUSTER_RESOURCES];
  const unserved: string[] = [];
  for (;;) {
    const run = kubectl(kubectlGetArgs(resources, scope));
    if (run.error !== undefined) throw spawnFailure(run.error);
    if (run.status === 0) {
      if (unserved.length > 0) warn(`warning: the cluster does not serve ${unserved.join(", ")}; read the other resources without them`);
      return parseManifests(run.stdout, scope.context === undefined ? "cluster" : `cluster ${scope.context}`);
    }
    const missing = unservedType(run.stderr);
    if (missing !== undefined && resources.includes(missing) && resources.length > 1) {
      resources = resources.filter((r) => r !== missing);
      unserved.push(missing);
      continue;
    }
    throw kubectlFailure(run.stderr, run.status);
  }
}

function spawnFailure(error: { code?: string; message: string }): KubectlError {
  switch (error.code) {
    case "ENOENT":
      return new KubectlError("kubectl-missing", "kubectl not found on PATH; install kubectl, or give the objects with -f FILE");
    case "EACCES":
      return new KubectlError("kubectl-missing", `kubectl on PATH cannot be run: ${error.message}`);
    case "ETIMEDOUT":
      return new KubectlError("cluster-unreachable", `kubectl get ${error.message}; is the cluster reachable?`);
    case "ENOBUFS":
      return new KubectlError(
        "too-large",
        `the cluster's objects exceed ${MAX_INPUT_BYTES} bytes of JSON; read one namespace (-n) or use -f`,
      );
    default:
      return new KubectlError("cluster-unreachable", `cannot run kubectl: ${error.message}`);
  }
}

/** The resource type named by kubectl's "the server doesn't have a resource type" error. */
function unservedType(stderr: string): string | undefined {
  return /the server doesn't have a resource type "([^"]+)"/.exec(stderr)?.[1];
}

/**
 * kubectl exited non-zero: a 403 from any list ("Error from server (Forbidden): pods is forbidden:
 * User "u" cannot list resource "pods" ...") is an RBAC refusal — kubevol does not run on part of
 * the objects of types that exist, since a hidden pod or volume would change the answers. Anything
 * else (connection refused, no configuration, unknown context, 401) means the cluster cannot be read.
 */
function kubectlFailure(stderr: string, status: number | null): KubectlError {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const refused = [...stderr.matchAll(/cannot list resource "([^"]+)"/g)].map((m) => m[1]!);
  if (refused.length > 0) {
    const who = /User "([^"]*)"/.exec(stderr)?.[1];
    const subject = who === undefined ? "the current user" : `user "${who}"`;
    return new KubectlError(
      "forbidden",
      `forbidden: RBAC does not let ${subject} list ${[...new Set(refused)].join(", ")}; kubevol needs list on ${CLUSTER_RESOURCES.join(", ")}`,
    );
  }
  const first = lines[0]?.replace(/^error:\s*/i, "") ?? `kubectl exited with status ${status}`;
  return new KubectlError("cluster-unreachable", `cannot read the cluster: ${first}`);
}
