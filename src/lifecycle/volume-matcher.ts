/**
 * The claim worker's volume search, linear or through a {@link VolumeIndex} kept in step with a
 * driver's cluster.
 *
 * @module
 */
import type { PersistentVolumeClaim } from "../api/index.js";
import type { StoredClaim, StoredVolume } from "./stored.js";
import { findBestMatchForClaim, VolumeIndex } from "../matching/index.js";
import type { Cluster } from "./cluster.js";
import { mapVersion } from "./working-copy.js";
import type { Write } from "./write.js";

/**
 * A {@link VolumeIndex} that mirrors one cluster's volumes, for drivers that run many steps
 * ({@link reconcile}): built once, then told after every step which volumes the step wrote.
 *
 * It answers only for the exact volumes map it mirrors (`tracks`); a step that is handed any
 * other snapshot falls back to the linear search, so a stale index can never change an answer.
 * The index gives the same answers as `findBestMatchForClaim` over the same volumes (the
 * matching layer's contract), hence the same results as without it — only faster.
 *
 * @example
 * ```ts
 * const matcher = new ClusterVolumeMatcher(cluster);
 * const r = syncClaimWithMatcher(cluster, "default/data", ctx, matcher);
 * matcher.follow(cluster, r.cluster, r.writes); // now mirrors r.cluster.volumes
 * ```
 */
export class ClusterVolumeMatcher {
  private index: VolumeIndex<StoredVolume>;
  private volumes: ReadonlyMap<string, StoredVolume>;
  /** `mapVersion(volumes)` when the mirror was last brought up to date. */
  private version: number;

  /**
   * Indexes the cluster's volumes.
   *
   * @example
   * ```ts
   * const matcher = new ClusterVolumeMatcher(createCluster({ volumes: pool(10_000, 1) }));
   * ```
   */
  constructor(cluster: Cluster) {
    this.volumes = cluster.volumes;
    this.version = mapVersion(cluster.volumes);
    this.index = new VolumeIndex(cluster.volumes.values());
  }

  /**
   * Whether the index mirrors exactly this volumes map in its current state.
   *
   * @example
   * ```ts
   * matcher.tracks(cluster.volumes); // true right after construction
   * ```
   */
  tracks(volumes: ReadonlyMap<string, StoredVolume>): boolean {
    return volumes === this.volumes && mapVersion(volumes) === this.version;
  }

  /**
   * `findBestMatchForClaim` over the mirrored volumes (throws as it does for an unusable claim).
   *
   * @example
   * ```ts
   * const pv = matcher.findBestMatchForClaim(claim, false);
   * ```
   */
  findBestMatchForClaim(claim: PersistentVolumeClaim, delayBinding: boolean): StoredVolume | undefined {
    return this.index.findBestMatchForClaim(claim, { delayBinding });
  }

  /**
   * Moves the mirror from `before` to `after`, the result of one step over `before` whose
   * accepted writes are `writes`: each volume a write touched is re-read from `after` and
   * upserted (or deleted when gone). Every accepted volume write changes the volumes map once
   * (a new map, or one in-place change of a working copy); when the map's changes do not add up
   * to the writes seen, or the mirror was not on `before`, the index is rebuilt instead.
   *
   * @example
   * ```ts
   * const r = syncVolume(cluster, "pv1", ctx);
   * matcher.follow(cluster, r.cluster, r.writes);
   * ```
   */
  follow(before: Cluster, after: Cluster, writes: readonly Write[]): void {
    let volumeWrites = 0;
    for (const w of writes) if (w.kind === "PersistentVolume") volumeWrites++;
    // Most steps write no volume: nothing to move (and no set to build, 200,000 times a round).
    if (volumeWrites === 0 && after.volumes === this.volumes && mapVersion(after.volumes) === this.version) return;
    const touched = new Set<string>();
    for (const w of writes) if (w.kind === "PersistentVolume") touched.add(w.name);
    const inPlace = after.volumes === this.volumes && mapVersion(after.volumes) === this.version + volumeWrites;
    const copied = after.volumes !== this.volumes && this.tracks(before.volumes);
    if (!inPlace && !copied) {
      this.index = new VolumeIndex(after.volumes.values());
    } else {
      for (const name of touched) {
        const pv = after.volumes.get(name);
        if (pv === undefined) this.index.delete(name);
        else this.index.upsert(pv);
      }
    }
    this.volumes = after.volumes;
    this.version = mapVersion(after.volumes);
  }
}

/**
 * The search of `syncUnboundClaim` for a claim without `volumeName` (kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller.go): through `matcher` when it mirrors `volumes`, else Kubernetes' linear scan.
 *
 * @example
 * ```ts
 * const pv = findBestMatch(cluster.volumes, claim, false, matcher);
 * ```
 */
export function findBestMatch(
  volumes: ReadonlyMap<string, StoredVolume>,
  claim: StoredClaim,
  delayBinding: boolean,
  matcher: ClusterVolumeMatcher | undefined,
): StoredVolume | undefined {
  if (matcher?.tracks(volumes)) return matcher.findBestMatchForClaim(claim, delayBinding);
  return findBestMatchForClaim(claim, volumes.values(), { delayBinding });
}
