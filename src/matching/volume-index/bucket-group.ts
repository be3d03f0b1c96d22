/**
 * Bucket groups: the buckets sharing a storage class, volume mode and VolumeAttributesClass (all
 * a claim must equal exactly), keyed by access modes; and the table that finds a claim's group
 * with three map lookups on the claim's own strings (no key building per query).
 *
 * @module
 */
import { matchingGroupKeys } from "../access-mode-groups.js";
import type { Bucket } from "./bucket.js";

const KNOWN_MODES: readonly unknown[] = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"];

/**
 * The buckets of one (class, volume mode, VolumeAttributesClass), keyed by access-mode signature,
 * with the PV controller's group search order memoised per requested access modes.
 *
 * @example
 * ```ts
 * group.searchOrder(["ReadWriteOnce"]); // ["RWO", "RWO,ROX", ...] among the keys present
 * ```
 */
export class BucketGroup {
  readonly buckets = new Map<string, Bucket>();
  private order = new Map<string, readonly string[]>();

  constructor(
    readonly cls: string,
    readonly volumeMode: string,
    readonly vac: string,
  ) {}

  /**
   * The canonical access-mode keys of the buckets that offer every requested mode, in the PV
   * controller's search order (`matchingGroupKeys`: fewest modes first, then ascending key).
   *
   * @example
   * ```ts
   * group.searchOrder(["ReadOnlyMany"]); // e.g. ["ROX", "RWO,ROX"]
   * ```
   */
  searchOrder(requested: readonly string[], requestedKey: string): readonly string[] {
    // The canonical key identifies the request when every mode is a known one; otherwise the
    // request as written does (unknown modes match no group, but must not share a memo entry).
    const sig = requested.every((m) => KNOWN_MODES.includes(m)) ? requestedKey : `~${requested.join("\u0000")}`;
    let keys = this.order.get(sig);
    if (keys === undefined) {
      const all = new Set<string>();
      for (const b of this.buckets.values()) all.add(b.modesKey);
      keys = matchingGroupKeys(all, requested);
      this.order.set(sig, keys);
    }
    return keys;
  }

  /**
   * Forgets the memoised orders (a bucket was added or removed).
   *
   * @example
   * ```ts
   * group.changed();
   * ```
   */
  changed(): void {
    if (this.order.size > 0) this.order = new Map();
  }
}

/**
 * class → volume mode → VolumeAttributesClass → {@link BucketGroup}.
 *
 * @example
 * ```ts
 * const table = new GroupTable();
 * table.getOrCreate("fast", "Filesystem", "").buckets.size; // 0
 * ```
 */
export class GroupTable {
  private readonly byClass = new Map<string, Map<string, Map<string, BucketGroup>>>();

  /**
   * The group of a (class, volume mode, VAC), if it exists.
   *
   * @example
   * ```ts
   * table.get(c.class, c.volumeMode, c.vac);
   * ```
   */
  get(cls: string, volumeMode: string, vac: string): BucketGroup | undefined {
    return this.byClass.get(cls)?.get(volumeMode)?.get(vac);
  }

  /**
   * The group of a (class, volume mode, VAC), created when missing.
   *
   * @example
   * ```ts
   * table.getOrCreate(d.class, d.volumeMode, d.vac);
   * ```
   */
  getOrCreate(cls: string, volumeMode: string, vac: string): BucketGroup {
    let byMode = this.byClass.get(cls);
    if (byMode === undefined) {
      byMode = new Map();
      this.byClass.set(cls, byMode);
    }
    let byVac = byMode.get(volumeMode);
    if (byVac === undefined) {
      byVac = new Map();
      byMode.set(volumeMode, byVac);
    }
    let g = byVac.get(vac);
    if (g === undefined) {
      g = new BucketGroup(cls, volumeMode, vac);
      byVac.set(vac, g);
    }
    return g;
  }

  /**
   * Removes a group (when its last bucket is gone).
   *
   * @example
   * ```ts
   * if (group.buckets.size === 0) table.delete(group);
   * ```
   */
  delete(g: BucketGroup): void {
    const byMode = this.byClass.get(g.cls);
    const byVac = byMode?.get(g.volumeMode);
    if (byMode === undefined || byVac === undefined) return;
    byVac.delete(g.vac);
    if (byVac.size === 0) byMode.delete(g.volumeMode);
    if (byMode.size === 0) this.byClass.delete(g.cls);
  }

  /**
   * Every group.
   *
   * @example
   * ```ts
   * for (const g of table.groups()) console.log(g.cls, g.buckets.size);
   * ```
   */
  *groups(): IterableIterator<BucketGroup> {
    for (const byMode of this.byClass.values()) for (const byVac of byMode.values()) yield* byVac.values();
  }
}
