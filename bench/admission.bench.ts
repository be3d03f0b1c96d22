/**
 * Admission and lint throughput, and webhook latency under concurrent loopback load.
 *
 * - `reviewAdmission` per review kind (CREATE claim with the default-class patch, CREATE volume,
 *   UPDATE claim resize, an invalid volume answered with a 422);
 * - `lintObjects` over the seeded workload (volumes + claims + classes, with a cluster snapshot);
 * - the HTTP handler: N POSTs from C concurrent keep-alive clients to a server in a worker thread
 *   (the server gets its own event loop, as in production), latency measured per request at the
 *   client. Bounded by count and by a wall-clock budget.
 */
import { request, Agent } from "node:http";
import { Worker } from "node:worker_threads";
import { makeAdmissionReview, reviewAdmission, type AdmissionContext } from "../src/admission/index.js";
import type { StorageClass } from "../src/api/index.js";
import { lintObjects } from "../src/lint/index.js";
import { claims, pool } from "../src/testing/index.js";
import { quantile, timeEach, type BenchResult, type BenchSuite } from "./harness.js";

const classes: StorageClass[] = [
  {
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: { name: "standard", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
    provisioner: "ebs.csi.aws.com",
    volumeBindingMode: "WaitForFirstConsumer",
  },
  {
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: { name: "fast" },
    provisioner: "ebs.csi.aws.com",
    allowVolumeExpansion: true,
  },
] as StorageClass[];
const ctx: AdmissionContext = { storageClasses: classes };

const claimObject = (i: number) => ({
  apiVersion: "v1",
  kind: "PersistentVolumeClaim",
  metadata: { name: `data-${i}`, namespace: "team-a", labels: { app: "db" } },
  spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } },
});
const volumeObject = (i: number) => ({
  apiVersion: "v1",
  kind: "PersistentVolume",
  metadata: { name: `pv-${i}` },
  spec: {
    capacity: { storage: "100Gi" },
    accessModes: ["ReadWriteOnce"],
    local: { path: `/mnt/disks/${i}` },
    nodeAffinity: {
      required: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [`node-${i % 100}`] }] }],
      },
    },
  },
});
const resized = (grow: boolean) => ({
  apiVersion: "v1",
  kind: "PersistentVolumeClaim",
  metadata: { name: "data", namespace: "team-a", resourceVersion: grow ? "2" : "1", uid: "c0ffee" },
  spec: {
    accessModes: ["ReadWriteOnce"],
    storageClassName: "fast",
    volumeName: "pv-1",
    resources: { requests: { storage: grow ? "20Gi" : "10Gi" } },
  },
  status: { phase: "Bound", capacity: { storage: "10Gi" } },
});

function reviewBenches(): BenchResult[] {
  const samples = 20_000;
  const createClaims = Array.from({ length: 256 }, (_, i) =>
    makeAdmissionReview({ operation: "CREATE", uid: `u${i}`, object: claimObject(i) }),
  );
  const createVolumes = Array.from({ length: 256 }, (_, i) =>
    makeAdmissionReview({ operation: "CREATE", uid: `v${i}`, object: volumeObject(i) }),
  );
  const resize = makeAdmissionReview({ operation: "UPDATE", uid: "r", object: resized(true), oldObject: resized(false) });
  const invalid = makeAdmissionReview({
    operation: "CREATE",
    uid: "x",
    object: { ...volumeObject(1), spec: { ...volumeObject(1).spec, nodeAffinity: undefined } },
  });
  return [
    timeEach("reviewAdmission CREATE claim (default class + finalizer patch)", 1, samples, (i) =>
      reviewAdmission(createClaims[i & 255], ctx),
    ),
    timeEach("reviewAdmission CREATE local volume (finalizer patch)", 1, samples, (i) => reviewAdmission(createVolumes[i & 255], ctx)),
    timeEach("reviewAdmission UPDATE claim resize (allowed)", 1, samples, () => reviewAdmission(resize, ctx)),
    timeEach("reviewAdmission CREATE invalid volume (422)", 1, samples, () => reviewAdmission(invalid, ctx)),
  ];
}

function lintBench(): BenchResult {
  const volumes = pool(2_000, 7);
  const objects = [...volumes.slice(0, 1_000), ...claims(1_000, 7), ...classes];
  const cluster = { volumes, storageClasses: classes };
  let findings = 0;
  const r = timeEach(
    `lintObjects (1,000 PVs + 1,000 PVCs, cluster of 2,000 PVs)`,
    objects.length,
    5,
    () => (findings = lintObjects(objects, { cluster }).length),
    1,
  );
  return { ...r, opsPerSec: r.opsPerSec * objects.length, note: `${findings} findings; ops/s = objects/s` };
}

const SERVER = `
const { parentPort, workerData } = require("node:worker_threads");
const { createServer } = require("node:http");
(async () => {
  // eval'd workers do not inherit the tsx loader: load the TypeScript source through tsx's API
  const { tsImport } = await import("tsx/esm/api");
  const { createAdmissionHandler } = await tsImport(workerData.module, workerData.parent);
  const server = createServer(createAdmissionHandler(workerData.ctx));
  server.keepAliveTimeout = 30000;
  server.listen(0, "127.0.0.1", () => parentPort.postMessage(server.address().port));
  parentPort.on("message", (m) => { if (m === "stop") server.close(() => process.exit(0)); });
})();
`;

async function handlerBench(total: number, concurrency: number, budgetMs: number): Promise<BenchResult> {
  const worker = new Worker(SERVER, {
    eval: true,
    workerData: { module: new URL("../src/admission/index.ts", import.meta.url).href, parent: import.meta.url, ctx },
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const bodies = Array.from({ length: 64 }, (_, i) =>
    JSON.stringify(makeAdmissionReview({ operation: "CREATE", uid: `h${i}`, object: claimObject(i) })),
  );
  const post = (body: string) =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/",
          agent,
          headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  const latencies: number[] = [];
  const start = process.hrtime.bigint();
  const deadline = Date.now() + budgetMs;
  let next = 0;
  const client = async () => {
    while (next < total && Date.now() < deadline) {
      const i = next++;
      const t = process.hrtime.bigint();
      await post(bodies[i & 63]!);
      latencies.push(Number(process.hrtime.bigint() - t));
    }
  };
  for (let i = 0; i < 200; i++) await post(bodies[i & 63]!); // warm-up
  next = 0;
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = Number(process.hrtime.bigint() - start);
  agent.destroy();
  worker.postMessage("stop");
  await new Promise((r) => worker.once("exit", r));
  return {
    name: `handler POST / over loopback, ${concurrency} concurrent keep-alive clients`,
    n: latencies.length,
    medianNs: quantile(latencies, 0.5),
    p99Ns: quantile(latencies, 0.99),
    opsPerSec: (latencies.length * 1e9) / elapsed,
    note: "server in a worker thread; latency at the client",
  };
}

const suite: BenchSuite = async () => [
  ...reviewBenches(),
  lintBench(),
  await handlerBench(5_000, 1, 15_000),
  await handlerBench(20_000, 32, 20_000),
];
export default suite;
