/**
 * An explainer's pool in the shape its scans read: the unique decoded volumes with, per volume, the
 * numbers the checks and the rankings need (signature, capacity key, claimRef, label and affinity
 * content ids, name rank) in flat arrays.
 *
 * @module
 */
import type { DecodedVolume } from "../decoded-volume.js";
import { MaskTally } from "./mask-tally.js";

/**
 * A volume's *signature*: the decoded fields that the claim-independent part of `checkVolume`
 * reads for a claim that no volume is pre-bound to (defect, access modes, volume mode,
 * VolumeAttributesClass, deletion, phase, class). Volumes with equal signatures pass or fail those
 * checks together.
 *
 * @example
 * ```ts
 * signatureOf(decodeVolume(pv)); // '["","RWO",1,false,"Filesystem","",false,"Available","fast"]'
 * ```
 */
export function signatureOf(v: DecodedVolume): string {
  // The raw modes matter only for claims requesting unknown strings, which take the per-volume path.
  return JSON.stringify([
    v.defect?.code ?? "",
    v.modesKey,
    v.modeBits,
    v.unknownModes,
    v.volumeMode,
    v.vac,
    v.deleting,
    v.phase ?? null,
    v.class,
  ]);
}

/** A content key of a JSON-like value, or `undefined` when it has none (cycles, bigint). */
function contentKey(x: unknown): string | undefined {
  try {
    return JSON.stringify(x) ?? "u";
  } catch {
    return undefined;
  }
}

/**
 * The arrays of one pool, built from its unique decoded volumes (any order). Ids are by content:
 * two volumes share a label id iff their labels serialise alike, an affinity id iff their
 * `nodeAffinity.required` does (0: none) — so a verdict memoised per id is the verdict of every
 * volume with that id.
 *
 * @example
 * ```ts
 * const snap = new PoolSnapshot(volumes.map((pv) => decodeVolume(pv)));
 * snap.vols.length;
 * ```
 */
export class PoolSnapshot {
  readonly vols: readonly DecodedVolume[];
  readonly byName = new Map<string, DecodedVolume>();
  readonly indexByName = new Map<string, number>();
  /** Per volume: its signature id; per signature id: one volume that has it. */
  readonly signature: Int32Array;
  readonly signatureVolume: DecodedVolume[] = [];
  readonly signatures: number;
  /** Per volume: `capKey` (NaN without a capacity) and whether `claimRef` is set. */
  readonly capacityKey: Float64Array;
  readonly hasClaimRef: Uint8Array;
  /** Per volume: its affinity content id (0: no required node affinity). */
  readonly affinity: Int32Array;
  /** Per volume: its labels content id; the number of ids. */
  readonly labelOf: Int32Array;
  readonly labels: number;
  /** Volume indexes sorted by name, and each volume's position in that order. */
  readonly order: Int32Array;
  readonly rank: Int32Array;
  /** Scratch tallies for the scans of this pool (all volumes, the claim's class); empty between scans. */
  readonly tallies: readonly [MaskTally, MaskTally];

  constructor(vols: readonly DecodedVolume[]) {
    const n = vols.length;
    this.vols = vols;
    this.tallies = [new MaskTally(n), new MaskTally(n)];
    this.signature = new Int32Array(n);
    this.capacityKey = new Float64Array(n);
    this.hasClaimRef = new Uint8Array(n);
    this.affinity = new Int32Array(n);
    this.labelOf = new Int32Array(n);
    const sigIds = new Map<string, number>();
    const labelIds = new Map<string, number>();
    const affinityIds = new Map<string, number>();
    let opaque = 0;
    for (let i = 0; i < n; i++) {
      const v = vols[i]!;
      this.byName.set(v.name, v);
      this.indexByName.set(v.name, i);
      const sig = signatureOf(v);
      let s = sigIds.get(sig);
      if (s === undefined) {
        sigIds.set(sig, (s = sigIds.size));
        this.signatureVolume[s] = v;
      }
      this.signature[i] = s;
      this.capacityKey[i] = v.capKey;
      this.hasClaimRef[i] = v.claimRef !== undefined ? 1 : 0;
      const lk = contentKey(v.labels) ?? `\0opaque${opaque++}`;
      let l = labelIds.get(lk);
      if (l === undefined) labelIds.set(lk, (l = labelIds.size));
      this.labelOf[i] = l;
      if (v.affinity !== undefined) {
        const ak = contentKey(v.affinity) ?? `\0opaque${opaque++}`;
        let a = affinityIds.get(ak);
        if (a === undefined) affinityIds.set(ak, (a = affinityIds.size + 1));
        this.affinity[i] = a;
      }
    }
    this.signatures = sigIds.size;
    this.labels = labelIds.size;
    this.order = Int32Array.from(vols.keys()).sort((a, b) => (vols[a]!.name < vols[b]!.name ? -1 : vols[a]!.name > vols[b]!.name ? 1 : 0));
    this.rank = new Int32Array(n);
    for (let r = 0; r < n; r++) this.rank[this.order[r]!] = r;
  }

  /**
   * The index of a volume of this snapshot (−1: not in it).
   *
   * @example
   * ```ts
   * snap.indexOf(snap.vols[0]!); // 0
   * ```
   */
  indexOf(v: DecodedVolume): number {
    const i = this.indexByName.get(v.name);
    return i !== undefined && this.vols[i] === v ? i : -1;
  }
}
