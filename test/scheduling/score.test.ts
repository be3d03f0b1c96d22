/**
 * Tables ported from kubernetes/kubernetes `pkg/scheduler/framework/plugins/volumebinding/scorer_test.go`
 * (`TestScore`) and `pkg/scheduler/framework/plugins/helper/shape_score_test.go`, plus `scoreNode`
 * end to end (`volume_binding_test.go` scoring cases).
 */
import { describe, expect, it } from "vitest";
import { brokenLinear, DEFAULT_SHAPES, filterNodes, scoreNode, selectNodeForPod } from "../../src/scheduling/index.js";
import { scoreClasses } from "../../src/scheduling/score.js";
import { cluster, node, pod, provisioner, pv, pvc, waitClassWithProvisioner } from "./builders.js";

const scaled = (shape: readonly { utilization: number; score: number }[]) =>
  shape.map((p) => ({ utilization: p.utilization, score: p.score * 10 }));
const defaultShape = scaled(DEFAULT_SHAPES.VolumeCapacityPriority);
const custom = [
  { utilization: 50, score: 0 },
  { utilization: 80, score: 30 },
  { utilization: 100, score: 50 },
];
const r = (requested: number, capacity = 100) => ({ requested: BigInt(requested), capacity: BigInt(capacity) });

describe("buildScorerFunction (scorer_test.go TestScore)", () => {
  it.each([
    ["default shape, single class", defaultShape, [[r(0)], 0], [[r(30)], 30], [[r(50)], 50], [[r(100)], 100]],
    [
      "default shape, multiple classes",
      defaultShape,
      [[r(0), r(0)], 0],
      [[r(0), r(30)], 15],
      [[r(30), r(30)], 30],
      [[r(30), r(60)], 45],
      [[r(50), r(50)], 50],
      [[r(50), r(100)], 75],
      [[r(100), r(100)], 100],
    ],
    [
      "custom shape, multiple classes",
      custom,
      [[r(0), r(0)], 0],
      [[r(0), r(30)], 0],
      [[r(30), r(30)], 0],
      [[r(30), r(60)], 5],
      [[r(50), r(100)], 25],
      [[r(90), r(90)], 40],
      [[r(100), r(100)], 50],
    ],
  ] as const)("%s", (_name, shape, ...cases) => {
    for (const [classes, score] of cases as unknown as [ReturnType<typeof r>[], number][]) expect(scoreClasses(shape, classes)).toBe(score);
  });

  it("capacity 0 or exceeded counts as full", () => {
    expect(scoreClasses(defaultShape, [r(10, 0)])).toBe(100);
    expect(scoreClasses(defaultShape, [r(200, 100)])).toBe(100);
    expect(scoreClasses(defaultShape, [])).toBe(0);
  });

  it("rounds the mean half away from zero", () => {
    expect(
      scoreClasses(
        [
          { utilization: 0, score: 0 },
          { utilization: 100, score: 1 },
        ],
        [r(100), r(0)],
      ),
    ).toBe(1); // 0.5 → 1
  });
});

describe("BuildBrokenLinearFunction (shape_score_test.go)", () => {
  const shape = [
    { utilization: 10, score: 1 },
    { utilization: 20, score: 5 },
    { utilization: 30, score: 10 },
  ];
  it.each([
    [-10n, 1n],
    [0n, 1n],
    [10n, 1n],
    [15n, 3n],
    [20n, 5n],
    [25n, 7n],
    [30n, 10n],
    [50n, 10n],
  ])("f(%s) = %s", (p, want) => expect(brokenLinear(shape, p)).toBe(want));
  it("truncates like Go", () => {
    expect(
      brokenLinear(
        [
          { utilization: 0, score: 0 },
          { utilization: 3, score: 10 },
        ],
        1n,
      ),
    ).toBe(3n);
    expect(
      brokenLinear(
        [
          { utilization: 0, score: 10 },
          { utilization: 3, score: 0 },
        ],
        1n,
      ),
    ).toBe(7n); // 10 + (-10*1)/3 = 10 - 3 (toward zero)
  });
});

describe("scoreNode", () => {
  const claim = pvc("pvc-a", "50Gi");
  const cl = cluster({
    claims: [claim],
    volumes: [pv("pv-100", "100Gi", { node: "node1" }), pv("pv-200", "200Gi", { node: "node2" })],
  });
  const p = pod(["pvc-a"]);
  it("is 0 without a scorer", () => {
    expect(scoreNode(p, "node1", cl)).toBe(0);
  });
  it("VolumeCapacityPriority prefers the tightest volume", () => {
    const opts = { features: { VolumeCapacityPriority: true } };
    expect(scoreNode(p, "node1", cl, opts)).toBe(50);
    expect(scoreNode(p, "node2", cl, opts)).toBe(25);
    expect(selectNodeForPod(p, cl, opts).nodeName).toBe("node1");
  });
  it("a custom shape replaces the default", () => {
    const opts = {
      features: { VolumeCapacityPriority: true },
      volumeBindingArgs: {
        shape: [
          { utilization: 0, score: 10 },
          { utilization: 100, score: 0 },
        ],
      },
    };
    expect(scoreNode(p, "node1", cl, opts)).toBe(50);
    expect(scoreNode(p, "node2", cl, opts)).toBe(75);
    expect(selectNodeForPod(p, cl, opts).nodeName).toBe("node2");
  });
  it("StorageCapacityScoring scores provisions by CSIStorageCapacity (prefers free space)", () => {
    const c = pvc("pvc-p", "10Gi", { class: waitClassWithProvisioner });
    const both = { matchExpressions: [{ key: "nodeKey", operator: "Exists" }] };
    const cl2 = cluster({
      claims: [c],
      nodes: [node("node1", { nodeKey: "node1" })],
      csiDrivers: [{ metadata: { name: provisioner }, spec: { storageCapacity: true } }],
      csiStorageCapacities: [
        {
          metadata: { name: "cap", namespace: "kube-system" },
          storageClassName: waitClassWithProvisioner,
          nodeTopology: both,
          capacity: "40Gi",
        },
      ],
    });
    const opts = { features: { StorageCapacityScoring: true } };
    expect(scoreNode(pod(["pvc-p"]), "node1", cl2, opts)).toBe(75);
    expect(filterNodes(pod(["pvc-p"]), cl2, opts)[0]!.score).toBe(75);
    // without the gate, provisions are not scored
    expect(scoreNode(pod(["pvc-p"]), "node1", cl2, { features: { VolumeCapacityPriority: true } })).toBe(0);
  });
  it("ties go to the smaller node name", () => {
    const c = pvc("pvc-b", "1Gi");
    const cl3 = cluster({ claims: [c], volumes: [pv("a", "2Gi", { node: "node2" }), pv("b", "2Gi", { node: "node1" })] });
    expect(selectNodeForPod(pod(["pvc-b"]), cl3, { features: { VolumeCapacityPriority: true } }).nodeName).toBe("node1");
  });
});

describe("StorageCapacityScoring details (volume_binding.go Score)", () => {
  const both = { matchExpressions: [{ key: "nodeKey", operator: "Exists" }] };
  const base = (
    claims: ReturnType<typeof pvc>[],
    capacities: { name: string; capacity: string }[],
    volumes: ReturnType<typeof pv>[] = [],
  ) =>
    cluster({
      claims,
      volumes,
      nodes: [node("node1", { nodeKey: "node1" })],
      csiDrivers: [{ metadata: { name: provisioner }, spec: { storageCapacity: true } }],
      csiStorageCapacities: capacities.map((c) => ({
        metadata: { name: c.name, namespace: "kube-system" },
        storageClassName: waitClassWithProvisioner,
        nodeTopology: both,
        capacity: c.capacity,
      })),
    });
  const opts = { features: { StorageCapacityScoring: true } };
  it("two claims of one class: requests add up, the capacity is assigned once", () => {
    const a = pvc("a", "10Gi", { class: waitClassWithProvisioner });
    const b = pvc("b", "10Gi", { class: waitClassWithProvisioner });
    expect(scoreNode(pod(["a", "b"]), "node1", base([a, b], [{ name: "cap", capacity: "40Gi" }]), opts)).toBe(50);
  });
  it("the first CSIStorageCapacity with room by namespace/name is the one scored", () => {
    const a = pvc("a", "10Gi", { class: waitClassWithProvisioner });
    expect(
      scoreNode(
        pod(["a"]),
        "node1",
        base(
          [a],
          [
            { name: "b-big", capacity: "1000Gi" },
            { name: "a-small", capacity: "20Gi" },
          ],
        ),
        opts,
      ),
    ).toBe(50);
  });
  it("with a static binding, the static bindings are scored (StorageCapacityScoring's default shape)", () => {
    const a = pvc("a", "10Gi", { class: waitClassWithProvisioner });
    const s = pvc("s", "50Gi");
    const cl = base([a, s], [{ name: "cap", capacity: "20Gi" }], [pv("pv-100", "100Gi", { node: "node1" })]);
    expect(scoreNode(pod(["a", "s"]), "node1", cl, opts)).toBe(50);
  });
});
