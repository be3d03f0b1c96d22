import { describe, expect, it } from "vitest";
import {
  completeOperation,
  createCluster,
  defaultStorageClass,
  LifecycleError,
  provisionVolume,
  reconcile,
  syncClaim,
  type Cluster,
} from "../../src/lifecycle/index.js";
import { ctx, freezeCluster, pv, pvc, reasons, sc, summary } from "./fixtures.js";

const zone = "topology.kubernetes.io/zone";
const host = "kubernetes.io/hostname";

describe("provisionVolume (pv_controller.go provisionClaimOperation)", () => {
  const claim = pvc("data", { className: "fast", size: "5Gi", modes: ["ReadWriteOnce"], volumeMode: "Block" });

  it("builds the PV an external provisioner creates", () => {
    const v = provisionVolume(
      claim,
      sc("fast", { provisioner: "ebs.csi.aws.com", reclaimPolicy: null, mountOptions: ["noatime"], parameters: { type: "gp3" } }),
    );
    expect(v).toEqual({
      apiVersion: "v1",
      kind: "PersistentVolume",
      metadata: {
        name: "pvc-uid-data",
        annotations: { "pv.kubernetes.io/provisioned-by": "ebs.csi.aws.com" },
        finalizers: ["external-provisioner.volume.kubernetes.io/finalizer"],
      },
      spec: {
        capacity: { storage: "5Gi" },
        accessModes: ["ReadWriteOnce"],
        claimRef: { kind: "PersistentVolumeClaim", namespace: "default", name: "data", uid: "uid-data", apiVersion: "v1" },
        persistentVolumeReclaimPolicy: "Delete",
        storageClassName: "fast",
        volumeMode: "Block",
        mountOptions: ["noatime"],
        csi: { driver: "ebs.csi.aws.com", volumeHandle: "pvc-uid-data", volumeAttributes: { type: "gp3" } },
      },
      status: { phase: "Bound" },
    });
  });

  it("in-tree flavour: bound-by-controller and kubernetes.io/pv-controller; no finalizer for Retain", () => {
    // host-path refuses Block claims (see below): the in-tree flavour of the same claim as Filesystem
    const fsClaim = { ...claim, spec: { ...claim.spec, volumeMode: "Filesystem" as const } };
    const v = provisionVolume(fsClaim, sc("fast", { provisioner: "kubernetes.io/host-path" }));
    expect(v.metadata.annotations).toEqual({
      "pv.kubernetes.io/provisioned-by": "kubernetes.io/host-path",
      "pv.kubernetes.io/bound-by-controller": "yes",
    });
    expect(v.metadata.finalizers).toEqual(["kubernetes.io/pv-controller"]);
    expect(v.spec.hostPath).toEqual({ path: "/tmp/hostpath_pv/pvc-uid-data" });
    const retained = provisionVolume(fsClaim, sc("fast", { provisioner: "kubernetes.io/host-path", reclaimPolicy: "Retain" }));
    expect(retained.metadata.finalizers).toBeUndefined();
    expect(retained.spec.persistentVolumeReclaimPolicy).toBe("Retain");
  });

  it("the storage class name comes from the claim (beta annotation first); name and capacity can be overridden", () => {
    const c = pvc("data", { className: "x", annotations: { "volume.beta.kubernetes.io/storage-class": "fast" } });
    const v = provisionVolume(c, sc("fast"), { name: "custom", capacity: "8Gi" });
    expect(v.spec.storageClassName).toBe("fast");
    expect(v.metadata.name).toBe("custom");
    expect(v.spec.capacity).toEqual({ storage: "8Gi" });
  });

  it("node affinity: the selected node's values for the allowedTopologies keys", () => {
    const cls = sc("fast", { allowedTopologies: [{ matchLabelExpressions: [{ key: zone, values: ["a", "b"] }] }] });
    const v = provisionVolume(claim, cls, { node: { name: "n1", labels: { [zone]: "b", [host]: "n1" } } });
    expect(v.spec.nodeAffinity).toEqual({
      required: { nodeSelectorTerms: [{ matchExpressions: [{ key: zone, operator: "In", values: ["b"] }] }] },
    });
  });

  it("node affinity: the selected node itself without allowedTopologies (hostname, or the name)", () => {
    const v = provisionVolume(claim, sc("fast"), { node: { metadata: { name: "n7" } } });
    expect(v.spec.nodeAffinity).toEqual({
      required: { nodeSelectorTerms: [{ matchExpressions: [{ key: host, operator: "In", values: ["n7"] }] }] },
    });
    const z = provisionVolume(claim, sc("fast"), { node: { name: "n7", labels: { [zone]: "c" } }, topologyKeys: [zone] });
    expect(z.spec.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions).toEqual([{ key: zone, operator: "In", values: ["c"] }]);
  });

  it("reads a node as every layer does: `metadata: null` (JSON can hold one) is a bare node, not a crash", () => {
    const node = JSON.parse('{"metadata":null,"name":"n8"}') as { name: string };
    const v = provisionVolume(claim, sc("fast"), { node });
    expect(v.spec.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions).toEqual([{ key: host, operator: "In", values: ["n8"] }]);
  });

  it("node affinity: allowedTopologies as terms when there is no node; none otherwise", () => {
    const cls = sc("fast", {
      allowedTopologies: [
        { matchLabelExpressions: [{ key: zone, values: ["a"] }] },
        { matchLabelExpressions: [{ key: zone, values: ["b"] }] },
      ],
    });
    expect(provisionVolume(claim, cls).spec.nodeAffinity?.required?.nodeSelectorTerms).toEqual([
      { matchExpressions: [{ key: zone, operator: "In", values: ["a"] }] },
      { matchExpressions: [{ key: zone, operator: "In", values: ["b"] }] },
    ]);
    expect(provisionVolume(claim, sc("fast")).spec.nodeAffinity).toBeUndefined();
  });

  it.each([
    [
      "kubernetes.io/no-provisioner",
      pvc("data"),
      sc("local", { provisioner: "kubernetes.io/no-provisioner" }),
      undefined,
      "no volume plugin matched name: kubernetes.io/no-provisioner",
    ],
    ["a claim selector", pvc("data", { selector: { matchLabels: { a: "b" } } }), sc("fast"), undefined, "claim Selector is not supported"],
    // the external-provisioner's texts (GenerateAccessibilityRequirements, non-strict topology)
    [
      "a node outside allowedTopologies",
      pvc("data"),
      sc("fast", { allowedTopologies: [{ matchLabelExpressions: [{ key: zone, values: ["b", "a"] }] }] }),
      { name: "n1", labels: { [zone]: "z" } },
      'topology [{topology.kubernetes.io/zone z}] from selected node "n1" is not in requisite: [[{topology.kubernetes.io/zone a}] [{topology.kubernetes.io/zone b}]]',
    ],
    [
      "a node outside a two-key allowedTopologies",
      pvc("data"),
      sc("fast", {
        allowedTopologies: [
          {
            matchLabelExpressions: [
              { key: zone, values: ["a"] },
              { key: "rack", values: ["r1", "r2"] },
            ],
          },
        ],
      }),
      { name: "n1", labels: { [zone]: "a", rack: "r3" } },
      'topology [{rack r3} {topology.kubernetes.io/zone a}] from selected node "n1" is not in requisite: [[{rack r1} {topology.kubernetes.io/zone a}] [{rack r2} {topology.kubernetes.io/zone a}]]',
    ],
    [
      "a node without the topology labels",
      pvc("data"),
      sc("fast", { allowedTopologies: [{ matchLabelExpressions: [{ key: zone, values: ["a"] }] }] }),
      { name: "n1", labels: { b: "2", a: "1" } },
      "topology labels from selected node map[a:1 b:2] does not match topology keys from CSINode [topology.kubernetes.io/zone]",
    ],
    [
      "a Block claim in tree (host-path)",
      pvc("data", { volumeMode: "Block" }),
      sc("hp", { provisioner: "kubernetes.io/host-path" }),
      undefined,
      "kubernetes.io/host-path does not support block volume provisioning",
    ],
  ])("refuses %s with a ProvisioningFailed LifecycleError", (_, c, cls, node, message) => {
    let err: unknown;
    try {
      provisionVolume(c, cls, node ? { node } : {});
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LifecycleError);
    expect((err as LifecycleError).code).toBe("ProvisioningFailed");
    expect((err as LifecycleError).message).toBe(message);
  });

  it("accepts a node inside allowedTopologies; in tree, host-path ignores selectors and allowedTopologies", () => {
    const allowed = sc("fast", { allowedTopologies: [{ matchLabelExpressions: [{ key: zone, values: ["a", "b"] }] }] });
    expect(
      provisionVolume(pvc("data"), allowed, { node: { name: "n1", labels: { [zone]: "b", other: "x" } } }).spec.nodeAffinity?.required
        ?.nodeSelectorTerms,
    ).toEqual([{ matchExpressions: [{ key: zone, operator: "In", values: ["b"] }] }]);
    const hp = sc("hp", { provisioner: "kubernetes.io/host-path", allowedTopologies: allowed.allowedTopologies! });
    const v = provisionVolume(pvc("data", { selector: { matchLabels: { a: "b" } } }), hp, {
      node: { name: "n1", labels: { [zone]: "z" } },
    });
    expect(v.spec.hostPath).toEqual({ path: "/tmp/hostpath_pv/pvc-uid-data" });
  });

  it("refuses a claim without UID or request with InvalidInput", () => {
    const noUid = pvc("data");
    delete noUid.metadata!.uid;
    expect(() => provisionVolume(noUid, sc("fast"))).toThrow(/claim.metadata.uid: Required value/);
    const noReq = { ...pvc("data"), spec: { accessModes: ["ReadWriteOnce" as const] } };
    expect(() => provisionVolume(noReq, sc("fast"))).toThrow(/requests.storage: Required value/);
  });
});

describe("defaultStorageClass (pv_controller.go assignDefaultStorageClass)", () => {
  it.each([
    ["none", [sc("a"), sc("b")], undefined],
    ["the only default", [sc("a"), sc("b", { isDefault: true })], "b"],
    [
      "the newest default",
      [sc("old", { isDefault: true, created: "2026-01-01T00:00:00Z" }), sc("new", { isDefault: true, created: "2026-02-01T00:00:00Z" })],
      "new",
    ],
    [
      "ties by name",
      [sc("zz", { isDefault: true, created: "2026-01-01T00:00:00Z" }), sc("aa", { isDefault: true, created: "2026-01-01T00:00:00Z" })],
      "aa",
    ],
    [
      "the beta annotation",
      [{ ...sc("beta"), metadata: { name: "beta", annotations: { "storageclass.beta.kubernetes.io/is-default-class": "true" } } }],
      "beta",
    ],
    [
      'only the exact value "true"',
      [{ ...sc("t"), metadata: { name: "t", annotations: { "storageclass.kubernetes.io/is-default-class": "True" } } }],
      undefined,
    ],
  ])("%s", (_, classes, expected) => {
    expect(defaultStorageClass(classes)?.metadata?.name).toBe(expected);
  });
});

describe("provision operations (pv_controller.go provisionClaimOperation)", () => {
  function startProvision(init: Parameters<typeof createCluster>[0], opts = ctx): { cluster: Cluster; opId: string } {
    const r = syncClaim(freezeCluster(createCluster(init)), "default/data", opts);
    expect(r.operations).toHaveLength(1);
    return { cluster: r.cluster, opId: r.operations[0]!.id };
  }

  it("external success: the provisioner's events, the PV created Pending (API server), then reconcile binds it", () => {
    const { cluster, opId } = startProvision({
      classes: [sc("fast", { provisioner: "ebs.csi.aws.com" })],
      claims: [pvc("data", { className: "fast" })],
    });
    const r = completeOperation(cluster, opId, "success", ctx);
    expect(reasons(r.events)).toEqual([
      'Normal Provisioning: External provisioner is provisioning volume for claim "default/data"',
      "Normal ProvisioningSucceeded: Successfully provisioned volume pvc-uid-data",
    ]);
    expect(r.writes.map((w) => `${w.actor} ${w.verb} ${w.name}`)).toEqual(["external-provisioner create pvc-uid-data"]);
    const v = r.cluster.volumes.get("pvc-uid-data")!;
    expect(v.status).toEqual({ phase: "Pending", lastPhaseTransitionTime: ctx.now });
    expect(v.metadata.finalizers).toEqual(["external-provisioner.volume.kubernetes.io/finalizer", "kubernetes.io/pv-protection"]);
    const done = reconcile(r.cluster, ctx);
    expect(done.converged).toBe(true);
    const claim = done.cluster.claims.get("default/data")!;
    expect(claim.status?.phase).toBe("Bound");
    expect(claim.metadata.annotations?.["pv.kubernetes.io/bound-by-controller"]).toBe("yes");
    expect(done.cluster.volumes.get("pvc-uid-data")!.metadata.annotations?.["pv.kubernetes.io/bound-by-controller"]).toBeUndefined();
  });

  it("external failure: failed to provision ...; selected-node removed only when the provisioner asks", () => {
    const { cluster, opId } = startProvision({
      classes: [sc("wffc", { provisioner: "ebs.csi.aws.com", volumeBindingMode: "WaitForFirstConsumer" })],
      nodes: [{ metadata: { name: "n1" } }],
      claims: [pvc("data", { className: "wffc", annotations: { "volume.kubernetes.io/selected-node": "n1" } })],
    });
    const keep = completeOperation(cluster, opId, { ok: false, message: "out of capacity" }, ctx);
    expect(reasons(keep.events)).toContain(
      'Warning ProvisioningFailed: failed to provision volume with StorageClass "wffc": out of capacity',
    );
    expect(keep.writes).toEqual([]);
    const resched = completeOperation(cluster, opId, { ok: false, message: "out of capacity", reschedule: true }, ctx);
    expect(summary(resched)).toEqual(["update PersistentVolumeClaim data"]);
    expect(resched.cluster.claims.get("default/data")!.metadata.annotations?.["volume.kubernetes.io/selected-node"]).toBeUndefined();
  });

  it("external: a selected node that does not exist reschedules", () => {
    const { cluster, opId } = startProvision({
      classes: [sc("wffc", { volumeBindingMode: "WaitForFirstConsumer" })],
      claims: [pvc("data", { className: "wffc", annotations: { "volume.kubernetes.io/selected-node": "gone" } })],
    });
    const r = completeOperation(cluster, opId, "success", ctx);
    expect(reasons(r.events)).toContain(
      'Warning ProvisioningFailed: failed to provision volume with StorageClass "wffc": node "gone" not found',
    );
    expect(r.cluster.claims.get("default/data")!.metadata.annotations?.["volume.kubernetes.io/selected-node"]).toBeUndefined();
    expect(r.cluster.volumes.size).toBe(0);
  });

  it("in-tree success: provisioner annotations, PV with bound-by-controller and pv-controller finalizer, event with the plugin", () => {
    const opts = { ...ctx, inTreePlugins: ["kubernetes.io/host-path"] };
    const { cluster, opId } = startProvision(
      { classes: [sc("hp", { provisioner: "kubernetes.io/host-path" })], claims: [pvc("data", { className: "hp" })] },
      opts,
    );
    const r = completeOperation(cluster, opId, "success", opts);
    expect(summary(r)).toEqual(["update PersistentVolumeClaim data", "create PersistentVolume pvc-uid-data"]);
    expect(reasons(r.events)).toEqual([
      "Normal ProvisioningSucceeded: Successfully provisioned volume pvc-uid-data using kubernetes.io/host-path",
    ]);
    const v = r.cluster.volumes.get("pvc-uid-data")!;
    expect(v.metadata.annotations?.["pv.kubernetes.io/bound-by-controller"]).toBe("yes");
    expect(v.metadata.finalizers).toEqual(["kubernetes.io/pv-controller", "kubernetes.io/pv-protection"]);
  });

  it("in-tree failure: selected-node removed, then Failed to provision volume ...", () => {
    const opts = { ...ctx, inTreePlugins: ["kubernetes.io/host-path"] };
    const { cluster, opId } = startProvision(
      {
        classes: [sc("hp", { provisioner: "kubernetes.io/host-path", volumeBindingMode: "WaitForFirstConsumer" })],
        nodes: [{ metadata: { name: "n1" } }],
        claims: [pvc("data", { className: "hp", annotations: { "volume.kubernetes.io/selected-node": "n1" } })],
      },
      opts,
    );
    const r = completeOperation(cluster, opId, { ok: false, message: "disk full" }, opts);
    expect(summary(r)).toEqual(["update PersistentVolumeClaim data", "update PersistentVolumeClaim data"]);
    expect(reasons(r.events)).toEqual(['Warning ProvisioningFailed: Failed to provision volume with StorageClass "hp": disk full']);
    expect(r.cluster.claims.get("default/data")!.metadata.annotations?.["volume.kubernetes.io/selected-node"]).toBeUndefined();
  });

  it("in-tree: a class with mount options is refused (host-path does not support them)", () => {
    const opts = { ...ctx, inTreePlugins: ["kubernetes.io/host-path"] };
    const { cluster, opId } = startProvision(
      {
        classes: [sc("hp", { provisioner: "kubernetes.io/host-path", mountOptions: ["ro", "noatime"] })],
        claims: [pvc("data", { className: "hp" })],
      },
      opts,
    );
    const r = completeOperation(cluster, opId, "success", opts);
    expect(reasons(r.events)).toEqual([
      'Warning ProvisioningFailed: Mount options are not supported by the provisioner but StorageClass "hp" has mount options [ro noatime]',
    ]);
  });

  it("an operation whose claim is gone or already bound does nothing", () => {
    const { cluster, opId } = startProvision({ classes: [sc("fast")], claims: [pvc("data", { className: "fast" })] });
    const claim = cluster.claims.get("default/data")!;
    const bound = createCluster({
      classes: [...cluster.classes.values()],
      claims: [{ ...claim, spec: { ...claim.spec, volumeName: "pv9" } }],
      operations: [...cluster.operations.values()],
    });
    const r = completeOperation(bound, opId, "success", ctx);
    expect(r.writes).toEqual([]);
    expect(r.events).toEqual([]);
    const gone = createCluster({ classes: [...cluster.classes.values()], operations: [...cluster.operations.values()] });
    expect(completeOperation(gone, opId, "success", ctx).writes).toEqual([]);
  });

  it("completing an operation that is not running throws OperationNotPending", () => {
    expect(() => completeOperation(createCluster({}), "provision-x/y[z]", "success", ctx)).toThrow(LifecycleError);
  });

  it("a volume provisioned for a claim that meanwhile bound elsewhere is released and deleted", () => {
    const { cluster, opId } = startProvision({ classes: [sc("fast")], claims: [pvc("data", { className: "fast" })] });
    const provisioned = completeOperation(cluster, opId, "success", ctx).cluster;
    // the claim meanwhile bound to a static volume of the same class
    const claim = provisioned.claims.get("default/data")!;
    const c = createCluster({
      classes: [...provisioned.classes.values()],
      volumes: [
        ...provisioned.volumes.values(),
        pv("static", { className: "fast", claimRef: { name: "data", uid: "uid-data" }, phase: "Bound" }),
      ],
      claims: [
        {
          ...claim,
          spec: { ...claim.spec, volumeName: "static" },
          metadata: { ...claim.metadata, annotations: { ...claim.metadata.annotations, "pv.kubernetes.io/bind-completed": "yes" } },
        },
      ],
    });
    const r = reconcile(c, ctx, { completeOperations: "succeed" });
    expect(r.converged).toBe(true);
    expect(r.cluster.volumes.has("pvc-uid-data")).toBe(false);
    expect(r.cluster.volumes.get("static")!.status?.phase).toBe("Bound");
  });
});
