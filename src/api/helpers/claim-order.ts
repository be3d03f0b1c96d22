/**
 * The order in which kubevol's PV controller takes claims: the one definition every view uses
 * (the engine, `explain`, the `kubernetes` binding strategy).
 *
 * @module
 */
import { claimKey, type ClaimIdentity } from "./binding.js";
import { timestampMillis } from "./timestamp.js";

/**
 * The least a claim needs for {@link compareClaimOrder}.
 *
 * @example
 * ```ts
 * const c: ClaimOrderSource = { metadata: { name: "data", namespace: "default", creationTimestamp: "2026-01-01T00:00:00Z" } };
 * ```
 */
export interface ClaimOrderSource extends ClaimIdentity {
  metadata?: { name?: string; namespace?: string; uid?: string; creationTimestamp?: unknown } | null;
}

/**
 * Compares two claims in the order the PV controller takes them when they compete for volumes:
 * oldest `creationTimestamp` first (a running controller syncs each claim when it is created, so
 * an older claim has had the first pick), claims without a (valid) timestamp after every stamped
 * one (manifests not created yet are created now), ties by `namespace/name` (the order in which
 * an informer's initial list delivers them).
 *
 * Kubernetes itself gives no guarantee here: its work queue and periodic resync follow informer
 * events and map order. kubevol fixes this rule so that every view of a cluster agrees.
 *
 * @example
 * ```ts
 * const older = { metadata: { name: "b", namespace: "x", creationTimestamp: "2026-01-01T00:00:00Z" } };
 * const newer = { metadata: { name: "a", namespace: "x", creationTimestamp: "2026-02-01T00:00:00Z" } };
 * [newer, older].sort(compareClaimOrder)[0] === older; // true
 * ```
 */
export function compareClaimOrder(a: ClaimOrderSource, b: ClaimOrderSource): number {
  const ta = timestampMillis(a?.metadata?.creationTimestamp) ?? Number.POSITIVE_INFINITY;
  const tb = timestampMillis(b?.metadata?.creationTimestamp) ?? Number.POSITIVE_INFINITY;
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ka = claimKey(a);
  const kb = claimKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * The keys of a claim map in {@link compareClaimOrder}'s order (ties, which only claims with the
 * same key could have, by map key), parsing each timestamp once instead of once per comparison.
 *
 * @example
 * ```ts
 * const claims = new Map([["x/b", older], ["x/a", newer]]);
 * claimKeysInOrder(claims); // ["x/b", "x/a"]
 * ```
 */
export function claimKeysInOrder(claims: ReadonlyMap<string, ClaimOrderSource>): string[] {
  const entries: { key: string; time: number; claim: string }[] = [];
  for (const [key, c] of claims) {
    entries.push({ key, time: timestampMillis(c.metadata?.creationTimestamp) ?? Number.POSITIVE_INFINITY, claim: claimKey(c) });
  }
  entries.sort((a, b) =>
    a.time !== b.time
      ? a.time < b.time
        ? -1
        : 1
      : a.claim !== b.claim
        ? a.claim < b.claim
          ? -1
          : 1
        : a.key < b.key
          ? -1
          : a.key > b.key
            ? 1
            : 0,
  );
  return entries.map((e) => e.key);
}
