/**
 * Which StorageClass is the default: the one rule the PV controller's retroactive assignment, the
 * DefaultStorageClass admission plugin, the lint and the explanations share
 * (kubernetes/kubernetes `pkg/volume/util/storageclass.go` `GetDefaultClass`).
 *
 * @module
 */
import { type DefaultClassSource, isDefaultStorageClass } from "./storage-class.js";
import { timestampMillis } from "./timestamp.js";

/**
 * The least a class needs for {@link defaultStorageClasses} (a full `StorageClass` fits).
 *
 * @example
 * ```ts
 * const s: DefaultCandidate = { metadata: { name: "fast", creationTimestamp: "2026-01-01T00:00:00Z" } };
 * ```
 */
export interface DefaultCandidate extends DefaultClassSource {
  metadata?: {
    name?: string;
    creationTimestamp?: unknown;
    annotations?: Readonly<Record<string, string>> | null;
  } | null;
}

/** Newest `creationTimestamp` first (a missing or invalid time is Go's zero time: the oldest), then the smaller name. */
function newerFirst(a: DefaultCandidate, b: DefaultCandidate): number {
  const ta = timestampMillis(a.metadata?.creationTimestamp) ?? Number.NEGATIVE_INFINITY;
  const tb = timestampMillis(b.metadata?.creationTimestamp) ?? Number.NEGATIVE_INFINITY;
  if (ta !== tb) return ta > tb ? -1 : 1;
  const na = a.metadata?.name ?? "";
  const nb = b.metadata?.name ?? "";
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/**
 * Every class marked default (`storageclass.kubernetes.io/is-default-class: "true"` or the beta
 * key), in the order Kubernetes prefers them: the newest `creationTimestamp` first, equal times by
 * the smaller name. The first is the default class. Entries that are not objects are ignored.
 *
 * @example
 * ```ts
 * const def = { "storageclass.kubernetes.io/is-default-class": "true" };
 * defaultStorageClasses([
 *   { metadata: { name: "a", creationTimestamp: "2026-01-01T00:00:00Z", annotations: def } },
 *   { metadata: { name: "b", creationTimestamp: "2026-02-01T00:00:00Z", annotations: def } },
 * ]).map((c) => c.metadata?.name); // ["b", "a"]
 * ```
 */
export function defaultStorageClasses<T extends DefaultCandidate>(classes: Iterable<T>): T[] {
  const out: T[] = [];
  // Anything that is not iterable (null, a plain object) holds no class, as `undefined` does.
  const list: Iterable<T> = classes != null && typeof (classes as Partial<Iterable<T>>)[Symbol.iterator] === "function" ? classes : [];
  for (const sc of list) {
    if (typeof sc !== "object" || sc === null) continue;
    try {
      if (isDefaultStorageClass(sc)) out.push(sc);
    } catch {
      // A class whose annotations cannot be read is not a default.
    }
  }
  return out.sort(newerFirst);
}

/**
 * The default StorageClass (the first of {@link defaultStorageClasses}), or `undefined` when no
 * class is marked default.
 *
 * @example
 * ```ts
 * defaultStorageClass(classes)?.metadata?.name; // "standard"
 * ```
 */
export function defaultStorageClass<T extends DefaultCandidate>(classes: Iterable<T>): T | undefined {
  return defaultStorageClasses(classes)[0];
}
