/**
 * One engine, two views: on random clusters — competing claims, mixed creation times, pre-bound
 * volumes, Lost states, default and provisioning classes — `explain` says Bound / WillBind /
 * WillProvision exactly for the claims `simulate` ends Bound, with the same volume (the
 * provisioned volume's name included), and Lost exactly where simulate ends Lost.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runInProcess } from "./helpers.js";

const NAMES = ["a", "b", "c", "d", "e"];
const SIZES = ["1Gi", "2Gi", "5Gi", "10Gi"];

const classArb = fc.constantFrom("", "manual", "fast", "wait", undefined);
const volumeArb = fc.record({
  name: fc.constantFrom(...NAMES.map((n) => `pv-${n}`)),
  size: fc.constantFrom(...SIZES),
  modes: fc.constantFrom(["ReadWriteOnce"], ["ReadWriteOnce", "ReadOnlyMany"], ["ReadWriteMany"]),
  cls: fc.constantFrom("", "manual"),
  phase: fc.constantFrom("Available", "Available", "Bound", "Released", undefined),
  claimRef: fc.option(
    fc.record({ name: fc.constantFrom(...NAMES), uid: fc.option(fc.constantFrom("u-a", "u-b", "old"), { nil: undefined }) }),
    { nil: undefined },
  ),
});
const claimArb = fc.record({
  name: fc.constantFrom(...NAMES),
  size: fc.constantFrom(...SIZES),
  modes: fc.constantFrom(["ReadWriteOnce"], ["ReadOnlyMany"], ["ReadWriteMany"]),
  cls: classArb,
  created: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
  volumeName: fc.option(fc.constantFrom(...NAMES.map((n) => `pv-${n}`)), { nil: undefined }),
  bound: fc.boolean(),
});
const clusterArb = fc.record({
  volumes: fc.uniqueArray(volumeArb, { selector: (v) => v.name, maxLength: 5 }),
  claims: fc.uniqueArray(claimArb, { selector: (c) => c.name, minLength: 1, maxLength: 5 }),
  defaultClass: fc.boolean(),
});

type ClusterCase = typeof clusterArb extends fc.Arbitrary<infer T> ? T : never;

function manifest(c: ClusterCase): string {
  const items: unknown[] = [
    { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "manual" }, provisioner: "kubernetes.io/no-provisioner" },
    {
      apiVersion: "storage.k8s.io/v1",
      kind: "StorageClass",
      metadata: { name: "fast", ...(c.defaultClass ? { annotations: { "storageclass.kubernetes.io/is-default-class": "true" } } : {}) },
      provisioner: "ebs.csi.aws.com",
    },
    {
      apiVersion: "storage.k8s.io/v1",
      kind: "StorageClass",
      metadata: { name: "wait" },
      provisioner: "ebs.csi.aws.com",
      volumeBindingMode: "WaitForFirstConsumer",
    },
  ];
  for (const v of c.volumes) {
    items.push({
      apiVersion: "v1",
      kind: "PersistentVolume",
      metadata: { name: v.name },
      spec: {
        capacity: { storage: v.size },
        accessModes: v.modes,
        storageClassName: v.cls,
        hostPath: { path: "/x" },
        ...(v.claimRef ? { claimRef: { namespace: "ns", name: v.claimRef.name, ...(v.claimRef.uid ? { uid: v.claimRef.uid } : {}) } } : {}),
      },
      ...(v.phase ? { status: { phase: v.phase } } : {}),
    });
  }
  for (const k of c.claims) {
    items.push({
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: {
        name: k.name,
        namespace: "ns",
        uid: `u-${k.name}`,
        ...(k.created ? { creationTimestamp: `2026-01-0${k.created}T00:00:00Z` } : {}),
        ...(k.bound && k.volumeName ? { annotations: { "pv.kubernetes.io/bind-completed": "yes" } } : {}),
      },
      spec: {
        accessModes: k.modes,
        resources: { requests: { storage: k.size } },
        ...(k.cls !== undefined ? { storageClassName: k.cls } : {}),
        ...(k.volumeName ? { volumeName: k.volumeName } : {}),
      },
      ...(k.bound && k.volumeName ? { status: { phase: "Bound" } } : {}),
    });
  }
  return JSON.stringify({ apiVersion: "v1", kind: "List", items });
}

describe("explain and simulate are two views of one run", () => {
  it("agree claim by claim on random clusters", () => {
    fc.assert(
      fc.property(clusterArb, (c) => {
        const input = manifest(c);
        const ex = JSON.parse(runInProcess(["explain", "-f", "-", "-o", "json"], input).stdout) as {
          claims: { namespace: string; name: string; status: string; volume?: string }[];
        };
        const sim = JSON.parse(runInProcess(["simulate", "-f", "-", "-o", "json"], input).stdout) as {
          claims: { namespace: string; name: string; phase: string; volume: string }[];
        };
        const end = new Map(sim.claims.map((s) => [`${s.namespace}/${s.name}`, s]));
        for (const r of ex.claims) {
          const s = end.get(`${r.namespace}/${r.name}`)!;
          const bound = r.status === "Bound" || r.status === "WillBind" || (r.status === "WillProvision" && r.volume !== undefined);
          expect(bound, `${r.name}: explain ${r.status}, simulate ${s.phase}`).toBe(s.phase === "Bound");
          if (bound) expect(r.volume).toBe(s.volume);
          expect(r.status === "Lost").toBe(s.phase === "Lost");
        }
      }),
      { numRuns: 150 },
    );
  });
});
