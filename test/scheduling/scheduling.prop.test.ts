/**
 * Laws of the scheduling layer on small random clusters:
 * - a feasible node's bindings each pass `findMatchingVolume` for that node and never share a volume;
 * - `findPodVolumes` agrees with a brute-force reference of the VolumeBinding Filter;
 * - `filterNodes` (grouped matcher) agrees with `findPodVolumes` (linear matcher) on every node;
 * - `assumePodVolumes` writes exactly the bindings and provisions `findPodVolumes` reports.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from "../../src/api/index.js";
import { claimRequest, volumeCapacity } from "../../src/api/helpers/index.js";
import { checkVolumeNodeAffinity } from "../../src/labels/index.js";
import { createCluster } from "../../src/lifecycle/index.js";
import { findMatchingVolume } from "../../src/matching/index.js";
import {
  assumePodVolumes,
  createSchedulingCache,
  explainPod,
  filterNodes,
  findPodVolumes,
  SchedulingError,
  SchedulingReasons as R,
  selectNodeForPod,
} from "../../src/scheduling/index.js";

const NODES: Node[] = [
  { metadata: { name: "n1", labels: { "kubernetes.io/hostname": "n1", zone: "a" } } },
  { metadata: { name: "n2", labels: { "kubernetes.io/hostname": "n2", zone: "a" } } },
  { metadata: { name: "n3", labels: { "kubernetes.io/hostname": "n3", zone: "b" } } },
];
const CLASSES = [
  { metadata: { name: "local" }, provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "WaitForFirstConsumer" },
  {
    metadata: { name: "csi" },
    provisioner: "csi.example.com",
    volumeBindingMode: "WaitForFirstConsumer",
    allowedTopologies: [{ matchLabelExpressions: [{ key: "zone", values: ["a"] }] }],
  },
];
const SIZES = ["1Gi", "2Gi", "5Gi", "10Gi", "1G"];
const MODES = [["ReadWriteOnce"], ["ReadWriteMany"], ["ReadWriteOnce", "ReadWriteMany"]];
const host = (h: string) => ({
  required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [h] }] }] },
});
const AFFINITIES = [
  undefined,
  host("n1"),
  host("n2"),
  host("n3"),
  { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] }] } },
  { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["b", "a"] }] }] } },
  {
    required: {
      nodeSelectorTerms: [
        { matchExpressions: [{ key: "zone", operator: "In", values: ["b"] }] },
        { matchExpressions: [{ key: "kubernetes.io/hostname", operator: "NotIn", values: ["n2"] }] },
      ],
    },
  },
];

const volumeArb = fc.record({
  size: fc.constantFrom(...SIZES),
  modes: fc.constantFrom(...MODES),
  cls: fc.constantFrom("local", "local", "csi", "other"),
  affinity: fc.constantFrom(...AFFINITIES),
  state: fc.constantFrom("free", "free", "free", "bound-elsewhere", "deleting", "released", "block"),
});
const claimArb = fc.record({
  size: fc.constantFrom(...SIZES),
  modes: fc.constantFrom(...MODES),
  cls: fc.constantFrom("local", "local", "csi"),
});
const clusterArb = fc.record({
  volumes: fc.array(volumeArb, { maxLength: 10 }),
  claims: fc.array(claimArb, { minLength: 1, maxLength: 3 }),
});

type ClusterSpec = typeof clusterArb extends fc.Arbitrary<infer S> ? S : never;

function build(spec: ClusterSpec) {
  const volumes: PersistentVolume[] = spec.volumes.map((v, i) => {
    const pv: PersistentVolume = {
      metadata: { name: `pv-${i}` },
      spec: {
        capacity: { storage: v.size },
        accessModes: v.modes as never,
        storageClassName: v.cls,
        csi: { driver: "d", volumeHandle: `h${i}` },
      },
      status: { phase: v.state === "bound-elsewhere" ? "Bound" : v.state === "released" ? "Released" : "Available" },
    };
    if (v.affinity) pv.spec!.nodeAffinity = v.affinity as never;
    if (v.state === "bound-elsewhere") pv.spec!.claimRef = { namespace: "ns", name: "someone-else", uid: "x" };
    if (v.state === "deleting") {
      pv.metadata!.deletionTimestamp = "2026-01-01T00:00:00Z";
      pv.metadata!.finalizers = ["kubernetes.io/pv-protection"];
    }
    if (v.state === "block") pv.spec!.volumeMode = "Block";
    return pv;
  });
  const claims: PersistentVolumeClaim[] = spec.claims.map((c, i) => ({
    metadata: { name: `c${i}`, namespace: "ns", uid: `u${i}` },
    spec: { accessModes: c.modes as never, resources: { requests: { storage: c.size } }, storageClassName: c.cls },
  }));
  const pod: Pod = {
    metadata: { name: "p", namespace: "ns" },
    spec: { volumes: claims.map((c, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName: c.metadata!.name! } })) },
  };
  return {
    cluster: createCluster({ volumes, claims, classes: CLASSES as never, nodes: NODES }),
    reversed: createCluster({
      volumes: [...volumes].reverse(),
      claims: [...claims].reverse(),
      classes: [...CLASSES].reverse() as never,
      nodes: [...NODES].reverse(),
    }),
    claims,
    pod,
  };
}

/** The VolumeBinding Filter written out naively (no pre-bound volumes or selected-node in these clusters). */
function reference(claims: PersistentVolumeClaim[], volumes: PersistentVolume[], node: Node) {
  const order = claims.map((c, i) => ({ c, i })).sort((a, b) => claimRequest(a.c).cmp(claimRequest(b.c)) || a.i - b.i);
  const chosen = new Set<string>();
  const bindings: { claim: string; volume: string }[] = [];
  const toProvision: PersistentVolumeClaim[] = [];
  for (const { c } of order) {
    const fits = volumes.filter(
      (v) =>
        !chosen.has(v.metadata!.name!) &&
        v.spec!.claimRef == null &&
        volumeCapacity(v).cmp(claimRequest(c)) >= 0 &&
        (v.spec!.volumeMode ?? "Filesystem") === "Filesystem" &&
        v.metadata!.deletionTimestamp == null &&
        v.status?.phase === "Available" &&
        v.spec!.storageClassName === c.spec!.storageClassName &&
        checkVolumeNodeAffinity(v, node.metadata!.labels) === undefined &&
        (c.spec!.accessModes ?? []).every((m) => (v.spec!.accessModes ?? []).includes(m)),
    );
    fits.sort((a, b) => volumeCapacity(a).cmp(volumeCapacity(b)) || (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
    if (fits[0]) {
      chosen.add(fits[0].metadata!.name!);
      bindings.push({ claim: `ns/${c.metadata!.name}`, volume: fits[0].metadata!.name! });
    } else toProvision.push(c);
  }
  let provisions: string[] = [];
  let ok = true;
  if (toProvision.length > 0) {
    ok = toProvision.every((c) => c.spec!.storageClassName === "csi" && node.metadata!.labels!.zone === "a");
    if (ok) provisions = toProvision.map((c) => `ns/${c.metadata!.name}`);
  }
  return { feasible: ok, reasons: ok ? [] : [R.BindConflict], bindings, provisions };
}

const runs = { numRuns: 300 };

describe("scheduling laws", () => {
  it("findPodVolumes agrees with a brute-force reference", () => {
    fc.assert(
      fc.property(clusterArb, (spec) => {
        const { cluster, claims, pod } = build(spec);
        for (const n of NODES) {
          const r = findPodVolumes(pod, n.metadata!.name!, cluster);
          const want = reference(claims, [...cluster.volumes.values()], n);
          expect({ feasible: r.feasible, reasons: r.reasons, bindings: r.bindings, provisions: r.provisions }).toEqual(want);
        }
      }),
      runs,
    );
  });

  it("a feasible node's bindings pass findMatchingVolume on that node and never reuse a volume", () => {
    fc.assert(
      fc.property(clusterArb, (spec) => {
        const { cluster, pod } = build(spec);
        for (const n of filterNodes(pod, cluster)) {
          if (!n.feasible) continue;
          const node = cluster.nodes.get(n.node)!;
          const used = new Set<string>();
          for (const b of n.bindings) {
            expect(used.has(b.volume)).toBe(false);
            used.add(b.volume);
            const claim = cluster.claims.get(b.claim)!;
            const pv = cluster.volumes.get(b.volume)!;
            expect(findMatchingVolume(claim, [pv], { node, delayBinding: true })?.metadata.name).toBe(b.volume);
          }
        }
      }),
      runs,
    );
  });

  it("filterNodes agrees with findPodVolumes node by node", () => {
    fc.assert(
      fc.property(clusterArb, (spec) => {
        const { cluster, pod } = build(spec);
        for (const n of filterNodes(pod, cluster)) {
          const r = findPodVolumes(pod, n.node, cluster);
          expect({
            code: n.statuses.VolumeBinding.code,
            reasons: n.statuses.VolumeBinding.reasons,
            bindings: n.bindings,
            provisions: n.provisions,
          }).toEqual({
            code: r.code,
            reasons: r.reasons,
            bindings: r.bindings,
            provisions: r.provisions,
          });
        }
      }),
      runs,
    );
  });

  it("assumePodVolumes writes what findPodVolumes chose", () => {
    fc.assert(
      fc.property(clusterArb, (spec) => {
        const { cluster, pod } = build(spec);
        for (const n of NODES) {
          const r = findPodVolumes(pod, n.metadata!.name!, cluster);
          const a = assumePodVolumes(pod, n.metadata!.name!, cluster);
          if (!r.feasible) {
            expect(a.writes).toEqual([]);
            continue;
          }
          expect(a.writes.map((w) => `${w.kind}/${w.name}`)).toEqual([
            ...r.bindings.map((b) => `PersistentVolume/${b.volume}`),
            ...r.provisions.map((p) => `PersistentVolumeClaim/${p.split("/")[1]}`),
          ]);
          for (const b of r.bindings) expect(a.cluster.volumes.get(b.volume)!.spec.claimRef?.name).toBe(b.claim.split("/")[1]);
          for (const p of r.provisions)
            expect(a.cluster.claims.get(p)!.metadata.annotations?.["volume.kubernetes.io/selected-node"]).toBe(n.metadata!.name);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("determinism", () => {
  it("the order of the snapshot's objects changes no answer", () => {
    fc.assert(
      fc.property(clusterArb, (spec) => {
        const { cluster, reversed, pod } = build(spec);
        const opts = { features: { VolumeCapacityPriority: true } };
        expect(filterNodes(pod, reversed, opts)).toEqual(filterNodes(pod, cluster, opts));
        expect(selectNodeForPod(pod, reversed, opts)).toEqual(selectNodeForPod(pod, cluster, opts));
        expect(explainPod(pod, reversed)).toEqual(explainPod(pod, cluster));
      }),
      { numRuns: 150 },
    );
  });
});

describe("explainPod", () => {
  it("agrees with filterNodes and selectNodeForPod", () => {
    fc.assert(
      fc.property(clusterArb, (spec) => {
        const { cluster, pod } = build(spec);
        const e = explainPod(pod, cluster);
        const all = filterNodes(pod, cluster);
        const s = selectNodeForPod(pod, cluster);
        expect(e.nodes.map((n) => n.node).sort()).toEqual(all.filter((n) => n.feasible).map((n) => n.node));
        expect(e.failing.map((f) => f.node)).toEqual(all.filter((n) => !n.feasible).map((n) => n.node));
        expect(e.selected).toBe(s.nodeName);
        if (s.nodeName === undefined) expect(e.message).toBe(s.explanation.message);
        else expect(e.message).toBeUndefined();
        for (const f of e.failing) expect(f.fixes.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the caller-owned cache", () => {
  it("gives the same answers as no cache, across snapshots and pods", () => {
    fc.assert(
      fc.property(clusterArb, clusterArb, (a, b) => {
        const cache = createSchedulingCache();
        const x = build(a);
        const y = build(b);
        for (const [cl, p] of [
          [x.cluster, x.pod],
          [y.cluster, y.pod],
          [x.cluster, y.pod],
          [x.cluster, x.pod],
        ] as const) {
          expect(filterNodes(p, cl, { cache })).toEqual(filterNodes(p, cl));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("garbage in, statuses out", () => {
  const junk = fc.oneof(fc.anything(), fc.constant(null), fc.constant([]), fc.constant({}), fc.constant("x"), fc.constant(-1));
  const meta = (name: string) =>
    fc.record({
      name: fc.constant(name),
      namespace: fc.constantFrom("ns", undefined as never),
      annotations: fc.oneof(junk, fc.constant({ "volume.kubernetes.io/selected-node": "n1" })),
      labels: junk,
    });
  const obj = (name: string) =>
    fc.record({
      metadata: meta(name),
      spec: fc.dictionary(
        fc.constantFrom(
          "accessModes",
          "resources",
          "storageClassName",
          "volumeName",
          "capacity",
          "nodeAffinity",
          "claimRef",
          "csi",
          "volumeMode",
          "selector",
          "drivers",
        ),
        junk,
      ),
    });
  it("never throws anything but a SchedulingError", () => {
    fc.assert(
      fc.property(
        fc.record({
          volumes: fc.array(obj("pv-x"), { maxLength: 3 }),
          claims: fc.array(obj("c0"), { maxLength: 2 }),
          classes: fc.array(fc.record({ metadata: meta("local"), provisioner: junk, volumeBindingMode: junk, allowedTopologies: junk }), {
            maxLength: 2,
          }),
          csiNodes: fc.array(obj("n1"), { maxLength: 1 }),
          csiDrivers: fc.array(fc.record({ metadata: meta("csi.example.com"), spec: fc.record({ storageCapacity: junk }) }), {
            maxLength: 1,
          }),
          csiStorageCapacities: fc.array(
            fc.record({ metadata: meta("cap"), storageClassName: junk, nodeTopology: junk, capacity: junk, maximumVolumeSize: junk }),
            { maxLength: 2 },
          ),
          podVolumes: fc.array(
            fc.oneof(
              junk,
              fc.record({
                name: junk,
                persistentVolumeClaim: fc.oneof(junk, fc.record({ claimName: fc.constantFrom("c0", "zz") })),
                ephemeral: junk,
              }),
            ),
            { maxLength: 3 },
          ),
        }),
        (g) => {
          let cl: ReturnType<typeof createCluster>;
          try {
            cl = createCluster({ ...g, nodes: NODES } as never, { defaulting: false });
          } catch {
            return; // the lifecycle's own typed error for objects it cannot store
          }
          const p = { metadata: { name: "p", namespace: "ns" }, spec: { volumes: g.podVolumes } } as never;
          try {
            filterNodes(p, cl, { features: { StorageCapacityScoring: true } });
            explainPod(p, cl);
            for (const n of NODES) {
              findPodVolumes(p, n.metadata!.name!, cl);
              assumePodVolumes(p, n.metadata!.name!, cl);
            }
          } catch (e) {
            expect(e).toBeInstanceOf(SchedulingError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
