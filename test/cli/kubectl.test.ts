/**
 * Live-cluster mode against a stub `kubectl`: a small node script put first on PATH, which records
 * the arguments and environment it was run with and answers as kubectl does in each case (its
 * messages are kubectl's own, as printed by kubectl 1.32 against an API server that refuses,
 * forbids or lacks a resource type; see kubectl-real.slow.test.ts for the real binary).
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { CLUSTER_RESOURCES, type KubectlRun, kubectlGetArgs, readCluster } from "../../src/cli/kubectl.js";
import { ROOT, runInProcess, runSubprocess } from "./helpers.js";

const ALL = CLUSTER_RESOURCES.join(",");
const work = mkdtempSync(join(tmpdir(), "kubevol-kubectl-stub-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** examples/cluster.yaml as `kubectl get -o json` prints it: one v1 List. */
const clusterList = {
  apiVersion: "v1",
  kind: "List",
  metadata: { resourceVersion: "" },
  items: parseAllDocuments(readFileSync(join(ROOT, "examples/cluster.yaml"), "utf8"))
    .map((d) => d.toJS() as unknown)
    .filter((o) => o !== null),
};
const OUTPUT = join(work, "cluster.json");
writeFileSync(OUTPUT, JSON.stringify(clusterList, null, 4));

const STUB = `#!${process.execPath}
const fs = require("node:fs");
const args = process.argv.slice(2);
fs.appendFileSync(process.env.STUB_LOG, JSON.stringify({ args, KUBECONFIG: process.env.KUBECONFIG ?? null }) + "\\n");
const [mode, arg = ""] = (process.env.STUB_MODE ?? "ok").split(":");
const out = () => process.stdout.write(fs.readFileSync(process.env.STUB_OUTPUT, "utf8"));
if (mode === "ok") { out(); process.exit(0); }
if (mode === "unserved") {
  const missing = arg.split(",").find((t) => args[1].split(",").includes(t));
  if (missing === undefined) { out(); process.exit(0); }
  process.stderr.write('error: the server doesn\\'t have a resource type "' + missing + '"\\n');
  process.exit(1);
}
if (mode === "forbidden") {
  process.stdout.write(JSON.stringify({ apiVersion: "v1", kind: "List", items: [] }));
  for (const r of arg.split(",")) process.stderr.write('Error from server (Forbidden): ' + r + ' is forbidden: User "alice" cannot list resource "' + r + '" in API group "" at the cluster scope\\n');
  process.exit(1);
}
if (mode === "refused") {
  process.stderr.write("The connection to the server localhost:8080 was refused - did you specify the right host or port?\\n");
  process.exit(1);
}
if (mode === "hang") setTimeout(() => {}, 60000);
`;

/** A directory holding only the stub, named `kubectl`. */
function stubDir(): string {
  const dir = join(work, "bin");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "kubectl"), STUB);
  chmodSync(join(dir, "kubectl"), 0o755);
  return dir;
}

let runs = 0;
/** Run `kubevol ARGV` as a subprocess with the stub first on PATH; returns the result and the stub's log. */
function withStub(argv: string[], mode: string, env: Record<string, string> = {}) {
  const log = join(work, `log-${runs++}.jsonl`);
  writeFileSync(log, "");
  const r = runSubprocess(argv, {
    env: { PATH: `${stubDir()}${delimiter}${process.env["PATH"]}`, STUB_MODE: mode, STUB_LOG: log, STUB_OUTPUT: OUTPUT, ...env },
  });
  const calls = readFileSync(log, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as { args: string[]; KUBECONFIG: string | null });
  return { ...r, calls };
}

describe("kubectl kubevol explain without -f (stub kubectl on PATH)", () => {
  it("runs kubectl get over every resource in all namespaces, and explains what it prints like -f does", () => {
    const r = withStub(["explain"], "ok", { KUBECONFIG: "/etc/kube/a:/etc/kube/b" });
    expect(r.calls).toEqual([{ args: ["get", ALL, "-o", "json", "--all-namespaces"], KUBECONFIG: "/etc/kube/a:/etc/kube/b" }]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(runInProcess(["explain", "-f", join(ROOT, "examples/cluster.yaml")]).stdout);
  });

  it("passes --context, --kubeconfig and -n through, and simulate and validate read the cluster too", () => {
    const r = withStub(["explain", "--context", "prod", "--kubeconfig=/k/config", "-n", "shop", "-o", "json"], "ok");
    expect(r.calls.map((c) => c.args)).toEqual([
      ["get", ALL, "-o", "json", "--namespace", "shop", "--context", "prod", "--kubeconfig", "/k/config"],
    ]);
    expect(r.status).toBe(0);
    expect(withStub(["simulate", "-A"], "ok").stdout).toContain("Converged after");
    const v = withStub(["validate", "--namespace=web"], "ok");
    expect(v.calls.map((c) => c.args)).toEqual([["get", ALL, "-o", "json", "--namespace", "web"]]);
    // The example's lint errors (a missing class, a volume bound elsewhere) make validate exit 1.
    expect(v.status).toBe(1);
    expect(v.stdout).toMatch(/^cluster:1 +PersistentVolumeClaim\/shop\/cache +error +KV009/m);
  });

  it("a resource type the cluster does not serve: read the others, one warning, exit 0", () => {
    const r = withStub(["explain"], "unserved:csistoragecapacities,volumeattachments");
    const without = (...drop: string[]) => CLUSTER_RESOURCES.filter((x) => !drop.includes(x)).join(",");
    expect(r.calls.map((c) => c.args[1])).toEqual([
      ALL,
      without("csistoragecapacities"),
      without("csistoragecapacities", "volumeattachments"),
    ]);
    expect(r.stderr).toBe(
      "warning: the cluster does not serve csistoragecapacities, volumeattachments; read the other resources without them\n",
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("18 claims:");
  });

  it("RBAC refusal (403): one line naming the user and the resources, exit 5", () => {
    const r = withStub(["explain"], "forbidden:persistentvolumes,csinodes");
    expect(r.stderr).toBe(
      `error: forbidden: RBAC does not let user "alice" list persistentvolumes, csinodes; kubevol needs list on ${CLUSTER_RESOURCES.join(", ")}\n`,
    );
    expect(r.status).toBe(5);
    expect(r.stdout).toBe("");
  });

  it("no cluster (connection refused): kubectl's reason in one line, exit 4", () => {
    const r = withStub(["explain"], "refused");
    expect(r.stderr).toBe(
      "error: cannot read the cluster: The connection to the server localhost:8080 was refused - did you specify the right host or port?\n",
    );
    expect(r.status).toBe(4);
  });

  it("kubectl that does not answer in KUBEVOL_KUBECTL_TIMEOUT seconds: exit 4", () => {
    const r = withStub(["explain"], "hang", { KUBEVOL_KUBECTL_TIMEOUT: "1" });
    expect(r.stderr).toBe("error: kubectl get did not finish within 1 s; is the cluster reachable?\n");
    expect(r.status).toBe(4);
  });

  it("no kubectl on PATH: exit 3", () => {
    const empty = join(work, "empty");
    mkdirSync(empty, { recursive: true });
    const r = runSubprocess(["explain"], { env: { PATH: empty } });
    expect(r.stderr).toBe("error: kubectl not found on PATH; install kubectl, or give the objects with -f FILE\n");
    expect(r.status).toBe(3);
  });
});

describe("readCluster (kubectl as a function)", () => {
  const ok: KubectlRun = { status: 0, stdout: JSON.stringify(clusterList), stderr: "" };

  it("labels the objects with the context they came from", () => {
    const objects = readCluster(
      { context: "prod" },
      () => ok,
      () => {},
    );
    expect(objects).toHaveLength(clusterList.items.length);
    expect(objects[0]?.source).toEqual({ file: "cluster prod", line: 1 });
  });

  it("does not retry a type kubectl keeps naming, and reports other failures with kubectl's first line", () => {
    const unserved: KubectlRun = { status: 1, stdout: "", stderr: 'error: the server doesn\'t have a resource type "pv"\n' };
    expect(() =>
      readCluster(
        {},
        () => unserved,
        () => {},
      ),
    ).toThrow(/cannot read the cluster: the server doesn't have a resource type "pv"/);
    const calls: string[][] = [];
    expect(() =>
      readCluster(
        {},
        (args) => {
          calls.push([...args]);
          return { status: 1, stdout: "", stderr: "\nError in configuration: context was not found for specified context: nope\n" };
        },
        () => {},
      ),
    ).toThrow("cannot read the cluster: Error in configuration: context was not found for specified context: nope");
    expect(calls).toEqual([kubectlGetArgs(CLUSTER_RESOURCES, {})]);
  });

  it("output over the size limit is an input error (exit 2), not a crash", () => {
    const r = runInProcess(["explain"], "", {}, () => ({
      status: null,
      stdout: "",
      stderr: "",
      error: { code: "ENOBUFS", message: "spawnSync kubectl ENOBUFS" },
    }));
    expect(r.stderr).toMatch(/^error: the cluster's objects exceed \d+ bytes of JSON; read one namespace \(-n\) or use -f\n$/);
    expect(r.status).toBe(2);
  });

  it("a malformed answer from kubectl is an input error naming the cluster", () => {
    const r = runInProcess(["explain"], "", {}, () => ({ status: 0, stdout: "{ not json", stderr: "" }));
    expect(r.stderr).toMatch(/^error: cluster:1: malformed JSON/);
    expect(r.status).toBe(2);
  });
});
