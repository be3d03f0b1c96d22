/**
 * The engine with the scheduler: pods without a node are placed by the volume plugins and their
 * WaitForFirstConsumer claims bind on that node. Properties over small random clusters (nodes in
 * zones, local volumes pinned to a node, network volumes pinned to a zone, WaitForFirstConsumer
 * and Immediate classes, pods using one or two claims).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from "../../src/api/index.js";
import { explainRun, runCluster } from "../../src/engine/index.js";
import { checkVolumeNodeAffinity } from "../../src/labels/index.js";
import { createCluster } from "../../src/lifecycle/index.js";

const now = "2026-01-01T00:00:00Z";
const ZONES = ["z1", "z2"];

const classes: StorageClass[] = [
  {
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: { name: "local" },
    provisioner: "kubernetes.io/no-provisioner",
    volumeBindingMode: "WaitForFirstConsumer",
  },
  {
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: { name: "zonal" },
    provisioner: "kubernetes.io/no-provisioner",
    volumeBindingMode: "WaitForFirstConsumer",
  },
  {
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: { name: "now" },
    provisioner: "kubernetes.io/no-provisioner",
    volumeBindingMode: "Immediate",
  },
];

function node(i: number): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: `n${i}`, labels: { "kubernetes.io/hostname": `n${i}`, "topology.kubernetes.io/zone": ZONES[i % 2]! } },
  } as Node;
}

const volumeArb = fc.record({ kind: fc.constantFrom("local", "zonal", "now"), where: fc.nat(3), gi: fc.integer({ min: 1, max: 8 }) });
const claimArb = fc.record({ cls: fc.constantFrom("local", "zonal", "now"), gi: fc.integer({ min: 1, max: 8 }) });

function volume(i: number, v: { kind: string; where: number; gi: number }, nodes: number): PersistentVolume {
  const key = v.kind === "local" ? "kubernetes.io/hostname" : "topology.kubernetes.io/zone";
  const value = v.kind === "local" ? `n${v.where % nodes}` : ZONES[v.where % 2]!;
  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: { name: `pv${i}` },
    spec: {
      capacity: { storage: `${v.gi}Gi` },
      accessModes: ["ReadWriteOnce"],
      storageClassName: v.kind,
      hostPath: { path: `/d${i}` },
      ...(v.kind === "now"
        ? {}
        : { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: "In", values: [value] }] }] } } }),
    },
    status: { phase: "Available" },
  } as PersistentVolume;
}

function claim(j: number, c: { cls: string; gi: number }): PersistentVolumeClaim {
  return {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: { name: `c${j}`, namespace: "ns" },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: `${c.gi}Gi` } }, storageClassName: c.cls },
  } as PersistentVolumeClaim;
}

function pod(k: number, claims: number[]): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: `p${k}`, namespace: "ns" },
    spec: {
      containers: [{ name: "c", image: "x" }],
      volumes: claims.map((j) => ({ name: `v${j}`, persistentVolumeClaim: { claimName: `c${j}` } })),
    },
  } as Pod;
}

const clusterArb = fc
  .record({
    nodes: fc.integer({ min: 1, max: 4 }),
    volumes: fc.array(volumeArb, { maxLength: 8 }),
    claims: fc.array(claimArb, { minLength: 1, maxLength: 6 }),
  })
  .chain((c) =>
    fc.record({
      base: fc.constant(c),
      // Each claim is used by at most one pod; a pod uses one or two claims.
      pods: fc.uniqueArray(fc.nat(c.claims.length - 1), { maxLength: c.claims.length }).map((used) => {
        const out: number[][] = [];
        for (let i = 0; i < used.length; i += 2) out.push(used.slice(i, i + 2));
        return out;
      }),
    }),
  )
  .map(({ base, pods }) => ({
    nodes: Array.from({ length: base.nodes }, (_, i) => node(i)),
    volumes: base.volumes.map((v, i) => volume(i, v, base.nodes)),
    claims: base.claims.map((c, j) => claim(j, c)),
    pods: pods.map((cs, k) => pod(k, cs)),
  }));

describe("the engine schedules pods' volumes", () => {
  it("never binds a volume whose node affinity excludes the node its pod is placed on, and places a pod only with all its claims Bound", () => {
    let placed = 0;
    fc.assert(
      fc.property(clusterArb, (init) => {
        const run = runCluster(createCluster({ ...init, classes }), { now });
        expect(run.converged).toBe(true);
        for (const p of run.cluster.pods.values()) {
          const nodeName = p.spec?.nodeName;
          if (!nodeName) continue;
          placed++;
          const labels = init.nodes.find((n) => n.metadata?.name === nodeName)!.metadata!.labels!;
          for (const v of p.spec?.volumes ?? []) {
            const c = run.cluster.claims.get(`ns/${v.persistentVolumeClaim!.claimName}`)!;
            expect(c.status?.phase).toBe("Bound");
            const pv = run.cluster.volumes.get(c.spec!.volumeName!)!;
            expect(checkVolumeNodeAffinity(pv, labels)).toBeUndefined();
          }
        }
      }),
      { numRuns: 200 },
    );
    // The property is about placed pods: the generator must produce them.
    expect(placed).toBeGreaterThan(20);
  });

  it("a pod whose claims all have a volume on one common node gets placed (the scheduler finds it)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.nat(3), (nodes, target) => {
        const on = target % nodes;
        const init = {
          nodes: Array.from({ length: nodes }, (_, i) => node(i)),
          volumes: [volume(0, { kind: "local", where: on, gi: 5 }, nodes), volume(1, { kind: "local", where: on, gi: 5 }, nodes)],
          claims: [claim(0, { cls: "local", gi: 4 }), claim(1, { cls: "local", gi: 4 })],
          pods: [pod(0, [0, 1])],
        };
        const run = runCluster(createCluster({ ...init, classes }), { now });
        expect(run.cluster.pods.get("ns/p0")?.spec?.nodeName).toBe(`n${on}`);
        expect(run.pod("ns/p0").events.map((e) => e.reason)).toContain("Scheduled");
      }),
      { numRuns: 50 },
    );
  });

  it("scheduler: false runs the PV controller alone (WaitForFirstConsumer claims wait)", () => {
    const init = {
      nodes: [node(0)],
      volumes: [volume(0, { kind: "local", where: 0, gi: 5 }, 1)],
      claims: [claim(0, { cls: "local", gi: 4 })],
      pods: [pod(0, [0])],
    };
    const run = runCluster(createCluster({ ...init, classes }), { now }, { scheduler: false });
    expect(run.cluster.claims.get("ns/c0")?.status?.phase).toBe("Pending");
    expect(run.cluster.pods.get("ns/p0")?.spec?.nodeName).toBeUndefined();
  });
});

describe("bad pods never abort a run", () => {
  it("garbage volumes and claim names give a Pending pod or none; the rest is scheduled", () => {
    const pods = [
      { metadata: { name: "a", namespace: "x" }, spec: { volumes: "nope" } },
      { metadata: { name: "b", namespace: "x" }, spec: { volumes: [{ name: "v", persistentVolumeClaim: { claimName: 5 } }] } },
      { metadata: { name: "c", namespace: "x" }, spec: { volumes: [{ name: "v", persistentVolumeClaim: { claimName: "c" } }] } },
    ] as unknown as Pod[];
    const wffc = { metadata: { name: "wffc" }, provisioner: "p", volumeBindingMode: "WaitForFirstConsumer" } as StorageClass;
    const c = {
      metadata: { name: "c", namespace: "x" },
      spec: { storageClassName: "wffc", accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
    } as PersistentVolumeClaim;
    const cluster = createCluster({ pods, claims: [c], classes: [wffc], nodes: [node(0)] });
    const e = explainRun(runCluster(cluster, { now }));
    expect(e.pods.map((p) => [p.name, p.status])).toEqual([
      ["b", "Pending"],
      ["c", "WillSchedule"],
    ]);
    expect(e.claims[0]).toMatchObject({ status: "WillProvision" });
  });
});
