/**
 * The linear {@link CandidateSource}: one pass over a list of volumes, as Kubernetes' own loop does,
 * without an allocation per volume.
 *
 * @module
 */
import type { PersistentVolume } from "../api/index.js";
import { Quantity } from "../quantity/index.js";
import { modesKeyOfBits } from "./access-mode-bits.js";
import { CapacityTexts } from "./capacity-texts.js";
import type { CheckContext, MatchPath } from "./checks.js";
import { checkVolume, PRE_BOUND_FLAG } from "./checks.js";
import type { DecodedClaim } from "./decoded-claim.js";
import { type DecodedVolume, decodeVolume, VolumeFacts } from "./decoded-volume.js";
import type { CandidateSource } from "./search.js";

/** Per access-mode group (by mode bits) and overall (slot 16): the best candidate so far. */
const SLOTS = 17;
const ALL = 16;

/**
 * One pass over `volumes` for one claim and search: every volume is read into one scratch object
 * (capacity texts parsed once per distinct text) and checked with `checkVolume`; only the best
 * candidate of each access-mode group (controller path) or overall (scheduler path) and the
 * volumes pre-bound to the claim are remembered. Volumes with the same name: the last one in
 * `volumes` replaces the earlier ones (store semantics); detecting that costs nothing when names
 * ascend (kubectl and informer lists), else one map of names.
 *
 * @example
 * ```ts
 * const source = new LinearSource(pool, decodeClaim(pvc), checkContext({}), "controller");
 * searchController(decodeClaim(pvc), checkContext({}), source);
 * ```
 */
export class LinearSource implements CandidateSource {
  private readonly list: readonly PersistentVolume[];
  private readonly texts = new CapacityTexts();
  private readonly bestIndex = new Int32Array(SLOTS).fill(-1);
  private readonly bestKey = new Float64Array(SLOTS);
  private readonly bestExact = new Uint8Array(SLOTS);
  private readonly bestCapacity: (Quantity | undefined)[] = new Array(SLOTS).fill(undefined);
  private readonly bestName: string[] = new Array(SLOTS).fill("");
  private readonly preBound: DecodedVolume[] = [];

  constructor(
    volumes: Iterable<PersistentVolume>,
    c: DecodedClaim,
    ctx: CheckContext,
    private readonly path: MatchPath,
  ) {
    this.list = Array.isArray(volumes) ? (volumes as PersistentVolume[]) : [...volumes];
    if (!this.scan(c, ctx, undefined)) {
      // Names do not ascend: a later volume may replace an earlier one of the same name.
      const last = new Map<string, number>();
      const facts = new VolumeFacts();
      for (let i = 0; i < this.list.length; i++) last.set(facts.read(this.list[i]!, this.texts).name, i);
      this.reset();
      this.scan(c, ctx, last);
    }
  }

  private reset(): void {
    this.bestIndex.fill(-1);
    this.bestCapacity.fill(undefined);
    this.preBound.length = 0;
  }

  /** The pass; returns whether the names ascended strictly (then no name repeats). */
  private scan(c: DecodedClaim, ctx: CheckContext, last: Map<string, number> | undefined): boolean {
    const facts = new VolumeFacts();
    const list = this.list;
    let ascending = true;
    let prev: string | undefined;
    for (let i = 0; i < list.length; i++) {
      const v = facts.read(list[i]!, this.texts);
      if (last !== undefined && last.get(v.name) !== i) continue;
      if (prev !== undefined && !(prev < v.name)) ascending = false;
      prev = v.name;
      const mask = checkVolume(v, c, ctx, this.path);
      if ((mask & PRE_BOUND_FLAG) !== 0) this.preBound.push(decodeVolume(list[i]!, this.texts));
      else if (mask === 0) {
        this.offer(ALL, v, i);
        if (this.path === "controller") this.offer(v.modeBits, v, i);
      }
    }
    return ascending || last !== undefined;
  }

  private offer(slot: number, v: VolumeFacts, i: number): void {
    if (this.bestIndex[slot]! >= 0 && !this.beats(v, slot)) return;
    this.bestIndex[slot] = i;
    this.bestKey[slot] = v.capKey;
    this.bestExact[slot] = v.capExact ? 1 : 0;
    // An exact key is the capacity: the Quantity is needed only for inexact ones.
    this.bestCapacity[slot] = v.capExact ? undefined : v.capacity;
    this.bestName[slot] = v.name;
  }

  /** `isBetterCandidate(v, best of slot)` on the remembered fields. */
  private beats(v: VolumeFacts, slot: number): boolean {
    const key = this.bestKey[slot]!;
    if (v.capKey !== key) return v.capKey < key;
    const c = v.capExact && this.bestExact[slot] === 1 ? 0 : v.capacity!.cmp(this.bestCapacity[slot] ?? Quantity.fromValue(key));
    return c < 0 || (c === 0 && v.name < this.bestName[slot]!);
  }

  preBoundCandidates(): Iterable<DecodedVolume> {
    return this.preBound;
  }

  groupKeys(): Iterable<string> {
    const keys: string[] = [];
    for (let bits = 0; bits < ALL; bits++) if (this.bestIndex[bits]! >= 0) keys.push(modesKeyOfBits(bits));
    return keys;
  }

  bestUnbound(_c: DecodedClaim, _ctx: CheckContext, _path: MatchPath, key: string | undefined): DecodedVolume | undefined {
    let slot = ALL;
    if (key !== undefined) {
      slot = -1;
      for (let bits = 0; bits < ALL; bits++) if (modesKeyOfBits(bits) === key) slot = bits;
      if (slot < 0) return undefined;
    }
    const i = this.bestIndex[slot]!;
    return i < 0 ? undefined : decodeVolume(this.list[i]!, this.texts);
  }
}
