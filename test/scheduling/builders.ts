/**
 * Builders for the scheduling tests, modelled on the fixtures of kubernetes/kubernetes
 * `pkg/scheduler/framework/plugins/volumebinding/binder_test.go` (`makeTestPVC`, `makeTestPV`,
 * `makeNode`, `makePod`).
 */
import type {
  CSIDriver,
  CSINode,
  CSIStorageCapacity,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
} from "../../src/api/index.js";
import { type ClusterInit, createCluster } from "../../src/lifecycle/index.js";

export const waitClass = "waitClass";
export const immediateClass = "immediateClass";
export const waitClassWithProvisioner = "waitClassWithProvisioner";
export const topoMismatchClass = "topoMismatchClass";
export const provisioner = "test-provisioner";

export function sc(name: string, mode: "WaitForFirstConsumer" | "Immediate" | undefined, extra: Partial<StorageClass> = {}): StorageClass {
  const s: StorageClass = { metadata: { name }, provisioner: "kubernetes.io/no-provisioner", ...extra };
  if (mode !== undefined) s.volumeBindingMode = mode;
  return s;
}

export const classes: StorageClass[] = [
  sc(waitClass, "WaitForFirstConsumer"),
  sc(immediateClass, "Immediate"),
  sc(waitClassWithProvisioner, "WaitForFirstConsumer", {
    provisioner,
    allowedTopologies: [{ matchLabelExpressions: [{ key: "nodeKey", values: ["node1"] }] }],
  }),
  sc(topoMismatchClass, "WaitForFirstConsumer", {
    provisioner,
    allowedTopologies: [{ matchLabelExpressions: [{ key: "nodeKey", values: ["node2"] }] }],
  }),
];

export function pvc(
  name: string,
  size: string,
  opts: {
    volumeName?: string;
    bound?: boolean;
    class?: string;
    phase?: string;
    modes?: string[];
    annotations?: Record<string, string>;
    ns?: string;
  } = {},
): PersistentVolumeClaim {
  const annotations: Record<string, string> = { ...(opts.annotations ?? {}) };
  if (opts.bound) annotations["pv.kubernetes.io/bind-completed"] = "yes";
  const c: PersistentVolumeClaim = {
    metadata: { name, namespace: opts.ns ?? "testns", uid: `uid-${name}`, annotations },
    spec: {
      accessModes: (opts.modes ?? ["ReadWriteOnce"]) as NonNullable<PersistentVolumeClaim["spec"]>["accessModes"],
      resources: { requests: { storage: size } },
      storageClassName: opts.class ?? waitClass,
    },
    status: { phase: (opts.phase ?? (opts.bound ? "Bound" : "Pending")) as "Pending" },
  };
  if (opts.volumeName !== undefined) c.spec!.volumeName = opts.volumeName;
  return c;
}

export function pv(
  name: string,
  size: string,
  opts: {
    node?: string;
    class?: string;
    claim?: PersistentVolumeClaim;
    prebound?: { ns: string; name: string };
    modes?: string[];
    labels?: Record<string, string>;
    affinity?: NonNullable<PersistentVolume["spec"]>["nodeAffinity"];
    phase?: string;
    source?: Record<string, unknown>;
  } = {},
): PersistentVolume {
  const v: PersistentVolume = {
    metadata: { name, ...(opts.labels ? { labels: opts.labels } : {}) },
    spec: {
      capacity: { storage: size },
      accessModes: (opts.modes ?? ["ReadWriteOnce"]) as NonNullable<PersistentVolume["spec"]>["accessModes"],
      storageClassName: opts.class ?? waitClass,
      ...(opts.source ?? { csi: { driver: "csi.example.com", volumeHandle: name } }),
    },
    status: { phase: (opts.phase ?? (opts.claim ? "Bound" : "Available")) as "Available" },
  };
  if (opts.node !== undefined) {
    v.spec!.nodeAffinity = {
      required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "nodeKey", operator: "In", values: [opts.node] }] }] },
    };
  }
  if (opts.affinity !== undefined) v.spec!.nodeAffinity = opts.affinity;
  if (opts.claim) {
    v.spec!.claimRef = {
      kind: "PersistentVolumeClaim",
      namespace: opts.claim.metadata!.namespace!,
      name: opts.claim.metadata!.name!,
      uid: opts.claim.metadata!.uid!,
    };
  }
  if (opts.prebound) v.spec!.claimRef = { namespace: opts.prebound.ns, name: opts.prebound.name };
  return v;
}

export function node(name: string, labels: Record<string, string> = { nodeKey: name }): Node {
  return { metadata: { name, labels } };
}

export function pod(
  claims: string[],
  opts: { name?: string; ns?: string; nodeName?: string; ephemeral?: string[]; extra?: NonNullable<Pod["spec"]> } = {},
): Pod {
  const volumes: NonNullable<Pod["spec"]>["volumes"] = claims.map((c, i) => ({ name: `vol${i}`, persistentVolumeClaim: { claimName: c } }));
  for (const e of opts.ephemeral ?? []) volumes.push({ name: e, ephemeral: { volumeClaimTemplate: { spec: {} } } as never });
  const p: Pod = {
    metadata: { name: opts.name ?? "test-pod", namespace: opts.ns ?? "testns", uid: "pod-uid" },
    spec: { volumes, ...(opts.extra ?? {}) },
  };
  if (opts.nodeName !== undefined) p.spec!.nodeName = opts.nodeName;
  return p;
}

export function cluster(
  init: ClusterInit & { csiNodes?: CSINode[]; csiDrivers?: CSIDriver[]; csiStorageCapacities?: CSIStorageCapacity[] },
) {
  return createCluster({ classes, nodes: [node("node1"), node("node2")], ...init });
}
