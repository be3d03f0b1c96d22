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
 * The key of what a claim's checks depend on besides its request: partition, access modes and
 * selector (as written).
 *
 * @internal
 * @example
 * ```ts
 * claimKindKey(decodeClaim(pvc));
 * ```
 */
export function claimKindKey(c: DecodedClaim): string {
  const s = (c.pvc.spec as { selector?: unknown } | undefined)?.selector;
  return `${partitionKey(c)}\u0000${c.modeBits}\u0000${c.unknownModes ? 1 : 0}\u0000${s == null ? "" : JSON.stringify(s)}`;
}

/**
 * A kind of claim: claims that every check treats alike except by their request.
 *
 * @internal
 * @example
 * ```ts
 * pool.kindOf(claim).types; // the volume types it may bind
 * ```
 */
export interface ClaimKind {
  readonly id: number;
  readonly rep: DecodedClaim;
  /** The (merged) volume types of its partition that pass every check but capacity. */
  readonly types: readonly VolumeType[];
}

/**
 * The free volumes of a snapshot for a known set of claims, filed for fast queries: by partition
 * (class, volume mode, VolumeAttributesClass — a claim binds only inside its own), then by volume
 * type (access modes × labels), types that every claim kind of the partition treats alike merged
 * into one {@link VolumeType} in candidate order. Every answer is decided by the matcher's
 * `checkVolume` on representatives: within a merged type the checks differ only by capacity.
 *
 * @internal
 * @example
 * ```ts
 * const pool = new FreePool(freeVolumes, freeClaims.map((c) => c.decoded));
 * const v = pool.smallestFree(claim);
 * if (v) pool.take(v.name);
 * ```
 */
export class FreePool {
  /** The merged types of each partition. */
  readonly partitions = new Map<string, VolumeType[]>();
  private readonly where = new Map<string, { type: VolumeType; at: number }>();
  readonly byName = new Map<string, DecodedVolume>();
  private readonly kinds = new Map<string, ClaimKind>();
  private readonly kindByClaim = new Map<DecodedClaim, ClaimKind>();

  constructor(volumes: readonly DecodedVolume[], claims: readonly DecodedClaim[]) {
    const memo = new Map<object, string>();
    const raw = new Map<string, DecodedVolume[][]>();
    const rawByKey = new Map<string, DecodedVolume[]>();
    for (const v of volumes) {
      this.byName.set(v.name, v);
      const p = partitionKey(v);
      const key = `${p}\u0000${v.modeBits}\u0000${labelsKey(v.labels, memo)}`;
      let t = rawByKey.get(key);
      if (t === undefined) {
        t = [];
        rawByKey.set(key, t);
        const list = raw.get(p);
        if (list === undefined) raw.set(p, [t]);
        else list.push(t);
      }
      t.push(v);
    }
    // The claim kinds of each partition.
    const kindReps = new Map<string, { key: string; rep: DecodedClaim }[]>();
    const kindKeyOf = new Map<DecodedClaim, string>();
    for (const c of claims) {
      const k = claimKindKey(c);
      kindKeyOf.set(c, k);
      if (this.kinds.has(k)) continue;
      this.kinds.set(k, undefined as never);
      const p = partitionKey(c);
      const list = kindReps.get(p);
      if (list === undefined) kindReps.set(p, [{ key: k, rep: c }]);
      else list.push({ key: k, rep: c });
    }
    let nextId = 0;
    for (const [p, reps] of kindReps) {
      const kindTypes: VolumeType[][] = reps.map(() => []);
      const merged = new Map<string, VolumeType>();
      const types: VolumeType[] = [];
      for (const vols of raw.get(p) ?? []) {
        const compat = reps.map((k) => compatibleButSize(k.rep, vols[0]!));
        if (!compat.some(Boolean)) continue;
        const sig = compat.map((b) => (b ? "1" : "0")).join("");
        let t = merged.get(sig);
        if (t === undefined) {
          t = new VolumeType();
          merged.set(sig, t);
          types.push(t);
          compat.forEach((b, i) => {
            if (b) kindTypes[i]!.push(t!);
          });
        }
        for (const v of vols) t.volumes.push(v);
      }
      for (const t of types) {
        t.seal();
        t.volumes.forEach((v, at) => this.where.set(v.name, { type: t, at }));
      }
      this.partitions.set(p, types);
      reps.forEach((k, i) => this.kinds.set(k.key, { id: nextId++, rep: k.rep, types: kindTypes[i]! }));
    }
    for (const c of claims) this.kindByClaim.set(c, this.kinds.get(kindKeyOf.get(c)!)!);
  }

  /** The kind of a claim the pool was built for (`undefined` for any other claim). */
  kindOf(c: DecodedClaim): ClaimKind | undefined {
    return this.kindByClaim.get(c);
  }

  /** The merged types whose volumes pass every check for the claim but capacity. */
  typesFor(c: DecodedClaim): readonly VolumeType[] {
    return this.kindByClaim.get(c)?.types ?? [];
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
