/**
 * The warnings the API server attaches to storage objects (HTTP `Warning` headers, printed by
 * kubectl as `Warning: ...`). They never block a request.
 *
 * @module
 */
import { AnnBetaStorageClass, AnnMountOptions } from "../api/constants/index.js";
import { isRec, tryQuantity, type Rec } from "./reader.js";

const DEPRECATED_NODE_LABELS: Readonly<Record<string, string>> = {
  "beta.kubernetes.io/arch": 'deprecated since v1.14; use "kubernetes.io/arch" instead',
  "beta.kubernetes.io/os": 'deprecated since v1.14; use "kubernetes.io/os" instead',
  "failure-domain.beta.kubernetes.io/region": 'deprecated since v1.17; use "topology.kubernetes.io/region" instead',
  "failure-domain.beta.kubernetes.io/zone": 'deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
  "beta.kubernetes.io/instance-type": 'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead',
};

const DEPRECATED_STORAGE_CLASS_ANNOTATION = 'deprecated since v1.8; use "storageClassName" attribute instead';

/** Deprecated in-tree PV sources: JSON field, the path name Kubernetes prints, the text. */
const DEPRECATED_SOURCES: readonly (readonly [string, string, string])[] = [
  ["cephfs", "cephfs", "deprecated in v1.28, non-functional in v1.31+"],
  ["photonPersistentDisk", "photonPersistentDisk", "deprecated in v1.11, non-functional in v1.16+"],
  ["scaleIO", "scaleIO", "deprecated in v1.16, non-functional in v1.22+"],
  ["storageos", "storageOS", "deprecated in v1.22, non-functional in v1.25+"],
  ["glusterfs", "glusterfs", "deprecated in v1.25, non-functional in v1.26+"],
  ["rbd", "rbd", "deprecated in v1.28, non-functional in v1.31+"],
];

function rec(v: unknown): Rec {
  return isRec(v) ? v : {};
}
function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function hasKey(m: Rec, k: string): boolean {
  return Object.hasOwn(m, k);
}

/**
 * The warnings for a PersistentVolume (create and update): the deprecated beta storage-class and
 * mount-options annotations, the deprecated Recycle policy, deprecated node labels in required
 * node affinity, and removed in-tree volume sources. Exact texts; `[]` for garbage.
 *
 * @example
 * ```ts
 * persistentVolumeWarnings({ spec: { persistentVolumeReclaimPolicy: "Recycle" } });
 * // ["spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning."]
 * ```
 */
export function persistentVolumeWarnings(pv: unknown): string[] {
  if (!isRec(pv)) return [];
  const warnings: string[] = [];
  const annotations = rec(rec(pv.metadata).annotations);
  const spec = rec(pv.spec);
  if (hasKey(annotations, AnnBetaStorageClass))
    warnings.push(`metadata.annotations[${AnnBetaStorageClass}]: ${DEPRECATED_STORAGE_CLASS_ANNOTATION}`);
  if (hasKey(annotations, AnnMountOptions))
    warnings.push(`metadata.annotations[${AnnMountOptions}]: deprecated since v1.31; use "mountOptions" attribute instead`);
  if (spec.persistentVolumeReclaimPolicy === "Recycle") {
    warnings.push(
      "spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning.",
    );
  }
  const required = rec(rec(spec.nodeAffinity).required);
  list(required.nodeSelectorTerms).forEach((term, i) => {
    list(rec(term).matchExpressions).forEach((expr, j) => {
      const k = rec(expr).key;
      if (typeof k === "string" && hasKey(DEPRECATED_NODE_LABELS, k)) {
        warnings.push(
          `spec.nodeAffinity.required.nodeSelectorTerms[${i}].matchExpressions[${j}].key: ${k} is ${DEPRECATED_NODE_LABELS[k]}`,
        );
      }
    });
  });
  for (const [field, shown, text] of DEPRECATED_SOURCES) {
    if (spec[field] !== undefined && spec[field] !== null) warnings.push(`spec.${shown}: ${text}`);
  }
  return warnings;
}

/**
 * The warnings for a PersistentVolumeClaim (create and update): the deprecated beta storage-class
 * annotation and storage requests/limits that are not a whole number of bytes.
 *
 * @example
 * ```ts
 * persistentVolumeClaimWarnings({ spec: { resources: { requests: { storage: "1.5" } } } });
 * // ['spec.resources.requests[storage]: fractional byte value "1500m" is invalid, must be an integer']
 * ```
 */
export function persistentVolumeClaimWarnings(pvc: unknown): string[] {
  if (!isRec(pvc)) return [];
  const warnings: string[] = [];
  const annotations = rec(rec(pvc.metadata).annotations);
  if (hasKey(annotations, AnnBetaStorageClass))
    warnings.push(`metadata.annotations[${AnnBetaStorageClass}]: ${DEPRECATED_STORAGE_CLASS_ANNOTATION}`);
  const resources = rec(rec(pvc.spec).resources);
  for (const part of ["requests", "limits"] as const) {
    const q = tryQuantity(rec(resources[part]).storage);
    if (q !== undefined && q.milliValue() % 1000n !== 0n) {
      warnings.push(`spec.resources.${part}[storage]: fractional byte value "${q.toString()}" is invalid, must be an integer`);
    }
  }
  return warnings;
}

/**
 * The warnings for a StorageClass: deprecated node labels used as keys in `allowedTopologies`.
 *
 * @example
 * ```ts
 * storageClassWarnings({ allowedTopologies: [{ matchLabelExpressions: [{ key: "failure-domain.beta.kubernetes.io/zone", values: ["a"] }] }] });
 * // ['allowedTopologies[0].matchLabelExpressions[0].key: deprecated since v1.17; use "topology.kubernetes.io/zone" instead']
 * ```
 */
export function storageClassWarnings(sc: unknown): string[] {
  if (!isRec(sc)) return [];
  const warnings: string[] = [];
  list(sc.allowedTopologies).forEach((term, i) => {
    list(rec(term).matchLabelExpressions).forEach((expr, j) => {
      const k = rec(expr).key;
      if (typeof k === "string" && hasKey(DEPRECATED_NODE_LABELS, k)) {
        warnings.push(`allowedTopologies[${i}].matchLabelExpressions[${j}].key: ${DEPRECATED_NODE_LABELS[k]}`);
      }
    });
  });
  return warnings;
}
