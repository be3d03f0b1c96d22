/**
 * The VolumeIndex's lean record of one volume, and the exact (capacity, name) order the index's
 * structures keep.
 *
 * @module
 */
import type { PersistentVolume } from "../../api/index.js";
import type { Labels } from "../../labels/index.js";
import type { Quantity } from "../../quantity/index.js";
import type { DecodedVolume } from "../decoded-volume.js";
import type { NodePin } from "./node-pin.js";

/**
 * One indexed volume: what the index's structures need to order and filter it without
 * re-decoding, and nothing more (a million of these must stay small).
 *
 * - `cap`: the nearest double of the capacity — monotone in the exact value, so unequal `cap`s
 *   decide the order; equal ones fall back to the exact `capacity` (`Quantity.cmp`).
 * - `capacity`: the exact capacity (interned: volumes with the same capacity text share one
 *   object); `undefined` for a volume whose capacity could not be parsed (never in a structure).
 * - `labels`: `metadata.labels` when it is an object (the claim selector's input).
 * - `pin`: the node-label pin of `spec.nodeAffinity.required`, if it has one.
 * - `bucket`: the capacity-ordered bucket holding the volume while it is matchable.
 * - `flags`: what the index counts the volume as (bit flags; one says it has a node affinity).
 *
 * @example
 * ```ts
 * const e = new VolumeEntry(pv, "pv-1", 1073741824, parseQuantity("1Gi"), undefined, undefined);
 * ```
 */
export class VolumeEntry {
  /** The bucket holding this entry while it is matchable (set by the index). */
  bucket: object | undefined = undefined;
  /** What the entry counts as in the index's stats (bit flags, set by the index). */
  flags = 0;
  /** The decoded volume, kept once a query has verified or inspected this volume. */
  decoded: DecodedVolume | undefined = undefined;

  /** Flag bit: the volume has `spec.nodeAffinity.required`. */
  static readonly HAS_AFFINITY = 1 << 30;
  /** Flag bit: `cap` is exactly the capacity (see `VolumeDecoder.isExact`). */
  static readonly EXACT = 1 << 29;

  constructor(
    public pv: PersistentVolume,
    readonly name: string,
    readonly cap: number,
    readonly capacity: Quantity | undefined,
    public labels: Labels | undefined,
    readonly pin: NodePin | undefined,
  ) {}

  /**
   * Points the entry at a newer version of its volume that sorts and files identically (same
   * capacity, labels, pin, bucket, claim): an update that changes nothing the index keys on costs
   * no structure operation.
   *
   * @example
   * ```ts
   * entry.rebind(newerPv, newerPv.metadata.labels);
   * ```
   */
  rebind(pv: PersistentVolume, labels: Labels | undefined): void {
    this.pv = pv;
    this.labels = labels;
    this.decoded = undefined;
  }
}

/**
 * The index order: capacity ascending (exact), then name ascending (UTF-16 code units, as the
 * reference functions break ties). Entries in structures always have a capacity.
 *
 * @example
 * ```ts
 * [big, small].sort(compareEntries); // [small, big]
 * ```
 */
export function compareEntries(a: VolumeEntry, b: VolumeEntry): number {
  if (a.cap !== b.cap) return a.cap < b.cap ? -1 : 1;
  if (a.capacity !== b.capacity && (a.flags & b.flags & VolumeEntry.EXACT) === 0) {
    const c = a.capacity!.cmp(b.capacity!);
    if (c !== 0) return c;
  }
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Compares an entry's capacity with a request (`cap` = the request's nearest double): negative
 * when the entry is smaller than the request.
 *
 * @example
 * ```ts
 * compareToRequest(entry, request.toNumber(), request) >= 0; // the entry is large enough
 * ```
 */
export function compareToRequest(e: VolumeEntry, cap: number, request: Quantity): number {
  if (e.cap !== cap) return e.cap < cap ? -1 : 1;
  return e.capacity!.cmp(request);
}
