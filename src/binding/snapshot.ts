/**
 * Reading a `planBindings` input into one snapshot shape.
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../api/index.js";
import { claimKey, compareClaimOrder } from "../api/helpers/index.js";
import { BindingError } from "./errors.js";
import type { BindingInput } from "./types.js";

/**
 * The objects a plan reads: volumes (one per name, later ones replacing earlier ones), the claims
 * in the PV controller's claim order (`compareClaimOrder`: oldest first, then `namespace/name`),
 * entries of the claim list that are not objects (reported pending), and the classes by name.
 *
 * @internal
 * @example
 * ```ts
 * const snap = readSnapshot({ volumes, claims, classes });
 * snap.claims[0]; // the oldest claim
 * ```
 */
export interface Snapshot {
  readonly volumes: readonly PersistentVolume[];
  readonly claims: readonly PersistentVolumeClaim[];
  readonly badClaims: readonly string[];
  readonly classes: ReadonlyMap<string, StorageClass>;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function values<T>(x: unknown, field: string): T[] {
  if (x === undefined || x === null) return [];
  if (x instanceof Map) return [...(x as Map<string, T>).values()];
  if (typeof x === "object" && typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function")
    return [...(x as Iterable<T>)];
  throw new BindingError("InvalidInput", `${field}: Invalid value: expected a list or a map of objects`, { field });
}

function nameOf(x: unknown): string {
  if (!isObject(x) || !isObject(x.metadata)) return "";
  return typeof x.metadata.name === "string" ? x.metadata.name : "";
}

/**
 * Reads a `Cluster` or `{ volumes, claims, classes }` into a {@link Snapshot}. Never mutates the
 * input.
 *
 * @internal
 * @throws {@link BindingError} `InvalidInput` when the input or one of its collections is not a
 *   list or map.
 * @example
 * ```ts
 * readSnapshot(createCluster({ volumes, claims })).claims.length;
 * ```
 */
export function readSnapshot(input: BindingInput): Snapshot {
  if (!isObject(input)) throw new BindingError("InvalidInput", "input: Invalid value: expected a Cluster or { volumes, claims, classes }");
  const rawVolumes = values<PersistentVolume>(input.volumes, "volumes");
  const at = new Map<string, number>();
  const volumes: PersistentVolume[] = [];
  for (const v of rawVolumes) {
    const name = nameOf(v);
    const i = at.get(name);
    if (i !== undefined) volumes[i] = v;
    else {
      at.set(name, volumes.length);
      volumes.push(v);
    }
  }
  const claimByKey = new Map<string, PersistentVolumeClaim>();
  const badClaims: string[] = [];
  values<PersistentVolumeClaim>(input.claims, "claims").forEach((c, i) => {
    if (!isObject(c) || !isObject(c.metadata)) badClaims.push(`claims[${i}]`);
    else claimByKey.set(claimKey(c), c);
  });
  const claims = [...claimByKey.values()].sort(compareClaimOrder);
  const classes = new Map<string, StorageClass>();
  for (const sc of values<StorageClass>(input.classes, "classes")) if (isObject(sc)) classes.set(nameOf(sc), sc);
  return { volumes, claims, badClaims, classes };
}
