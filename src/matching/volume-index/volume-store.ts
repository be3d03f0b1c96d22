/**
 * The `VolumeIndex`'s volumes as a struct of arrays: volume number (slot) → typed arrays of what
 * the index files and checks, with the facts shared by many volumes (signatures, capacities,
 * label sets, node affinities) interned by content. What the store holds of a volume is a
 * snapshot taken at its last `upsert`: strings are immutable, and every object the checks read is
 * a copy.
 *
 * @module
 */
import type { PersistentVolume } from "../../api/index.js";
import { parseAccessModesKey } from "../../api/helpers/index.js";
import type { Labels, NodeSelector, NodeSelectorMatcher } from "../../labels/index.js";
import { compileNodeSelector } from "../../labels/index.js";
import { Quantity } from "../../quantity/index.js";
import type { CapacityInfo, CapacityTexts } from "../capacity-texts.js";
import type { DecodedVolume, VolumeDefect } from "../decoded-volume.js";
import { nameOrderKey } from "./name-key.js";
import { type NodePin, nodePinOf } from "./node-pin.js";

/**
 * The claim-independent facts many volumes share: everything `checkVolume` reads of a volume
 * except its name, capacity, labels, claimRef and node affinity.
 *
 * @example
 * ```ts
 * const s: Signature = store.signatures[store.sigOf(slot)]!;
 * ```
 */
export interface Signature {
  readonly id: number;
  readonly cls: string;
  readonly volumeMode: string;
  readonly vac: string;
  readonly accessModes: readonly string[];
  readonly modeBits: number;
  readonly unknownModes: boolean;
  readonly modesKey: string;
  readonly phase: string | undefined;
  readonly deleting: boolean;
  readonly defect: VolumeDefect | undefined;
}

/**
 * A node affinity (`spec.nodeAffinity.required`), interned: a copy of the selector, its compiled
 * form and its node pin (see `nodePinOf`).
 *
 * @example
 * ```ts
 * const a: Affinity = store.affinities[store.affinityIdOf(slot)]!;
 * ```
 */
export interface Affinity {
  readonly required: NodeSelector;
  readonly matcher: NodeSelectorMatcher;
  readonly pin: NodePin | undefined;
}

/** Flag bits per slot. */
export const F_LIVE = 1;
export const F_CLAIMED = 2;
export const F_MATCHABLE = 4;
export const F_PREBOUND_BY_NAME = 8;
export const F_CAPACITY_MISSING = 16;
/** The capacity key is exactly the capacity (then `capId` may be −1: the key is the value). */
export const F_EXACT = 32;

/** Bytes of one slot's record (see `VolumeStore`): aligned, so a record never spans two cache lines. */
const RECORD_BYTES = 32;
const KEY_STRIDE = RECORD_BYTES / 8;
const INT_STRIDE = RECORD_BYTES / 4;
/** Positions of the integers in a record (0–1 hold the capacity key). */
const I_SIG = 2;
const I_CAP = 3;
const I_LABELS = 4;
const I_AFFINITY = 5;
const I_FLAGS = 6;

function contentKey(x: unknown): string | undefined {
  try {
    return JSON.stringify(x);
  } catch {
    return undefined;
  }
}

function copyOf<T>(x: T): T {
  try {
    return structuredClone(x);
  } catch {
    return x;
  }
}

/** The content key of a label map: its entries in key order (own enumerable properties). */
function labelsKey(labels: Labels): string | undefined {
  const keys = Object.keys(labels);
  if (keys.length === 0) return "";
  keys.sort();
  let out = "";
  for (const k of keys) {
    const v: unknown = labels[k];
    if (typeof v !== "string") return contentKey(Object.fromEntries(keys.map((x) => [x, labels[x]])));
    out += `${k.length}:${k}=${v.length}:${v};`;
  }
  return out;
}

/**
 * The slots and their interned facts. Slots are reused after a delete; `order*` keep insertion
 * order for iteration.
 *
 * @example
 * ```ts
 * const store = new VolumeStore(1024, new CapacityTexts());
 * const slot = store.allocate();
 * ```
 */
export class VolumeStore {
  names: string[] = [];
  pvs: PersistentVolume[] = [];
  /**
   * The numbers of every slot in one record of {@link RECORD_BYTES} bytes (one cache line holds
   * two): the capacity key as a double, then the signature, capacity and label-set ids, the
   * affinity id and the flags as 32-bit integers. A query or an update reads all of a volume's
   * numbers with one memory access instead of one per array. `keys` and `ints` view the same
   * buffer; read them through the accessors (`sigOf`, `setSig`, …).
   */
  private keys: Float64Array;
  private ints: Int32Array;
  /** The claimRef of claimed slots as strings (`""` when the slot has none). */
  refNamespace: string[] = [];
  refName: string[] = [];
  refUid: string[] = [];
  /** Insertion order: a doubly linked list over slots. */
  private prev: Int32Array;
  private nextInOrder: Int32Array;
  private head = -1;
  private tail = -1;
  private free: number[] = [];
  private capacitySlots: number;
  private high = 0;

  /** Interned facts (index 0 of `labelSets` and `affinities` means "none"). */
  readonly capacities: readonly CapacityInfo[];
  readonly signatures: Signature[] = [];
  private readonly signatureIds = new Map<string, number>();
  /** Signature ids by (class, VAC) then (volume mode, phase, access modes, deletion): small-integer keys, no string per volume. */
  private readonly signatureTable = new Map<number, Int32Array>();
  /** Small ids of the strings signatures are made of (their numeric key avoids a string per volume). */
  private readonly fieldIds = new Map<string, number>();
  readonly labelSets: (Labels | undefined)[] = [undefined];
  /** The number of keys of each interned label set (an update compares against it without listing the keys). */
  private readonly labelSetSizes: number[] = [0];
  private readonly labelIds = new Map<string, number>();
  readonly affinities: (Affinity | undefined)[] = [undefined];
  private readonly affinityIds = new Map<string, number>();

  constructor(
    expected: number,
    /** The capacity texts the owner parses with: a slot's `capId` is a `CapacityInfo.id` of it. */
    readonly texts: CapacityTexts,
  ) {
    this.capacities = texts.list;
    const n = Math.max(16, expected);
    // Sized once: growing a million-entry array by appends copies it ~20 times.
    this.names = new Array<string>(n).fill("");
    this.pvs = new Array<PersistentVolume>(n);
    this.refNamespace = new Array<string>(n).fill("");
    this.refName = new Array<string>(n).fill("");
    this.refUid = new Array<string>(n).fill("");
    this.capacitySlots = n;
    const records = new ArrayBuffer(n * RECORD_BYTES);
    this.keys = new Float64Array(records);
    this.ints = new Int32Array(records);
    this.prev = new Int32Array(n);
    this.nextInOrder = new Int32Array(n);
  }

  /**
   * A free slot, linked at the end of the insertion order.
   *
   * @example
   * ```ts
   * const slot = store.allocate();
   * ```
   */
  allocate(): number {
    const slot = this.free.length > 0 ? this.free.pop()! : this.high++;
    if (slot >= this.capacitySlots) this.grow(slot + 1);
    this.prev[slot] = this.tail;
    this.nextInOrder[slot] = -1;
    if (this.tail >= 0) this.nextInOrder[this.tail] = slot;
    else this.head = slot;
    this.tail = slot;
    return slot;
  }

  /**
   * Frees a slot (unlinks it from the insertion order).
   *
   * @example
   * ```ts
   * store.release(slot);
   * ```
   */
  release(slot: number): void {
    const p = this.prev[slot]!;
    const n = this.nextInOrder[slot]!;
    if (p >= 0) this.nextInOrder[p] = n;
    else this.head = n;
    if (n >= 0) this.prev[n] = p;
    else this.tail = p;
    this.setFlags(slot, 0);
    this.pvs[slot] = undefined as unknown as PersistentVolume;
    this.names[slot] = "";
    this.refName[slot] = "";
    this.refNamespace[slot] = "";
    this.refUid[slot] = "";
    this.free.push(slot);
  }

  /**
   * The live slots in insertion order.
   *
   * @example
   * ```ts
   * for (const slot of store.slots()) console.log(store.names[slot]);
   * ```
   */
  *slots(): IterableIterator<number> {
    for (let s = this.head; s >= 0; s = this.nextInOrder[s]!) yield s;
  }

  private grow(min: number): void {
    let n = this.capacitySlots;
    while (n < min) n *= 2;
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const records = new ArrayBuffer(n * RECORD_BYTES);
    const keys = new Float64Array(records);
    keys.set(this.keys);
    this.keys = keys;
    this.ints = new Int32Array(records);
    this.prev = i32(this.prev);
    this.nextInOrder = i32(this.nextInOrder);
    this.capacitySlots = n;
  }

  /** The capacity key of a slot (the nearest double to its capacity). */
  capKeyOf(slot: number): number {
    return this.keys[slot * KEY_STRIDE]!;
  }
  setCapKey(slot: number, key: number): void {
    this.keys[slot * KEY_STRIDE] = key;
  }
  /** The order key of a slot's name (see `nameOrderKey`; computed from the name, which the caller usually has at hand). */
  nameKeyOf(slot: number): number {
    return nameOrderKey(this.names[slot]!);
  }
  /** Sets a slot's name. */
  setName(slot: number, name: string): void {
    this.names[slot] = name;
  }
  /** The signature id of a slot. */
  sigOf(slot: number): number {
    return this.ints[slot * INT_STRIDE + I_SIG]!;
  }
  setSig(slot: number, id: number): void {
    this.ints[slot * INT_STRIDE + I_SIG] = id;
  }
  /** The `CapacityInfo` id of a slot's capacity (−1: the key is the value). */
  capIdOf(slot: number): number {
    return this.ints[slot * INT_STRIDE + I_CAP]!;
  }
  setCapId(slot: number, id: number): void {
    this.ints[slot * INT_STRIDE + I_CAP] = id;
  }
  /** The label-set id of a slot (0: no labels). */
  labelIdOf(slot: number): number {
    return this.ints[slot * INT_STRIDE + I_LABELS]!;
  }
  setLabelId(slot: number, id: number): void {
    this.ints[slot * INT_STRIDE + I_LABELS] = id;
  }
  /** The node-affinity id of a slot (0: none). */
  affinityIdOf(slot: number): number {
    return this.ints[slot * INT_STRIDE + I_AFFINITY]!;
  }
  setAffinityId(slot: number, id: number): void {
    this.ints[slot * INT_STRIDE + I_AFFINITY] = id;
  }
  /** The flag bits of a slot (`F_*`). */
  flagsOf(slot: number): number {
    return this.ints[slot * INT_STRIDE + I_FLAGS]!;
  }
  setFlags(slot: number, flags: number): void {
    this.ints[slot * INT_STRIDE + I_FLAGS] = flags;
  }

  /**
   * The id of a decoded volume's signature.
   *
   * @example
   * ```ts
   * store.signatureId(decodeVolume(pv));
   * ```
   */
  signatureId(v: DecodedVolume): number {
    let row: Int32Array | undefined;
    let col = -1;
    if (!v.unknownModes && v.defect === undefined) {
      // The common values compare as constants; others go through the field table.
      const cls = this.fieldId(v.class);
      const vac = v.vac === "" ? 0 : this.fieldId(v.vac) + 1;
      const mode = v.volumeMode === "Filesystem" ? 0 : v.volumeMode === "Block" ? 1 : this.fieldId(v.volumeMode) + 2;
      const phase = phaseCode(v.phase, this);
      if (cls < 1 << 16 && vac < 1 << 12 && mode < 1 << 4 && phase < 1 << 4) {
        const k = cls * 4096 + vac;
        row = this.signatureTable.get(k);
        if (row === undefined) this.signatureTable.set(k, (row = new Int32Array(1 << 13).fill(-1)));
        col = ((mode * 16 + phase) * 16 + v.modeBits) * 2 + (v.deleting ? 1 : 0);
        const known = row[col]!;
        if (known >= 0) return known;
      }
    }
    const id = this.newSignatureId(v);
    if (row !== undefined) row[col] = id;
    return id;
  }

  /** The id of a signature not found in the table: by its full string key (made once per signature). */
  private newSignatureId(v: DecodedVolume): number {
    const key = this.signatureKey(v);
    let id = this.signatureIds.get(key);
    if (id === undefined) {
      id = this.signatures.length;
      this.signatures.push(
        Object.freeze({
          id,
          cls: v.class,
          volumeMode: v.volumeMode,
          vac: v.vac,
          accessModes: Object.freeze(v.unknownModes ? [...v.accessModes] : parseAccessModesKey(v.modesKey)),
          modeBits: v.modeBits,
          unknownModes: v.unknownModes,
          modesKey: v.modesKey,
          phase: v.phase,
          deleting: v.deleting,
          defect: v.defect === undefined ? undefined : Object.freeze({ code: v.defect.code, message: v.defect.message }),
        }),
      );
      this.signatureIds.set(key, id);
    }
    return id;
  }

  /** A field's small id (0, 1, 2, … in order of first use). */
  fieldId(text: string): number {
    let id = this.fieldIds.get(text);
    if (id === undefined) this.fieldIds.set(text, (id = this.fieldIds.size));
    return id;
  }

  /** The full key of a signature. */
  private signatureKey(v: DecodedVolume): string {
    const raw = v.unknownModes ? JSON.stringify(v.accessModes.map((m) => (typeof m === "string" ? m : `\0${String(m)}`))) : "";
    return `${v.class}\0${v.volumeMode}\0${v.vac}\0${v.modeBits}\0${raw}\0${v.phase ?? "\u0001"}\0${v.deleting ? 1 : 0}\0${v.defect?.code ?? ""}`;
  }

  /**
   * The id of a label map (0: none), interned by content as a frozen copy.
   *
   * @example
   * ```ts
   * store.labelSetId({ zone: "a" }) === store.labelSetId({ zone: "a" }); // true
   * ```
   */
  labelSetId(labels: Labels | undefined): number {
    if (labels === undefined) return 0;
    const key = labelsKey(labels);
    if (key === undefined) {
      const copy = Object.freeze(copyOf({ ...labels }));
      this.labelSets.push(copy);
      this.labelSetSizes.push(Object.keys(copy).length);
      return this.labelSets.length - 1;
    }
    let id = this.labelIds.get(key);
    if (id === undefined) {
      id = this.labelSets.length;
      const copy = Object.freeze({ ...labels });
      this.labelSets.push(copy);
      this.labelSetSizes.push(Object.keys(copy).length);
      this.labelIds.set(key, id);
    }
    return id;
  }

  /**
   * Whether label set `id` has exactly the content of `labels` (own keys and values).
   *
   * @example
   * ```ts
   * store.labelSetIs(store.labelSetId({ zone: "a" }), { zone: "a" }); // true
   * ```
   */
  labelSetIs(id: number, labels: Labels | undefined): boolean {
    const known = this.labelSets[id];
    if (known === undefined || labels === undefined) return known === labels;
    let n = 0;
    for (const k in labels) {
      if (!Object.hasOwn(labels, k)) continue;
      if (!Object.hasOwn(known, k) || known[k] !== labels[k]) return false;
      n++;
    }
    return n === this.labelSetSizes[id];
  }

  /**
   * Whether affinity `id` has exactly the content of `required` (a structural comparison of JSON
   * values).
   *
   * @example
   * ```ts
   * store.affinityIs(store.internAffinity(required), structuredClone(required)); // true
   * ```
   */
  affinityIs(id: number, required: NodeSelector | undefined): boolean {
    const known = this.affinities[id];
    if (known === undefined || required === undefined) return known === undefined && required === undefined;
    return sameJson(known.required, required, 0);
  }

  /**
   * The id of a node affinity (0: none), interned by content with its compiled form and pin.
   *
   * @example
   * ```ts
   * store.internAffinity(decodeVolume(localPv).affinity);
   * ```
   */
  internAffinity(required: NodeSelector | undefined): number {
    if (required === undefined) return 0;
    const key = contentKey(required);
    let id = key === undefined ? undefined : this.affinityIds.get(key);
    if (id === undefined) {
      const copy = copyOf(required);
      let matcher: NodeSelectorMatcher;
      try {
        matcher = compileNodeSelector(copy);
      } catch {
        matcher = compileNodeSelector({ nodeSelectorTerms: [] });
      }
      id = this.affinities.length;
      this.affinities.push({ required: copy, matcher, pin: nodePinOf(copy) });
      if (key !== undefined) this.affinityIds.set(key, id);
    }
    return id;
  }

  /**
   * The capacity of a slot: its interned `CapacityInfo`, or — for a capacity read as a plain
   * integer (`capId` −1) — one made from the key.
   *
   * @example
   * ```ts
   * store.capacityOf(slot).quantity.toString();
   * ```
   */
  capacityOf(slot: number): CapacityInfo {
    const id = this.capIdOf(slot);
    if (id >= 0) return this.capacities[id]!;
    const key = this.capKeyOf(slot);
    return { quantity: Quantity.fromValue(key), key, exact: true, id: -1 };
  }

  /**
   * What the checks read of a slot, as a {@link DecodedVolume} (a new object; the index builds one
   * only for the volumes it proposes or verifies).
   *
   * @example
   * ```ts
   * checkVolume(store.facts(slot), c, ctx, "controller");
   * ```
   */
  facts(slot: number): DecodedVolume {
    return new SlotFacts(this, slot);
  }
}

/** The phase part of a signature's table key: 1–5 for the five phases, 0 for none, 6+ for others. */
function phaseCode(phase: string | undefined, store: VolumeStore): number {
  switch (phase) {
    case undefined:
      return 0;
    case "Available":
      return 1;
    case "Bound":
      return 2;
    case "Released":
      return 3;
    case "Pending":
      return 4;
    case "Failed":
      return 5;
    default:
      return 6 + store.fieldId(phase);
  }
}

/**
 * The store's snapshot of one slot as a {@link DecodedVolume}, read lazily: a check reads only the
 * arrays it needs (the volume's arrays live apart, so every field read first is a cache miss at a
 * million volumes). `capacityText` is the canonical form of the capacity (the index does not keep
 * the text as written).
 */
class SlotFacts implements DecodedVolume {
  private quantity: Quantity | undefined = undefined;
  private s: Signature | undefined = undefined;

  constructor(
    private readonly store: VolumeStore,
    private readonly slot: number,
  ) {}

  private get signature(): Signature {
    return (this.s ??= this.store.signatures[this.store.sigOf(this.slot)]!);
  }

  get pv(): PersistentVolume {
    return this.store.pvs[this.slot]!;
  }
  get name(): string {
    return this.store.names[this.slot]!;
  }
  get capKey(): number {
    return this.signature.defect === undefined ? this.store.capKeyOf(this.slot) : Number.NaN;
  }
  get capExact(): boolean {
    return this.signature.defect === undefined && (this.store.flagsOf(this.slot) & F_EXACT) !== 0;
  }
  get capacity(): Quantity | undefined {
    if (this.signature.defect !== undefined) return undefined;
    return (this.quantity ??= this.store.capacityOf(this.slot).quantity);
  }
  get capacityText(): string {
    return this.capacity?.toString() ?? "";
  }
  get class(): string {
    return this.signature.cls;
  }
  get accessModes(): readonly string[] {
    return this.signature.accessModes;
  }
  get modeBits(): number {
    return this.signature.modeBits;
  }
  get unknownModes(): boolean {
    return this.signature.unknownModes;
  }
  get modesKey(): string {
    return this.signature.modesKey;
  }
  get volumeMode(): string {
    return this.signature.volumeMode;
  }
  get vac(): string {
    return this.signature.vac;
  }
  get labels(): DecodedVolume["labels"] {
    return this.store.labelSets[this.store.labelIdOf(this.slot)];
  }
  get claimRef(): DecodedVolume["claimRef"] {
    const st = this.store;
    const slot = this.slot;
    return (st.flagsOf(slot) & F_CLAIMED) !== 0
      ? { namespace: st.refNamespace[slot]!, name: st.refName[slot]!, uid: st.refUid[slot]! }
      : undefined;
  }
  get phase(): string | undefined {
    return this.signature.phase;
  }
  get deleting(): boolean {
    return this.signature.deleting;
  }
  get hasNodeAffinity(): boolean {
    return this.store.affinityIdOf(this.slot) !== 0;
  }
  get affinity(): DecodedVolume["affinity"] {
    return this.store.affinities[this.store.affinityIdOf(this.slot)]?.required;
  }
  get defect(): DecodedVolume["defect"] {
    return this.signature.defect;
  }
}

/** Structural equality of JSON-like values (own enumerable keys; bounded depth). */
function sameJson(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || depth > 32) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return true;
}
