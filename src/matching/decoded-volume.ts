/**
 * A PersistentVolume pre-parsed once for matching: every field the checks read, already decoded.
 *
 * @module
 */
import type { PersistentVolume } from "../api/index.js";
import { accessModesKey, isDeleting, volumeCapacity, volumeClass, volumeModeOf } from "../api/helpers/index.js";
import type { Labels } from "../labels/index.js";
import type { Quantity } from "../quantity/index.js";

/**
 * Why a volume could not be decoded completely:
 * - `malformed-volume`: not an object, or `metadata` / `spec` is not an object, or a field has a
 *   type no helper can read. Such a volume never matches.
 * - `capacity-malformed`: `spec.capacity.storage` is not a valid quantity. Kubernetes' API server
 *   would have rejected it; kubevol treats it as "not a candidate" (a volume of unknown size can
 *   not be proven large enough) and reports it.
 *
 * @example
 * ```ts
 * const d = decodeVolume({ metadata: { name: "pv-1" }, spec: { capacity: { storage: "ten" } } });
 * d.defect?.code; // "capacity-malformed"
 * ```
 */
export interface VolumeDefect {
  code: "malformed-volume" | "capacity-malformed";
  message: string;
}

/**
 * A PersistentVolume with everything the matching checks read decoded once, so a linear scan or an
 * index does no parsing per claim. Build it with {@link decodeVolume}; treat it as immutable.
 *
 * Field by field (all derived with the `api` helpers, never read directly):
 * - `name`: `metadata.name` (`""` when missing).
 * - `capacity`: `spec.capacity.storage` parsed (missing → 0); `undefined` iff the volume has a `defect`.
 * - `capacityText`: the capacity as written (`"0"` when missing), for messages.
 * - `class`: `volumeClass(pv)` — the beta annotation first (even `""`), then `spec.storageClassName`.
 * - `accessModes`: `spec.accessModes` as written; `modesKey`: its canonical key (`"RWO,ROX"`), the
 *   PV controller's index key.
 * - `volumeMode`: `volumeModeOf(pv)` (missing → `Filesystem`).
 * - `vac`: `spec.volumeAttributesClassName` (missing or null → `""`).
 * - `labels`: `metadata.labels` (for the claim's selector).
 * - `claimRef`: `spec.claimRef` when non-null.
 * - `phase`: `status.phase` (may be missing; only `Available` passes).
 * - `deleting`: `metadata.deletionTimestamp` is set.
 * - `hasNodeAffinity`: `spec.nodeAffinity.required` is set (otherwise every node fits and the
 *   affinity check is skipped without evaluating anything).
 * - `defect`: set when the volume is malformed (see {@link VolumeDefect}).
 *
 * @example
 * ```ts
 * const d = decodeVolume(pv);
 * if (!d.defect && d.capacity!.cmp(request) >= 0 && d.class === "fast") { ... }
 * ```
 */
export interface DecodedVolume {
  readonly pv: PersistentVolume;
  readonly name: string;
  readonly capacity: Quantity | undefined;
  readonly capacityText: string;
  readonly class: string;
  readonly accessModes: readonly string[];
  readonly modesKey: string;
  readonly volumeMode: string;
  readonly vac: string;
  readonly labels: Labels | undefined;
  readonly claimRef: NonNullable<PersistentVolume["spec"]["claimRef"]> | undefined;
  readonly phase: string | undefined;
  readonly deleting: boolean;
  readonly hasNodeAffinity: boolean;
  readonly defect: VolumeDefect | undefined;
}

const EMPTY_MODES: readonly string[] = Object.freeze([]);

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A decoded volume that can never match (shape errors). */
function defective(pv: unknown, message: string): DecodedVolume {
  const meta = isObject(pv) && isObject(pv.metadata) ? pv.metadata : undefined;
  const name = meta && typeof meta.name === "string" ? meta.name : "";
  return {
    pv: pv as PersistentVolume,
    name,
    capacity: undefined,
    capacityText: "",
    class: "",
    accessModes: EMPTY_MODES,
    modesKey: "",
    volumeMode: "Filesystem",
    vac: "",
    labels: undefined,
    claimRef: undefined,
    phase: undefined,
    deleting: false,
    hasNodeAffinity: false,
    defect: { code: "malformed-volume", message: `${name || "a volume"} is malformed: ${message}` },
  };
}

/**
 * Decodes a PersistentVolume for matching. Never throws: a malformed volume (not an object, no
 * `spec`, an unparsable capacity, ...) comes back with a `defect` and never passes the checks.
 *
 * @param pv - the volume (the Kubernetes JSON shape); not mutated, kept as `result.pv`.
 * @returns the {@link DecodedVolume}.
 *
 * @example
 * ```ts
 * const d = decodeVolume({
 *   metadata: { name: "pv-1" },
 *   spec: { capacity: { storage: "10Gi" }, accessModes: ["ReadOnlyMany", "ReadWriteOnce"], storageClassName: "fast" },
 *   status: { phase: "Available" },
 * });
 * d.modesKey;           // "RWO,ROX"
 * d.capacity?.toString(); // "10Gi"
 * ```
 */
export function decodeVolume(pv: PersistentVolume): DecodedVolume {
  if (!isObject(pv)) return defective(pv, "not an object");
  if (!isObject(pv.metadata)) return defective(pv, "metadata is not an object");
  if (!isObject(pv.spec)) return defective(pv, "spec is not an object");
  try {
    const spec = pv.spec;
    const rawModes: unknown = spec.accessModes;
    if (rawModes != null && !Array.isArray(rawModes)) return defective(pv, "spec.accessModes is not a list");
    const accessModes: readonly string[] = (rawModes as string[] | null | undefined) ?? EMPTY_MODES;
    const rawCapacity: unknown = isObject(spec.capacity) ? spec.capacity.storage : undefined;
    const capacityText = rawCapacity == null ? "0" : String(rawCapacity);
    let capacity: Quantity | undefined;
    let defect: VolumeDefect | undefined;
    try {
      capacity = volumeCapacity(pv);
    } catch (e) {
      defect = {
        code: "capacity-malformed",
        message: `${pv.metadata.name ?? "a volume"} has capacity "${capacityText}", which is not a valid quantity (${errorText(e)})`,
      };
    }
    const labels = pv.metadata.labels;
    const required = isObject(spec.nodeAffinity) ? spec.nodeAffinity.required : undefined;
    return {
      pv,
      name: typeof pv.metadata.name === "string" ? pv.metadata.name : "",
      capacity,
      capacityText,
      class: volumeClass(pv),
      accessModes,
      modesKey: accessModesKey(accessModes),
      volumeMode: volumeModeOf(pv),
      vac: typeof spec.volumeAttributesClassName === "string" ? spec.volumeAttributesClassName : "",
      labels: isObject(labels) ? (labels as Labels) : undefined,
      claimRef: spec.claimRef ?? undefined,
      phase: isObject(pv.status) && typeof pv.status.phase === "string" ? pv.status.phase : undefined,
      deleting: isDeleting(pv),
      hasNodeAffinity: required != null,
      defect,
    };
  } catch (e) {
    return defective(pv, errorText(e));
  }
}

/**
 * Decoded volumes by PV object. Inputs are never mutated (a library-wide rule), so an object's
 * decoding never changes and object identity is a safe key; entries go away with their PV objects.
 */
const decodedByObject = new WeakMap<object, DecodedVolume>();

/**
 * {@link decodeVolume} memoised per PV object: the first call for an object decodes it, later calls
 * return the same {@link DecodedVolume}. Invisible to callers (the result is what `decodeVolume`
 * returns) as long as PV objects are not mutated after they were first passed to kubevol — the
 * rule for every kubevol input. Used by `explainClaim`, so explaining many claims against one pool
 * decodes each volume once. Non-objects are decoded every time (they cannot be keys).
 *
 * @example
 * ```ts
 * decodeVolumeCached(pv) === decodeVolumeCached(pv); // true
 * ```
 */
export function decodeVolumeCached(pv: PersistentVolume): DecodedVolume {
  if (typeof pv !== "object" || pv === null) return decodeVolume(pv);
  let d = decodedByObject.get(pv);
  if (d === undefined) {
    d = decodeVolume(pv);
    decodedByObject.set(pv, d);
  }
  return d;
}
