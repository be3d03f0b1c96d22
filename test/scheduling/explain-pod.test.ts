/**
 * `explainPod`, `selectNodeForPod`, `filterNodes` and `assumePodVolumes` end to end, and the
 * FailedScheduling text of kubernetes/kubernetes `pkg/scheduler/framework/types.go` (`FitError.Error`,
 * cases of `types_test.go`).
 */
import { describe, expect, it } from "vitest";
import type { Node, PersistentVolume } from "../../src/api/index.js";
import {
  assumePodVolumes,
  createSchedulingCache,
  explainPod,
  failedSchedulingMessage,
  filterNodes,
  SchedulingReasons as R,
  selectNodeForPod,
} from "../../src/scheduling/index.js";
import { cluster, immediateClass, pod, pv, pvc, waitClassWithProvisioner } from "./builders.js";

const zoneNode = (name: string, zone: string): Node => ({ metadata: { name, labels: { nodeKey: name, zone } } });
const nodes = [zoneNode("n1", "a"), zoneNode("n2", "a"), zoneNode("n3", "b"), zoneNode("n4", "b"), zoneNode("n5", "b")];
const zoneB: NonNullable<PersistentVolume["spec"]>["nodeAffinity"] = {
  required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["b"] }] }] },
};

describe("FailedScheduling message (types_test.go)", () => {
  it("sorts the histogram as strings", () => {
    const reasons = [...Array(10).fill([R.NodeConflict]), [R.BindConflict], [R.BindConflict]];
    expect(failedSchedulingMessage(12, undefined, reasons)).toBe(
      "0/12 nodes are available: 10 node(s) had volume node affinity conflict, 2 node(s) didn't find available persistent volumes to bind.",
    );
  });
  it("counts every reason of a node", () => {
    expect(failedSchedulingMessage(1, undefined, [[R.NodeConflict, R.BindConflict]])).toBe(
      "0/1 nodes are available: 1 node(s) didn't find available persistent volumes to bind, 1 node(s) had volume node affinity conflict.",
    );
  });
  it("a PreFilter failure replaces the histogram", () => {
    expect(failedSchedulingMessage(3, [R.UnboundImmediate], [[R.UnboundImmediate]])).toBe(
      "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.",
    );
  });
  it("no nodes", () => expect(failedSchedulingMessage(0, undefined, [])).toBe("0/0 nodes are available:"));
});

describe("explainPod", () => {
  const data = pvc("data", "1Gi", { volumeName: "pv-data", bound: true });
  const scratch = pvc("scratch", "1Gi");
  const cl = cluster({
    nodes,
    claims: [data, scratch],
    volumes: [
      pv("pv-data", "1Gi", { affinity: zoneB, claim: data }),
      pv("local-n3", "5Gi", { node: "n3" }),
      pv("local-n4", "5Gi", { node: "n4" }),
      pv("local-n5", "2Gi", { node: "n5" }),
    ],
  });
  const p = pod(["data", "scratch"]);

  it("writes the scheduler's text when nothing fits", () => {
    const wrongZone = cluster({
      nodes,
      claims: [data, scratch],
      volumes: [
        pv("pv-data", "1Gi", {
          affinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] }] } },
          claim: data,
        }),
        pv("local-n3", "5Gi", { node: "n3" }),
        pv("local-n4", "5Gi", { node: "n4" }),
        pv("local-n5", "2Gi", { node: "n5" }),
      ],
    });
    const e = explainPod(p, wrongZone);
    expect(e.message).toBe(
      "0/5 nodes are available: 2 node(s) didn't find available persistent volumes to bind, 3 node(s) had volume node affinity conflict.",
    );
    expect(e.schedulable).toBe(false);
    expect(e.selected).toBeUndefined();
    expect(e.failing.map((f) => [f.node, f.plugin])).toEqual([
      ["n1", "VolumeBinding"],
      ["n2", "VolumeBinding"],
      ["n3", "VolumeBinding"],
      ["n4", "VolumeBinding"],
      ["n5", "VolumeBinding"],
    ]);
    expect(e.failing[0]!.fixes[0]).toMatch(
      /^claim testns\/scratch \(1Gi\): no volume of class "waitClass" fits on n1 .*class "waitClass" cannot provision/,
    );
    expect(e.failing[2]!.fixes[0]).toMatch(
      /^claim testns\/data is bound to volume pv-data, whose node affinity excludes n3 \(no matching NodeSelectorTerms\)/,
    );
    const s = selectNodeForPod(p, wrongZone);
    expect(s.nodeName).toBeUndefined();
    if (s.nodeName === undefined) expect(s.explanation.message).toBe(e.message);
  });

  it("names the nodes that work and what each claim gets there", () => {
    const e = explainPod(p, cl);
    expect(e.message).toBeUndefined();
    expect(e.nodes.map((n) => n.node)).toEqual(["n3", "n4", "n5"]);
    expect(e.selected).toBe("n3");
    expect(e.claims).toEqual([
      { claim: "testns/data", state: "bound", volume: "pv-data" },
      { claim: "testns/scratch", state: "waiting", node: "n3", volume: "local-n3" },
    ]);
    expect(e.failing.map((f) => f.reasons)).toEqual([
      [R.NodeConflict, R.BindConflict],
      [R.NodeConflict, R.BindConflict],
    ]);
    expect(e.failing[0]!.fixes[0]).toContain("(the pod fits on n3, n4, n5)");
  });

  it("reports a PreFilter failure once", () => {
    const imm = pvc("imm", "1Gi", { class: immediateClass });
    const e = explainPod(pod(["imm"]), cluster({ nodes, claims: [imm] }));
    expect(e.message).toBe("0/5 nodes are available: pod has unbound immediate PersistentVolumeClaims.");
    expect(e.preFilter?.plugin).toBe("VolumeBinding");
    expect(e.preFilter?.fixes[0]).toMatch(/^claim testns\/imm \(class "immediateClass", Immediate binding\) is not bound yet/);
    expect(e.failing).toEqual([]);
    expect(e.claims).toEqual([{ claim: "testns/imm", state: "unbound" }]);
  });

  it("explains provisioning outside allowedTopologies", () => {
    const c = pvc("prov", "1Gi", { class: waitClassWithProvisioner });
    const e = explainPod(pod(["prov"]), cluster({ claims: [c] }));
    expect(e.selected).toBe("node1");
    expect(e.claims).toEqual([{ claim: "testns/prov", state: "waiting", node: "node1", provision: true }]);
    expect(e.failing[0]!.node).toBe("node2");
    expect(e.failing[0]!.fixes[0]).toContain('node2 is outside the allowedTopologies of class "waitClassWithProvisioner"');
  });
});

describe("filterNodes, selectNodeForPod and assumePodVolumes", () => {
  const scratch = pvc("scratch", "1Gi");
  const cl = cluster({ claims: [scratch], volumes: [pv("pv-a", "5Gi", { node: "node2" }), pv("pv-b", "10Gi", { node: "node1" })] });
  const p = pod(["scratch"]);
  it("filterNodes reports every plugin on every node, by name", () => {
    const r = filterNodes(p, cl);
    expect(r.map((n) => [n.node, n.feasible, n.bindings])).toEqual([
      ["node1", true, [{ claim: "testns/scratch", volume: "pv-b" }]],
      ["node2", true, [{ claim: "testns/scratch", volume: "pv-a" }]],
    ]);
    expect(r[0]!.statuses).toEqual({
      VolumeRestrictions: { code: "Skip", reasons: [] },
      NodeVolumeLimits: { code: "Success", reasons: [] },
      VolumeBinding: { code: "Success", reasons: [] },
      VolumeZone: { code: "Skip", reasons: [] },
    });
    expect(filterNodes(p, cl, { cache: createSchedulingCache() })).toEqual(r);
  });
  it("selectNodeForPod: without scoring, ties go to the smallest name; with VolumeCapacityPriority the tighter volume", () => {
    expect(selectNodeForPod(p, cl).nodeName).toBe("node1");
    expect(selectNodeForPod(p, cl, { features: { VolumeCapacityPriority: true } }).nodeName).toBe("node2");
  });
  it("assumePodVolumes pre-binds the static volume and annotates claims to provision", () => {
    const a = assumePodVolumes(p, "node1", cl);
    expect(a.writes.map((w) => `${w.actor} ${w.verb} ${w.kind} ${w.name}`)).toEqual(["kube-scheduler update PersistentVolume pv-b"]);
    const v = a.cluster.volumes.get("pv-b")!;
    expect(v.spec.claimRef).toMatchObject({ kind: "PersistentVolumeClaim", namespace: "testns", name: "scratch", uid: "uid-scratch" });
    expect(v.metadata.annotations?.["pv.kubernetes.io/bound-by-controller"]).toBe("yes");
    expect(cl.volumes.get("pv-b")!.spec.claimRef).toBeUndefined();
    const prov = pvc("prov", "1Gi", { class: waitClassWithProvisioner });
    const b = assumePodVolumes(pod(["prov"]), "node1", cluster({ claims: [prov] }));
    expect(b.writes.map((w) => `${w.verb} ${w.kind} ${w.name}`)).toEqual(["update PersistentVolumeClaim prov"]);
    expect(b.cluster.claims.get("testns/prov")!.metadata.annotations?.["volume.kubernetes.io/selected-node"]).toBe("node1");
    expect(assumePodVolumes(pod(["prov"]), "node2", cluster({ claims: [prov] })).status.reasons).toEqual([R.BindConflict]);
  });
  it("a pod whose claims are all bound writes nothing", () => {
    const d = pvc("d", "1Gi", { volumeName: "v", bound: true });
    const a = assumePodVolumes(pod(["d"]), "node1", cluster({ claims: [d], volumes: [pv("v", "1Gi", { claim: d })] }));
    expect([a.allBound, a.writes]).toEqual([true, []]);
  });
  it("bad options are typed errors", () => {
    expect(() => filterNodes(p, cl, { cache: {} as never })).toThrow(/^opts\.cache: /);
    expect(() => filterNodes(p, cl, 3 as never)).toThrow(/^opts: /);
  });
});

describe("plugin errors abort the cycle (framework.go)", () => {
  it("a PreFilter Error is the message", async () => {
    const { createCluster } = await import("../../src/lifecycle/index.js");
    const cl = createCluster(
      { nodes, classes: [{ metadata: { name: "nomode" }, provisioner: "p" }], claims: [pvc("c", "1Gi", { class: "nomode" })] },
      { defaulting: false },
    );
    expect(explainPod(pod(["c"]), cl).message).toBe(
      'running PreFilter plugin "VolumeBinding": VolumeBindingMode not set for StorageClass "nomode"',
    );
  });
  it("a Filter Error is the message", () => {
    const bad = pvc("bad", "1Gi");
    bad.spec!.selector = { matchExpressions: [{ key: "k", operator: "Bogus" as never }] };
    const e = explainPod(pod(["bad"]), cluster({ claims: [bad] }));
    expect(e.message).toMatch(/^running "VolumeBinding" filter plugin: /);
    expect(e.failing[0]!.statuses.VolumeBinding.code).toBe("Error");
  });
});

describe("explainPod over many nodes", () => {
  it("gives explainClaim's verdict for the first 20 failing nodes and the short form after", () => {
    const many = Array.from({ length: 25 }, (_, i) => zoneNode(`n${String(i).padStart(2, "0")}`, "a"));
    const e = explainPod(
      pod(["scratch"]),
      cluster({ nodes: many, claims: [pvc("scratch", "1Gi")], volumes: [pv("tiny", "1Mi", { node: "n00" })] }),
    );
    expect(e.failing).toHaveLength(25);
    expect(e.failing[0]!.fixes[0]).toMatch(/fits on n00 \(.*\); closest: tiny — /);
    expect(e.failing[24]!.fixes[0]).toBe(
      'claim testns/scratch (1Gi): no volume of class "waitClass" fits on n24, and class "waitClass" cannot provision (kubernetes.io/no-provisioner): create a matching PersistentVolume reachable from n24',
    );
  });
});
