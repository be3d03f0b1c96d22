/**
 * The selector plan of a bucket query: which capacity-ordered posting lists to walk instead of
 * the whole bucket.
 *
 * @module
 */
import type { Selector } from "../../labels/index.js";
import type { Bucket } from "./bucket.js";
import type { OrderedEntries } from "./ordered-entries.js";

/**
 * The posting lists a selector query walks: every volume the selector can match is in one of
 * `lists` (so the smallest accepted entry over them is the answer), and `size` is their total
 * length. An empty plan means nothing in the bucket can match.
 *
 * @example
 * ```ts
 * const plan: SelectorPlan = { lists: [], size: 0 }; // nothing can match
 * ```
 */
export interface SelectorPlan {
  readonly lists: readonly OrderedEntries[];
  readonly size: number;
}

const EMPTY: SelectorPlan = { lists: [], size: 0 };

/** Rough cost of walking `n` lists of `size` entries in all: entries, plus a search per list. */
function cost(size: number, n: number): number {
  return size + 16 * n;
}

/**
 * Chooses the cheapest positive requirement of the selector — `key=value`, `key in (…)` or
 * `key` (exists) — and returns the bucket's posting lists for it: a volume matching the selector
 * must carry one of those label values, so it is in one of the lists. Returns `undefined` when
 * the selector has no positive requirement (only `!=`, `notin`, `!key`, `gt`, `lt`) or when the
 * cheapest plan is no smaller than the bucket itself: then the caller walks the bucket in
 * capacity order, checking the selector.
 *
 * @example
 * ```ts
 * planSelector(bucket, labelSelectorAsSelector({ matchLabels: { rack: "rack-07" } }));
 * // { lists: [<rack=rack-07 postings>], size: 61 }
 * ```
 */
export function planSelector(bucket: Bucket, selector: Selector): SelectorPlan | undefined {
  let best: SelectorPlan | undefined;
  for (const r of selector.requirements()) {
    const byValue = bucket.postings.get(r.key);
    let lists: OrderedEntries[];
    switch (r.operator) {
      case "=":
      case "==":
      case "in":
        lists = [];
        if (byValue !== undefined) {
          for (const v of r.values) {
            const s = byValue.get(v);
            if (s !== undefined) lists.push(s);
          }
        }
        break;
      case "exists":
        lists = byValue === undefined ? [] : [...byValue.values()];
        break;
      default:
        continue;
    }
    let size = 0;
    for (const s of lists) size += s.size;
    if (size === 0) return EMPTY;
    if (best === undefined || cost(size, lists.length) < cost(best.size, best.lists.length)) best = { lists, size };
  }
  if (best === undefined || cost(best.size, best.lists.length) >= bucket.all.size) return undefined;
  return best;
}
