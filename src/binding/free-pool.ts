/**
 * The unbound part of a snapshot as strategies other than `kubernetes` see it: the free volumes,
 * filed by everything the matcher's checks read, with Kubernetes' compatibility rule as queries.
 *
 * @module
 */
import { checkContext, checkVolume, type CheckContext } from "../matching/checks.js";
import type { DecodedClaim } from "../matching/decoded-claim.js";
import type { DecodedVolume } from "../matching/decoded-volume.js";
import { REASON_BITS } from "../matching/reason-code.js";
import { isBetterCandidate } from "../matching/search.js";

const B_TOO_SMALL = REASON_BITS["too-small"];

/** The PV controller's context: no node, binding not delayed (delayed claims never get here). */
const CONTROLLER: CheckContext = checkContext({});

/**
 * Compatibility of a free claim and a free volume: the matcher's `checkVolume` on the PV
 * controller's path finds nothing wrong (class, volume mode, access modes offered by the volume,
 * capacity, selector, phase, deletion, VolumeAttributesClass, claimRef).
 *
 * @internal
 * @example
 * ```ts
 * compatible(decodeClaim(pvc), decodeVolume(pv)); // true when pv may be bound to pvc
 * ```
 */
export function compatible(c: DecodedClaim, v: DecodedVolume): boolean {
  return checkVolume(v, c, CONTROLLER, "controller") === 0;
}

/**
 * Whether the volume passes every check for the claim except possibly its capacity.
 *
 * @internal
 * @example
 * ```ts
 * compatibleButSize(c, v); // true for a volume that only is too small
 * ```
 */
export function compatibleButSize(c: DecodedClaim, v: DecodedVolume): boolean {
  return (checkVolume(v, c, CONTROLLER, "controller") & ~B_TOO_SMALL) === 0;
}

/**
 * Orders decoded volumes as the matcher prefers them: smaller capacity first, then smaller name.
 *
 * @internal
 * @example
 * ```ts
 * volumes.sort(compareCandidates);
 * ```
 */
export function compareCandidates(a: DecodedVolume, b: DecodedVolume): number {
  return isBetterCandidate(a, b) ? -1 : isBetterCandidate(b, a) ? 1 : 0;
}

/**
 * Volumes that every claim check treats alike except by capacity (same class, volume mode,
 * VolumeAttributesClass, access modes and labels), in candidate order, with the ones taken so
 * far skipped in near-constant time.
 *
 * @internal
 * @example
 * ```ts
 * const v = type.firstFree(type.lowerBound(claim));
 * ```
 */
export class VolumeType {
  readonly volumes: DecodedVolume[] = [];
  private next: Int32Array = new Int32Array(0);

  /** The first volume of the type (every volume of a type answers the checks like it, capacity aside). */
  get rep(): DecodedVolume {
    return this.volumes[0]!;
  }

  /** Sorts the volumes and clears the taken marks. */
  seal(): void {
    this.volumes.sort(compareCandidates);
    this.next = new Int32Array(this.volumes.length + 1);
    for (let i = 0; i <= this.volumes.length; i++) this.next[i] = i;
  }

  /** The first position whose volume is large enough for the claim. */
  lowerBound(c: DecodedClaim): number {
    let lo = 0;
    let hi = this.volumes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compatible(c, this.volumes[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The first position ≥ `i` not taken (`volumes.length` when none). */
  firstFree(i: number): number {
    const next = this.next;
    let r = i;
    while (next[r] !== r) r = next[r]!;
    while (next[i] !== r) {
      const n = next[i]!;
      next[i] = r;
      i = n;
    }
    return r;
  }

  /** Marks position `i` taken. */
  take(i: number): void {
    this.next[i] = i + 1;
  }
}

function labelsKey(labels: Readonly<Record<string, string>> | undefined, memo: Map<object, string>): string {
  if (labels === undefined || labels === null || typeof labels !== "object") return "";
  let k = memo.get(labels);
  if (k === undefined) {
    k = JSON.stringify(
      Object.keys(labels)
        .sort()
        .map((key) => [key, labels[key]]),
    );
    memo.set(labels, k);
  }
  return k;
}

/**
 * The key of the claim-independent facts the checks read of a free volume, capacity aside.
 *
 * @internal
 * @example
 * ```ts
 * partitionKey(v); // "fast\u0000Filesystem\u0000"
 * ```
 */
export function partitionKey(x: { readonly class: string; readonly volumeMode: string; readonly vac: string }): string {
  return `${x.class}\u0000${x.volumeMode}\u0000${x.vac}`;
}

/**
 * The free volumes of a snapshot filed by partition (class, volume mode, VolumeAttributesClass —
 * a claim can only bind inside its own) and by {@link VolumeType}, for the queries of the
 * strategies: the smallest free compatible volume of a claim, and taking a volume.
 *
 * @internal
 * @example
 * ```ts
 * const pool = new FreePool(freeVolumes);
 * const v = pool.smallestFree(claim);
 * if (v) pool.take(v.name);
 * ```
 */
export class FreePool {
  readonly partitions = new Map<string, VolumeType[]>();
  private readonly where = new Map<string, { type: VolumeType; at: number }>();
  readonly byName = new Map<string, DecodedVolume>();

  constructor(volumes: readonly DecodedVolume[]) {
    const memo = new Map<object, string>();
    const types = new Map<string, VolumeType>();
    for (const v of volumes) {
      this.byName.set(v.name, v);
      const p = partitionKey(v);
      const key = `${p}\u0000${v.modeBits}\u0000${labelsKey(v.labels, memo)}`;
      let t = types.get(key);
      if (t === undefined) {
        t = new VolumeType();
        types.set(key, t);
        const list = this.partitions.get(p);
        if (list === undefined) this.partitions.set(p, [t]);
        else list.push(t);
      }
      t.volumes.push(v);
    }
    for (const t of types.values()) {
      t.seal();
      t.volumes.forEach((v, at) => this.where.set(v.name, { type: t, at }));
    }
  }

  /** The types of the claim's partition whose volumes pass every check but capacity. */
  typesFor(c: DecodedClaim): VolumeType[] {
    const list = this.partitions.get(partitionKey(c)) ?? [];
    return list.filter((t) => compatibleButSize(c, t.rep));
  }

  /** The smallest (then first by name) free volume compatible with the claim. */
  smallestFree(c: DecodedClaim): DecodedVolume | undefined {
    let best: DecodedVolume | undefined;
    for (const t of this.typesFor(c)) {
      const i = t.firstFree(t.lowerBound(c));
      if (i >= t.volumes.length) continue;
      const v = t.volumes[i]!;
      if (best === undefined || isBetterCandidate(v, best)) best = v;
    }
    return best;
  }

  /** Whether the volume is free (in the pool and not taken). */
  isFree(name: string): boolean {
    const w = this.where.get(name);
    return w !== undefined && w.type.firstFree(w.at) === w.at;
  }

  /** Takes the volume out of the pool. */
  take(name: string): void {
    const w = this.where.get(name);
    if (w !== undefined) w.type.take(w.at);
  }
}
