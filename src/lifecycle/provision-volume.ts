/**
 * Building the PersistentVolume a provisioner creates for a claim (kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller.go, `provisionClaimOperation`).
 *
 * @module
 */
import {
  AnnBoundByController,
  AnnDynamicallyProvisioned,
  FinalizerExternalProvisioner,
  FinalizerPVController,
  LabelHostname,
  NotSupportedProvisioner,
} from "../api/constants/index.js";
import { claimClass } from "../api/helpers/index.js";
import type { Node, PersistentVolumeClaim, StorageClass } from "../api/index.js";
import type { StoredVolume } from "./stored.js";
import { type NodeSelectorRequirement, type NodeSelectorTerm, nodeParts } from "../labels/index.js";
import { claimReference } from "./bind.js";
import { selectedNodeTopologyError } from "./provisioning-topology.js";
import { expectObject, LifecycleError } from "./errors.js";
import { uidOf } from "./object-meta.js";

/**
 * A node as provisioning needs it: a name and labels (a full `Node` works too).
 *
 * @example
 * ```ts
 * const node: ProvisioningNode = { name: "n1", labels: { "topology.kubernetes.io/zone": "a" } };
 * ```
 */
export type ProvisioningNode = { readonly name?: string; readonly labels?: Readonly<Record<string, string>> } | Node;

/**
 * Options of {@link provisionVolume}.
 *
 * - `node`: the selected node (the claim's `volume.kubernetes.io/selected-node`), for topology.
 * - `name`: the PV name (default `pvc-<claim uid>`, Kubernetes' deterministic name).
 * - `capacity`: the size actually created (default: the claim's request).
 * - `inTree`: build the PV as the PV controller's in-tree provisioning does (bound-by-controller
 *   annotation, `kubernetes.io/pv-controller` finalizer, hostPath source) rather than as an
 *   external provisioner (CSI source, `external-provisioner.volume.kubernetes.io/finalizer`).
 *   Default: true iff the provisioner name starts with `kubernetes.io/`.
 * - `topologyKeys`: the keys of the driver's accessible topology when the class has no
 *   `allowedTopologies` (default `["kubernetes.io/hostname"]`: the volume lives on the node).
 *
 * @example
 * ```ts
 * const opts: ProvisionVolumeOptions = { node: { name: "n1", labels: { "kubernetes.io/hostname": "n1" } } };
 * ```
 */
export interface ProvisionVolumeOptions {
  readonly node?: ProvisioningNode;
  readonly name?: string;
  readonly capacity?: string;
  readonly inTree?: boolean;
  readonly topologyKeys?: readonly string[];
}

/** The node's name and labels (`""` and none when missing), read as every layer reads a node: `nodeParts` of the labels layer. */
function nodeFacts(node: ProvisioningNode): { name: string; labels: Readonly<Record<string, string>> } {
  const parts = nodeParts(node);
  return { name: parts.name ?? "", labels: parts.labels ?? {} };
}

function uniqueKeys(sc: StorageClass): string[] {
  const keys: string[] = [];
  for (const term of sc.allowedTopologies ?? []) {
    for (const e of term.matchLabelExpressions ?? []) if (!keys.includes(e.key)) keys.push(e.key);
  }
  return keys;
}

/**
 * Node affinity of the new volume: pinned to the selected node's topology (its values for the
 * class's `allowedTopologies` keys, else for `topologyKeys`), or, without a node, the class's
 * `allowedTopologies` turned into node selector terms; none when there is neither.
 */
function nodeAffinityFor(
  sc: StorageClass,
  node: ProvisioningNode | undefined,
  topologyKeys: readonly string[],
): StoredVolume["spec"]["nodeAffinity"] {
  const allowed = sc.allowedTopologies ?? [];
  if (node !== undefined) {
    const { name, labels } = nodeFacts(node);
    const keys = allowed.length > 0 ? uniqueKeys(sc) : topologyKeys;
    const exprs: NodeSelectorRequirement[] = [];
    for (const key of keys) {
      const value = labels[key] ?? (key === LabelHostname && name !== "" ? name : undefined);
      if (value !== undefined) exprs.push({ key, operator: "In", values: [value] });
    }
    if (exprs.length === 0) return undefined;
    return { required: { nodeSelectorTerms: [{ matchExpressions: exprs }] } };
  }
  if (allowed.length === 0) return undefined;
  const terms: NodeSelectorTerm[] = allowed.map((t) => ({
    matchExpressions: (t.matchLabelExpressions ?? []).map((e) => ({ key: e.key, operator: "In", values: [...e.values] })),
  }));
  return { required: { nodeSelectorTerms: terms } };
}

/**
 * Builds the PersistentVolume a provisioner would create for `claim` from `class` (`provisionClaimOperation`): name
 * `pvc-<claim uid>`, `claimRef` to the claim (with UID and resourceVersion), `storageClassName` =
 * the claim's class, capacity = the request, the claim's access modes and volume mode, reclaim
 * policy = the class's (default `Delete`), the class's mount options, the class parameters as
 * CSI volume attributes, `pv.kubernetes.io/provisioned-by` = the provisioner, and node affinity
 * from the selected node / `allowedTopologies`. In-tree provisioning also sets
 * `pv.kubernetes.io/bound-by-controller` and, for `Delete`, the `kubernetes.io/pv-controller`
 * finalizer; external provisioning adds `external-provisioner.volume.kubernetes.io/finalizer`
 * for `Delete`. The status is `Bound` as the in-tree code writes it; the API server resets it to
 * `Pending` on create.
 *
 * @throws {@link LifecycleError} `ProvisioningFailed` when the class is
 * `kubernetes.io/no-provisioner` ("no volume plugin matched name: kubernetes.io/no-provisioner");
 * for external provisioners when the claim has a label selector ("claim Selector is not
 * supported") or the selected node's topology is outside the class's `allowedTopologies` (the
 * external-provisioner's texts, see `selectedNodeTopologyError`); in tree (host-path, which
 * ignores selectors and topology) when the claim asks for a Block volume ("kubernetes.io/host-path
 * does not support block volume provisioning"); `InvalidInput` when the claim or the class is not
 * an object, the class has no `provisioner`, the claim has no UID (and no `name` was given) or no
 * storage request (and no `capacity`).
 * @example
 * ```ts
 * const pv = provisionVolume(
 *   { metadata: { name: "data", namespace: "default", uid: "1111" },
 *     spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "5Gi" } }, storageClassName: "fast" } },
 *   { metadata: { name: "fast" }, provisioner: "ebs.csi.aws.com", volumeBindingMode: "WaitForFirstConsumer" },
 *   { node: { name: "n1", labels: { "kubernetes.io/hostname": "n1" } } },
 * );
 * pv.metadata.name; // "pvc-1111"
 * pv.spec.persistentVolumeReclaimPolicy; // "Delete"
 * ```
 */
export function provisionVolume(
  claim: PersistentVolumeClaim,
  storageClass: StorageClass,
  options: ProvisionVolumeOptions = {},
): StoredVolume {
  const pv = provisionedOrRefusal(claim, storageClass, options);
  if (typeof pv === "string") throw new LifecycleError("ProvisioningFailed", pv);
  return pv;
}

/**
 * {@link provisionVolume} with the provisioner's refusal returned as its text instead of thrown:
 * the controllers meet a refusal on every sync of such a claim, and an exception per sync costs a
 * stack trace. Internal to the lifecycle layer.
 *
 * @throws {@link LifecycleError} `InvalidInput` as {@link provisionVolume}.
 * @example
 * ```ts
 * const pv = provisionedOrRefusal(claim, storageClass, { inTree: false });
 * if (typeof pv === "string") console.log("refused:", pv);
 * ```
 */
export function provisionedOrRefusal(
  claim: PersistentVolumeClaim,
  storageClass: StorageClass,
  options: ProvisionVolumeOptions = {},
): StoredVolume | string {
  expectObject(claim, "claim", "a PersistentVolumeClaim");
  expectObject(storageClass, "storageClass", "a StorageClass");
  const provisioner: unknown = storageClass.provisioner;
  if (typeof provisioner !== "string") {
    throw new LifecycleError("InvalidInput", "storageClass.provisioner: Required value: the class names no provisioner");
  }
  options = options ?? {};
  if (provisioner === NotSupportedProvisioner) return `no volume plugin matched name: ${NotSupportedProvisioner}`;
  const inTree = options.inTree ?? provisioner.startsWith("kubernetes.io/");
  if (inTree) {
    // The in-tree host-path provisioner ignores selectors and allowedTopologies; it refuses Block.
    if (claim.spec?.volumeMode === "Block") return `${provisioner} does not support block volume provisioning`;
  } else {
    if (claim.spec?.selector !== undefined && claim.spec?.selector !== null) return "claim Selector is not supported";
    if (options.node !== undefined) {
      const { name: nodeName, labels } = nodeFacts(options.node);
      const refusal = selectedNodeTopologyError(storageClass, nodeName, labels);
      if (refusal !== undefined) return refusal;
    }
  }
  const uid = uidOf(claim);
  if (options.name === undefined && uid === "") throw new LifecycleError("InvalidInput", "claim.metadata.uid: Required value");
  const name = options.name ?? `pvc-${uid}`;
  const storage = options.capacity ?? claim.spec?.resources?.requests?.storage;
  if (storage === undefined) throw new LifecycleError("InvalidInput", "claim.spec?.resources.requests.storage: Required value");
  const policy = storageClass.reclaimPolicy ?? "Delete";

  const annotations: Record<string, string> = { [AnnDynamicallyProvisioned]: provisioner };
  if (inTree) annotations[AnnBoundByController] = "yes";
  const finalizers = policy === "Delete" ? [inTree ? FinalizerPVController : FinalizerExternalProvisioner] : [];

  const spec: StoredVolume["spec"] = {
    capacity: { storage: String(storage) },
    accessModes: [...(claim.spec?.accessModes ?? [])],
    claimRef: claimReference(claim),
    persistentVolumeReclaimPolicy: policy,
    storageClassName: claimClass(claim),
    volumeMode: claim.spec?.volumeMode ?? "Filesystem",
  };
  if ((storageClass.mountOptions ?? []).length > 0) spec.mountOptions = [...(storageClass.mountOptions ?? [])];
  const affinity = nodeAffinityFor(storageClass, options.node, options.topologyKeys ?? [LabelHostname]);
  if (affinity !== undefined) spec.nodeAffinity = affinity;
  if (inTree) spec.hostPath = { path: `/tmp/hostpath_pv/${name}` };
  else spec.csi = { driver: provisioner, volumeHandle: name, volumeAttributes: { ...(storageClass.parameters ?? {}) } };

  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: { name, annotations, ...(finalizers.length > 0 ? { finalizers } : {}) },
    spec,
    status: { phase: "Bound" },
  };
}
