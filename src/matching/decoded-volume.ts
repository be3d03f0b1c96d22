/**
 * A PersistentVolume read once for matching: every field the checks read, already decoded.
 *
 * @module
 */
import type { PersistentVolume } from "../api/index.js";
import { isDeleting, volumeClass, volumeModeOf } from "../api/helpers/index.js";
import type { Labels, NodeSelector } from "../labels/index.js";
import { parseQuantity, type Quantity, quantityIntegerValue } from "../quantity/index.js";
import { modeBitsOf, modesKeyOfBits } from "./access-mode-bits.js";
import { type CapacityInfo, CapacityTexts } from "./capacity-texts.js";

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
  readonly code: "malformed-volume" | "capacity-malformed";
  readonly message: string;
}

/**
 * A PersistentVolume with everything the matching checks read decoded once, so a scan or an index
 * does no parsing per claim. Build it with {@link decodeVolume}.
 *
 * Field by field (all derived with the `api` helpers, never read directly):
 * - `name`: `metadata.name` (`""` when missing).
 * - `capacity`: `spec.capacity.storage` parsed (missing → 0); `undefined` iff the volume has a
 *   `defect`. `capKey` is its nearest double (`NaN` without a capacity) and `capExact` whether
 *   `capKey` is exactly the capacity (an integer below 2^53): then equal keys are equal capacities.
 * - `capacityText`: the capacity as written (`"0"` when missing), for messages.
 * - `class`: `volumeClass(pv)` — the beta annotation first (even `""`), then `spec.storageClassName`.
 * - `accessModes`: `spec.accessModes` as written; `modeBits` the known modes as bits, `unknownModes`
 *   whether some entry is not one of the four; `modesKey` the canonical key (`"RWO,ROX"`), the PV
 *   controller's index key.
 * - `volumeMode`: `volumeModeOf(pv)` (missing → `Filesystem`).
 * - `vac`: `spec.volumeAttributesClassName` (missing or null → `""`).
 * - `labels`: `metadata.labels` (for the claim's selector).
 * - `claimRef`: `spec.claimRef` when non-null.
 * - `phase`: `status.phase` (may be missing; only `Available` passes).
 * - `deleting`: `metadata.deletionTimestamp` is set.
 * - `affinity`: `spec.nodeAffinity.required` when set (otherwise every node fits);
 *   `hasNodeAffinity` whether it is.
 * - `defect`: set when the volume is malformed (see {@link VolumeDefect}).
 *
 * A decoded volume describes its PV object as it was when it was decoded; it is never updated.
 *
 * @example
 * ```ts
 * const d = decodeVolume(pv);
 * if (!d.defect && d.class === "fast" && d.modesKey === "RWO") console.log(d.name, d.capacityText);
 * ```
 */
export interface DecodedVolume {
  readonly pv: PersistentVolume;
  readonly name: string;
  readonly capacity: Quantity | undefined;
  readonly capKey: number;
  readonly capExact: boolean;
  readonly capacityText: string;
  readonly class: string;
  readonly accessModes: readonly string[];
  readonly modeBits: number;
  readonly unknownModes: boolean;
  readonly modesKey: string;
  readonly volumeMode: string;
  readonly vac: string;
  readonly labels: Labels | undefined;
  readonly claimRef: NonNullable<NonNullable<PersistentVolume["spec"]>["claimRef"]> | undefined;
  readonly phase: string | undefined;
  readonly deleting: boolean;
  readonly hasNodeAffinity: boolean;
  readonly affinity: NodeSelector | undefined;
  readonly defect: VolumeDefect | undefined;
}

const EMPTY_MODES: readonly string[] = Object.freeze([]);

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The one mutable shape behind every {@link DecodedVolume}: {@link decodeVolume} fills a fresh one;
 * a scan that must not allocate per volume refills one scratch object with {@link VolumeFacts.read}.
 * Every field is written by every `read`, so a refilled object never keeps a field of the previous
 * volume.
 *
 * @example
 * ```ts
 * const scratch = new VolumeFacts();
 * for (const pv of volumes) if (scratch.read(pv, texts).class === "fast") count++;
 * ```
 */
export class VolumeFacts implements DecodedVolume {
  pv: PersistentVolume = undefined as unknown as PersistentVolume;
  name = "";
  /** The parsed capacity, when known (a plain-integer text is parsed only when asked: see `capacity`). */
  private parsed: Quantity | undefined = undefined;
  /** Whether the capacity is valid (then `parsed` or `capacityText` gives it). */
  private hasCapacity = false;
  capKey = Number.NaN;
  capExact = false;
  capacityText = "";
  class = "";
  accessModes: readonly string[] = EMPTY_MODES;
  modeBits = 0;
  unknownModes = false;
  modesKey = "";
  volumeMode = "Filesystem";
  vac = "";
  labels: Labels | undefined = undefined;
  claimRef: DecodedVolume["claimRef"] = undefined;
  phase: string | undefined = undefined;
  deleting = false;
  hasNodeAffinity = false;
  affinity: NodeSelector | undefined = undefined;
  defect: VolumeDefect | undefined = undefined;
  /** The parsed capacity as `CapacityTexts` interned it (for callers that intern capacities). */
  capacityInfo: CapacityInfo | undefined = undefined;
  /** Whether `spec.capacity.storage` is missing (the capacity is then 0, as in Kubernetes). */
  capacityMissing = false;

  /**
   * The parsed capacity (`undefined` iff the volume has a defect). A capacity written as a plain
   * integer with an SI suffix is read as a number when the volume is decoded and parsed into a
   * `Quantity` only here, on first use.
   *
   * @example
   * ```ts
   * new VolumeFacts().read(pv, texts).capacity?.toString(); // "10Gi"
   * ```
   */
  get capacity(): Quantity | undefined {
    if (!this.hasCapacity) return undefined;
    return (this.parsed ??= parseQuantity(this.capacityText));
  }

  /**
   * Decodes `pv` into this object (see {@link decodeVolume}) and returns it. Capacity texts are
   * parsed through `texts` (one parse per distinct text). Never throws.
   *
   * @example
   * ```ts
   * new VolumeFacts().read(pv, new CapacityTexts()).modesKey; // "RWO"
   * ```
   */
  read(pv: PersistentVolume, texts: CapacityTexts): this {
    this.reset(pv);
    const raw: unknown = pv;
    if (!isObject(raw)) return this.malformed("not an object");
    if (!isObject(raw.metadata)) return this.malformed("metadata is not an object");
    if (!isObject(raw.spec)) return this.malformed("spec is not an object");
    try {
      this.readFields(
        pv as PersistentVolume & { metadata: NonNullable<PersistentVolume["metadata"]>; spec: NonNullable<PersistentVolume["spec"]> },
        texts,
      );
    } catch (e) {
      this.reset(pv);
      this.malformed(errorText(e));
    }
    return this;
  }

  private readFields(
    pv: PersistentVolume & { metadata: NonNullable<PersistentVolume["metadata"]>; spec: NonNullable<PersistentVolume["spec"]> },
    texts: CapacityTexts,
  ): void {
    const meta = pv.metadata;
    // One pass over the spec's keys instead of a named read per field: an object made by spreading
    // (`{ ...pv.spec, claimRef }`) gets a hidden class of its own in V8, and each named read of such
    // an object misses every inline cache (~200 ns apiece), while `for…in` reads it through its
    // enumeration cache (~15 ns per key). Own and inherited enumerable keys are read, as named reads
    // of JSON objects would.
    let rawModes: unknown;
    let capacity: unknown;
    let storageClassName: unknown;
    let volumeMode: unknown;
    let vac: unknown;
    let claimRef: unknown;
    let nodeAffinity: unknown;
    const spec = pv.spec as unknown as Record<string, unknown>;
    for (const key in spec) {
      switch (key) {
        case "accessModes":
          rawModes = spec[key];
          break;
        case "capacity":
          capacity = spec[key];
          break;
        case "storageClassName":
          storageClassName = spec[key];
          break;
        case "volumeMode":
          volumeMode = spec[key];
          break;
        case "volumeAttributesClassName":
          vac = spec[key];
          break;
        case "claimRef":
          claimRef = spec[key];
          break;
        case "nodeAffinity":
          nodeAffinity = spec[key];
          break;
      }
    }
    if (rawModes != null && !Array.isArray(rawModes)) {
      this.malformed("spec.accessModes is not a list");
      return;
    }
    this.name = typeof meta.name === "string" ? meta.name : "";
    const modes: readonly string[] = (rawModes as string[] | null | undefined) ?? EMPTY_MODES;
    const bits = modeBitsOf(modes);
    this.accessModes = modes;
    this.modeBits = bits.bits;
    this.unknownModes = bits.unknown;
    this.modesKey = modesKeyOfBits(bits.bits);
    this.readCapacity(capacity, texts);
    // The helpers' rules on the values just read (two small objects of one shape each).
    this.class = volumeClass({ metadata: meta, spec: { storageClassName: storageClassName as string | undefined } });
    this.volumeMode = volumeModeOf({ spec: { volumeMode: volumeMode as string | undefined } });
    this.vac = typeof vac === "string" ? vac : "";
    this.labels = isObject(meta.labels) ? (meta.labels as Labels) : undefined;
    this.claimRef = (claimRef ?? undefined) as DecodedVolume["claimRef"];
    const status: unknown = pv.status;
    this.phase = isObject(status) && typeof status.phase === "string" ? status.phase : undefined;
    this.deleting = isDeleting(pv);
    const required: unknown = isObject(nodeAffinity) ? nodeAffinity.required : undefined;
    this.hasNodeAffinity = required != null;
    this.affinity = required != null ? (required as NodeSelector) : undefined;
  }

  private readCapacity(list: unknown, texts: CapacityTexts): void {
    const raw: unknown = isObject(list) && Object.hasOwn(list, "storage") ? list.storage : undefined;
    this.capacityMissing = raw == null;
    this.capacityText = raw == null ? "0" : String(raw);
    if (typeof raw === "string") {
      // The plain forms (almost every real capacity) need no parse and no table look-up.
      const n = quantityIntegerValue(raw);
      if (n >= 0) {
        this.hasCapacity = true;
        this.capKey = n;
        this.capExact = true;
        return;
      }
    }
    const info: CapacityInfo | string = texts.info(raw);
    if (typeof info === "string") {
      this.defect = {
        code: "capacity-malformed",
        message: `${this.name || "a volume"} has capacity "${this.capacityText}", which is not a valid quantity (${info})`,
      };
      return;
    }
    this.capacityInfo = info;
    this.parsed = info.quantity;
    this.hasCapacity = true;
    this.capKey = info.key;
    this.capExact = info.exact;
  }

  private reset(pv: PersistentVolume): void {
    this.pv = pv;
    this.name = "";
    this.parsed = undefined;
    this.hasCapacity = false;
    this.capKey = Number.NaN;
    this.capExact = false;
    this.capacityText = "";
    this.class = "";
    this.accessModes = EMPTY_MODES;
    this.modeBits = 0;
    this.unknownModes = false;
    this.modesKey = "";
    this.volumeMode = "Filesystem";
    this.vac = "";
    this.labels = undefined;
    this.claimRef = undefined;
    this.phase = undefined;
    this.deleting = false;
    this.hasNodeAffinity = false;
    this.affinity = undefined;
    this.defect = undefined;
    this.capacityInfo = undefined;
    this.capacityMissing = false;
  }

  /** A volume that can never match (shape errors): only its name is kept. */
  private malformed(message: string): this {
    const pv: unknown = this.pv;
    const meta = isObject(pv) && isObject(pv.metadata) ? pv.metadata : undefined;
    const name = meta && typeof meta.name === "string" ? meta.name : "";
    this.reset(this.pv);
    this.name = name;
    this.defect = { code: "malformed-volume", message: `${name || "a volume"} is malformed: ${message}` };
    return this;
  }
}

/**
 * Decodes a PersistentVolume for matching. Never throws: a malformed volume (not an object, no
 * `spec`, an unparsable capacity, ...) comes back with a `defect` and never passes the checks.
 * The result describes the volume as it is now; decoding again after an edit gives the new facts
 * (nothing is remembered between calls).
 *
 * @param pv - the volume (the Kubernetes JSON shape); not mutated, kept as `result.pv`.
 * @param texts - optional: parse capacity texts through this `CapacityTexts` (a caller
 *   decoding many volumes parses each distinct text once).
 * @returns the {@link DecodedVolume}.
 *
 * @example
 * ```ts
 * const d = decodeVolume({
 *   metadata: { name: "pv-1" },
 *   spec: { capacity: { storage: "10Gi" }, accessModes: ["ReadOnlyMany", "ReadWriteOnce"], storageClassName: "fast" },
 *   status: { phase: "Available" },
 * });
 * d.modesKey;             // "RWO,ROX"
 * d.capacity?.toString(); // "10Gi"
 * ```
 */
export function decodeVolume(pv: PersistentVolume, texts: CapacityTexts = new CapacityTexts()): DecodedVolume {
  return new VolumeFacts().read(pv, texts);
}

/** Marks a value {@link plainCopy} does not copy. */
const NOT_PLAIN: unique symbol = Symbol("not plain");

/**
 * A deep copy of plain JSON data (plain objects and dense arrays of strings, numbers, booleans
 * and null), as `structuredClone` makes it but without its cost; `NOT_PLAIN` for anything else
 * (then `structuredClone` decides).
 */
function plainCopy(x: unknown, depth: number): unknown {
  if (x === null || typeof x !== "object") return typeof x === "function" || typeof x === "symbol" ? NOT_PLAIN : x;
  if (depth > 32) return NOT_PLAIN;
  if (Array.isArray(x)) {
    if (Object.getPrototypeOf(x) !== Array.prototype || Object.keys(x).length !== x.length) return NOT_PLAIN;
    const out: unknown[] = [];
    for (const v of x) {
      const c = plainCopy(v, depth + 1);
      if (c === NOT_PLAIN) return NOT_PLAIN;
      out.push(c);
    }
    return out;
  }
  if (Object.getPrototypeOf(x) !== Object.prototype || Object.getOwnPropertySymbols(x).length > 0) return NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(x)) {
    if (k === "__proto__") return NOT_PLAIN;
    const c = plainCopy((x as Record<string, unknown>)[k], depth + 1);
    if (c === NOT_PLAIN) return NOT_PLAIN;
    out[k] = c;
  }
  return out;
}

function copyOf<T>(x: T): T {
  if (x === undefined || x === null || typeof x !== "object") return x;
  try {
    const plain = plainCopy(x, 0);
    if (plain !== NOT_PLAIN) return plain as T;
  } catch {
    // A throwing getter: structuredClone below throws too, and the value is kept as is.
  }
  try {
    return structuredClone(x);
  } catch {
    return x;
  }
}

/**
 * A decoded volume that no later in-place edit of its PV object can change: the sub-objects the
 * checks read (`labels`, `claimRef`, `affinity`) are copied. For objects that keep decoded volumes
 * across calls (`PoolExplainer`), so that they see each volume as of its last `upsert`.
 *
 * @example
 * ```ts
 * const d = decodeSnapshot(pv);
 * pv.metadata!.labels!.zone = "b"; // d.labels still says what it said
 * ```
 */
export function decodeSnapshot(pv: PersistentVolume, texts: CapacityTexts = new CapacityTexts()): DecodedVolume {
  const d = new VolumeFacts().read(pv, texts);
  d.labels = copyOf(d.labels);
  d.claimRef = copyOf(d.claimRef);
  d.affinity = copyOf(d.affinity);
  d.accessModes = Object.freeze([...d.accessModes]);
  return d;
}
