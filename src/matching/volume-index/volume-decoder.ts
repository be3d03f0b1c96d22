/**
 * Decoding volumes for the index, fast: the same {@link DecodedVolume} as `decodeVolume`, but
 * without re-parsing a capacity text already seen (capacities repeat: a million volumes have a few
 * thousand distinct sizes) and without rebuilding the access-mode key of a shared mode list. Any
 * volume that is not plainly well-formed goes through `decodeVolume` itself.
 *
 * @module
 */
import type { PersistentVolume } from "../../api/index.js";
import { accessModesKey, isDeleting, volumeClass, volumeModeOf } from "../../api/helpers/index.js";
import type { Labels } from "../../labels/index.js";
import { Quantity } from "../../quantity/index.js";
import { type DecodedVolume, decodeVolume } from "../decoded-volume.js";

/**
 * A parsed capacity text with what the index orders it by: its nearest double and whether that
 * double is exactly the capacity (see {@link VolumeDecoder.isExact}).
 *
 * @example
 * ```ts
 * const info: CapacityInfo = { quantity: parseQuantity("1Gi"), cap: 1073741824, exact: true };
 * ```
 */
export interface CapacityInfo {
  readonly quantity: Quantity;
  readonly cap: number;
  readonly exact: boolean;
}

/**
 * What the index derives from one access-mode list: the canonical key, whether every mode is one
 * of the four Kubernetes knows, and whether every mode is a string.
 *
 * @example
 * ```ts
 * const info: ModesInfo = { key: "RWO", known: true, strings: true };
 * ```
 */
export interface ModesInfo {
  readonly key: string;
  readonly known: boolean;
  readonly strings: boolean;
}

const KNOWN_MODES: readonly unknown[] = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"];

/** At most this many distinct capacity texts are remembered. */
const MAX_INTERNED = 1 << 16;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/**
 * Decodes volumes exactly as `decodeVolume` does (a property test holds the two equal), memoising
 * parsed capacities by text — so volumes of equal capacity text also share one `Quantity` — and
 * canonical access-mode keys by list identity.
 *
 * @example
 * ```ts
 * const decoder = new VolumeDecoder();
 * decoder.decode(pv).capacity; // parsed once per distinct capacity text
 * ```
 */
export class VolumeDecoder {
  private readonly capacities = new Map<string, Quantity>();
  private readonly modesKeys = new WeakMap<readonly unknown[], string>();
  private readonly exactness = new WeakMap<Quantity, boolean>();
  private readonly capacityInfos = new Map<string, CapacityInfo>();
  private readonly modesInfos = new WeakMap<readonly unknown[], ModesInfo>();

  /**
   * The parsed capacity of a text already seen by {@link decode} (with its key and exactness),
   * or `undefined` when the text has not been parsed yet (then decode the volume first).
   *
   * @example
   * ```ts
   * decoder.decode(pv);
   * decoder.capacityInfo("1Gi"); // { quantity: 1Gi, cap: 1073741824, exact: true }
   * ```
   */
  capacityInfo(text: string): CapacityInfo | undefined {
    let info = this.capacityInfos.get(text);
    if (info === undefined) {
      const quantity = this.capacities.get(text);
      if (quantity === undefined) return undefined;
      info = { quantity, cap: quantity.toNumber(), exact: this.isExact(quantity) };
      this.capacityInfos.set(text, info);
    }
    return info;
  }

  /**
   * The {@link ModesInfo} of an access-mode list, memoised by list identity (inputs are never
   * mutated) — its `key` is the `modesKey` {@link decode} gives.
   *
   * @example
   * ```ts
   * decoder.modesInfo(["ReadWriteOnce", "ReadOnlyMany"]).key; // "RWO,ROX"
   * ```
   */
  modesInfo(modes: readonly unknown[]): ModesInfo {
    let info = this.modesInfos.get(modes);
    if (info === undefined) {
      let key = this.modesKeys.get(modes);
      if (key === undefined) {
        key = accessModesKey(modes as string[]);
        this.modesKeys.set(modes, key);
      }
      info = { key, known: modes.every((m) => KNOWN_MODES.includes(m)), strings: modes.every((m) => typeof m === "string") };
      this.modesInfos.set(modes, info);
    }
    return info;
  }

  /**
   * Whether `q.toNumber()` is exactly `q` (an integer of magnitude below 2^53): then two such
   * quantities with equal doubles are equal, and the index compares doubles only. Memoised.
   *
   * @example
   * ```ts
   * decoder.isExact(parseQuantity("10Gi"));  // true
   * decoder.isExact(parseQuantity("800E"));  // false
   * decoder.isExact(parseQuantity("1500m")); // false
   * ```
   */
  isExact(q: Quantity): boolean {
    let x = this.exactness.get(q);
    if (x === undefined) {
      const k = q.toNumber();
      x = Number.isSafeInteger(k) && q.cmp(Quantity.fromValue(k)) === 0;
      this.exactness.set(q, x);
    }
    return x;
  }

  /**
   * The decoded volume (see `decodeVolume`). Never throws.
   *
   * @example
   * ```ts
   * new VolumeDecoder().decode({ metadata: { name: "a" }, spec: { capacity: { storage: "1Gi" } } }).capacityText; // "1Gi"
   * ```
   */
  decode(pv: PersistentVolume): DecodedVolume {
    try {
      const fast = this.fastDecode(pv);
      if (fast !== undefined) return fast;
    } catch {
      // A getter threw or a field has an odd type: decodeVolume reports it.
    }
    const d = decodeVolume(pv);
    const raw: unknown = isObject(pv) && isObject(pv.spec) && isObject(pv.spec.capacity) ? pv.spec.capacity.storage : undefined;
    if (d.capacity !== undefined && typeof raw === "string" && this.capacities.size < MAX_INTERNED) this.capacities.set(raw, d.capacity);
    return d;
  }

  /** The fast path: plainly well-formed volumes whose capacity text has been parsed before. */
  private fastDecode(pv: PersistentVolume): DecodedVolume | undefined {
    if (!isObject(pv)) return undefined;
    const meta: unknown = pv.metadata;
    const spec: unknown = pv.spec;
    if (!isObject(meta) || !isObject(spec) || typeof meta.name !== "string") return undefined;
    const modes: unknown = spec.accessModes;
    const list: unknown = spec.capacity;
    if (!Array.isArray(modes) || !isObject(list) || !Object.hasOwn(list, "storage")) return undefined;
    const text: unknown = list.storage;
    if (typeof text !== "string") return undefined;
    const capacity = this.capacities.get(text);
    if (capacity === undefined) return undefined;
    let modesKey = this.modesKeys.get(modes);
    if (modesKey === undefined) {
      modesKey = accessModesKey(modes as string[]);
      this.modesKeys.set(modes, modesKey);
    }
    const labels: unknown = meta.labels;
    const affinity: unknown = spec.nodeAffinity;
    const status: unknown = pv.status;
    const vac: unknown = spec.volumeAttributesClassName;
    return {
      pv,
      name: meta.name,
      capacity,
      capacityText: text,
      class: volumeClass(pv),
      accessModes: modes as string[],
      modesKey,
      volumeMode: volumeModeOf(pv),
      vac: typeof vac === "string" ? vac : "",
      labels: isObject(labels) ? (labels as Labels) : undefined,
      claimRef: pv.spec.claimRef ?? undefined,
      phase: isObject(status) && typeof status.phase === "string" ? status.phase : undefined,
      deleting: isDeleting(pv),
      hasNodeAffinity: (isObject(affinity) ? affinity.required : undefined) != null,
      defect: undefined,
    };
  }
}
