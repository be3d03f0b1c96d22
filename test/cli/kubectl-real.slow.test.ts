/**
 * Live-cluster mode with the real `kubectl` binary (skipped when none is on PATH) against a fake
 * API server on 127.0.0.1 (node:http, a random port): legacy discovery (`/api`, `/apis`, the group
 * versions), `/version`, and the lists of examples/cluster.yaml, all namespaces or one. Options
 * make it lack a resource type (an old cluster) or answer 403 (RBAC). Each kubevol run is a
 * subprocess started asynchronously, so this process keeps serving while kubectl asks.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { CLUSTER_RESOURCES } from "../../src/cli/kubectl.js";
import { ROOT, runInProcess } from "./helpers.js";

const hasKubectl = spawnSync("kubectl", ["version", "--client"], { encoding: "utf8" }).status === 0;

interface Resource {
  name: string;
  kind: string;
  namespaced: boolean;
  group: "" | "storage.k8s.io";
  shortNames?: string[];
}

const RESOURCES: Resource[] = [
  { name: "persistentvolumes", kind: "PersistentVolume", namespaced: false, group: "", shortNames: ["pv"] },
  { name: "persistentvolumeclaims", kind: "PersistentVolumeClaim", namespaced: true, group: "", shortNames: ["pvc"] },
  { name: "pods", kind: "Pod", namespaced: true, group: "", shortNames: ["po"] },
  { name: "nodes", kind: "Node", namespaced: false, group: "", shortNames: ["no"] },
  { name: "storageclasses", kind: "StorageClass", namespaced: false, group: "storage.k8s.io", shortNames: ["sc"] },
  { name: "csinodes", kind: "CSINode", namespaced: false, group: "storage.k8s.io" },
  { name: "csidrivers", kind: "CSIDriver", namespaced: false, group: "storage.k8s.io" },
  { name: "csistoragecapacities", kind: "CSIStorageCapacity", namespaced: true, group: "storage.k8s.io" },
  { name: "volumeattachments", kind: "VolumeAttachment", namespaced: false, group: "storage.k8s.io" },
];

const objects = parseAllDocuments(readFileSync(join(ROOT, "examples/cluster.yaml"), "utf8"))
  .map((d) => d.toJS() as { kind?: string; metadata?: { namespace?: string } } | null)
  .filter((o) => o !== null);

/** What the fake API server lacks or refuses, set per test. */
const behaviour = { unserved: new Set<string>(), forbidden: new Set<string>() };
const requests: string[] = [];

function apiResourceList(group: Resource["group"]) {
  const resources = RESOURCES.filter((r) => r.group === group && !behaviour.unserved.has(r.name)).map((r) => ({
    name: r.name,
    singularName: r.kind.toLowerCase(),
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: ["get", "list", "watch"],
    ...(r.shortNames ? { shortNames: r.shortNames } : {}),
  }));
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: group === "" ? "v1" : `${group}/v1`, resources };
}

function list(resource: Resource, namespace: string | undefined) {
  const items = objects
    .filter((o) => o.kind === resource.kind && (namespace === undefined || (o.metadata?.namespace ?? "default") === namespace))
    // The API server leaves apiVersion and kind out of list items; kubectl puts them back.
    .map(({ kind: _k, apiVersion: _a, ...rest }: Record<string, unknown>) => rest);
  return {
    kind: `${resource.kind}List`,
    apiVersion: resource.group === "" ? "v1" : `${resource.group}/v1`,
    metadata: { resourceVersion: "7" },
    items,
  };
}

function forbidden(resource: Resource, namespace: string | undefined) {
  const scope = namespace === undefined ? "at the cluster scope" : `in the namespace "${namespace}"`;
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: `${resource.name} is forbidden: User "alice" cannot list resource "${resource.name}" in API group "${resource.group}" ${scope}`,
    reason: "Forbidden",
    details: { kind: resource.name },
    code: 403,
  };
}

const server: Server = createServer((req, res) => {
  requests.push(`${req.method} ${req.url}`);
  const send = (code: number, body: unknown) => {
    res.writeHead(code, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
  if (path === "/version") return send(200, { major: "1", minor: "32", gitVersion: "v1.32.0", platform: "linux/amd64" });
  if (path === "/api") return send(200, { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [] });
  if (path === "/apis") {
    const v1 = { groupVersion: "storage.k8s.io/v1", version: "v1" };
    return send(200, {
      kind: "APIGroupList",
      apiVersion: "v1",
      groups: [{ name: "storage.k8s.io", versions: [v1], preferredVersion: v1 }],
    });
  }
  if (path === "/api/v1") return send(200, apiResourceList(""));
  if (path === "/apis/storage.k8s.io/v1") return send(200, apiResourceList("storage.k8s.io"));
  const m = /^\/(api\/v1|apis\/storage\.k8s\.io\/v1)(?:\/namespaces\/([^/]+))?\/([a-z]+)$/.exec(path);
  const resource = RESOURCES.find((r) => r.name === m?.[3] && (r.group === "" ? "api/v1" : "apis/storage.k8s.io/v1") === m?.[1]);
  if (m && resource && !behaviour.unserved.has(resource.name)) {
    if (behaviour.forbidden.has(resource.name)) return send(403, forbidden(resource, m[2]));
    return send(200, list(resource, m[2]));
  }
  send(404, {
    kind: "Status",
    apiVersion: "v1",
    status: "Failure",
    reason: "NotFound",
    code: 404,
    message: "the server could not find the requested resource",
  });
});

const home = mkdtempSync(join(tmpdir(), "kubevol-kubectl-real-"));
const kubeconfig = join(home, "kubeconfig");

beforeAll(async () => {
  if (!hasKubectl) return;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  writeFileSync(
    kubeconfig,
    [
      "apiVersion: v1",
      "kind: Config",
      "clusters:",
      `- {name: fake, cluster: {server: "http://127.0.0.1:${port}"}}`,
      // Port 1 (tcpmux): nothing listens there, so the connection is refused.
      `- {name: closed, cluster: {server: "http://127.0.0.1:1"}}`,
      "users:",
      "- {name: alice, user: {token: t}}",
      "contexts:",
      "- {name: fake, context: {cluster: fake, user: alice, namespace: web}}",
      "- {name: closed, context: {cluster: closed, user: alice}}",
      "current-context: fake",
      "",
    ].join("\n"),
  );
});

afterAll(() => {
  server.close();
  rmSync(home, { recursive: true, force: true });
});

/** `kubevol ARGV` as a subprocess, with HOME in a temporary directory (kubectl's discovery cache). */
function kubevol(argv: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), ...argv], {
      cwd: ROOT,
      env: { ...process.env, HOME: home, KUBECONFIG: kubeconfig, NO_COLOR: "1", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

describe.skipIf(!hasKubectl)("the real kubectl against a fake API server on 127.0.0.1", () => {
  const fromFile = runInProcess(["explain", "-f", join(ROOT, "examples/cluster.yaml")]).stdout;

  it("reads every resource in all namespaces: the same answer as -f", async () => {
    behaviour.unserved.clear();
    behaviour.forbidden.clear();
    requests.length = 0;
    const r = await kubevol(["explain", "--kubeconfig", kubeconfig, "--context", "fake"], { KUBECONFIG: "" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(fromFile);
    const lists = requests.filter((q) => q.includes("limit=")).map((q) => q.replace(/\?.*/, ""));
    expect(lists).toEqual([
      "GET /api/v1/persistentvolumes",
      "GET /api/v1/persistentvolumeclaims",
      "GET /apis/storage.k8s.io/v1/storageclasses",
      "GET /api/v1/pods",
      "GET /api/v1/nodes",
      "GET /apis/storage.k8s.io/v1/csinodes",
      "GET /apis/storage.k8s.io/v1/csidrivers",
      "GET /apis/storage.k8s.io/v1/csistoragecapacities",
      "GET /apis/storage.k8s.io/v1/volumeattachments",
    ]);
  });

  it("-n NS lists that namespace's claims and pods (KUBECONFIG from the environment)", async () => {
    requests.length = 0;
    const r = await kubevol(["explain", "-n", "shop", "-o", "json"]);
    expect(r.status).toBe(0);
    const claims = (JSON.parse(r.stdout) as { claims: { namespace: string }[] }).claims;
    expect(new Set(claims.map((c) => c.namespace))).toEqual(new Set(["shop"]));
    expect(requests.some((q) => q.startsWith("GET /api/v1/namespaces/shop/persistentvolumeclaims?"))).toBe(true);
  });

  it("an old cluster without csistoragecapacities: one warning, the rest read, exit 0", async () => {
    behaviour.unserved = new Set(["csistoragecapacities"]);
    const r = await kubevol(["explain"], { KUBECACHEDIR: join(home, "cache-old") });
    behaviour.unserved.clear();
    expect(r.stderr).toBe("warning: the cluster does not serve csistoragecapacities; read the other resources without them\n");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(fromFile);
  });

  it("403 Forbidden on pods and csinodes: one line, exit 5", async () => {
    behaviour.forbidden = new Set(["pods", "csinodes"]);
    const r = await kubevol(["simulate"]);
    behaviour.forbidden.clear();
    expect(r.stderr).toBe(
      `error: forbidden: RBAC does not let user "alice" list pods, csinodes; kubevol needs list on ${CLUSTER_RESOURCES.join(", ")}\n`,
    );
    expect(r.status).toBe(5);
  });

  it("a cluster that refuses connections, and a context that does not exist: one line, exit 4", async () => {
    const refused = await kubevol(["explain", "--context", "closed"]);
    expect(refused.stderr).toMatch(/^error: cannot read the cluster: .*127\.0\.0\.1:1.*refused.*\n$/);
    expect(refused.stderr.split("\n")).toHaveLength(2);
    expect(refused.status).toBe(4);
    const noContext = await kubevol(["validate", "--context", "nope"]);
    expect(noContext.stderr).toBe(
      "error: cannot read the cluster: Error in configuration: context was not found for specified context: nope\n",
    );
    expect(noContext.status).toBe(4);
  });
});
