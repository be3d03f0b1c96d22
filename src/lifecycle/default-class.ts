/**
 * Which StorageClass is the default (§3.12).
 *
 * @module
 */
import { isDefaultStorageClass } from "../api/helpers/index.js";
import type { StorageClass } from "../api/index.js";
import { timeValue } from "./time.js";

/**
 * The default StorageClass, as the PV controller and the DefaultStorageClass admission plugin
 * choose it: among the classes annotated `storageclass.kubernetes.io/is-default-class: "true"`
 * (or the beta key), the one with the newest `creationTimestamp`; ties go to the smallest name.
 * `undefined` when no class is a default. Classes without a creation time count as the oldest.
 *
 * @example
 * ```ts
 * defaultStorageClass([
 *   { metadata: { name: "a", creationTimestamp: "2026-01-01T00:00:00Z",
 *     annotations: { "storageclass.kubernetes.io/is-default-class": "true" } }, provisioner: "x" },
 *   { metadata: { name: "b", creationTimestamp: "2026-02-01T00:00:00Z",
 *     annotations: { "storageclass.kubernetes.io/is-default-class": "true" } }, provisioner: "x" },
 * ])?.metadata.name; // "b"
 * ```
 */
export function defaultStorageClass(classes: Iterable<StorageClass>): StorageClass | undefined {
  let best: StorageClass | undefined;
  for (const sc of classes) {
    if (!isDefaultStorageClass(sc)) continue;
    if (best === undefined || newerOrSmaller(sc, best)) best = sc;
  }
  return best;
}

function newerOrSmaller(a: StorageClass, b: StorageClass): boolean {
  const ta = timeValue(a.metadata.creationTimestamp);
  const tb = timeValue(b.metadata.creationTimestamp);
  if (ta !== tb) return ta > tb;
  return (a.metadata.name ?? "") < (b.metadata.name ?? "");
}
