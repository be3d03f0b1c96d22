/**
 * `explainClaim`: why a claim matches the volume it matches, or why it matches none.
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import type { ClaimExplanation } from "./claim-explanation.js";
import { type ExplainOptions, PoolExplainer } from "./pool-explainer.js";

/**
 * Explains a claim against a pool: the volume the search picks (if any) and why it won, and for
 * every other volume every check it fails — each with a {@link ReasonCode} and a sentence a cluster
 * operator understands ("pv-17 has 5Gi, the claim requests 10Gi", "pv-3 is in class 'fast', the
 * claim asks for 'standard'", "pv-9 offers ReadWriteOnce only; the claim needs ReadWriteMany") —
 * or, for a candidate that passes every check, why it lost. For a claim that stays Pending the
 * summary names the closest volumes and what would make them match, and says when no static volume
 * can ever match (no volume of the class at all, or all bound elsewhere) and what then provisions
 * the claim (from `classes`: the provisioner, `kubernetes.io/no-provisioner`, a missing class, the
 * default class, WaitForFirstConsumer).
 *
 * `match` is exactly `findBestMatchForClaim(claim, volumes, { delayBinding })` in controller mode
 * and `findMatchingVolume(claim, volumes, { node, excluded, delayBinding })` in scheduler mode, with
 * the `delayBinding` reported in the result (default: the class is WaitForFirstConsumer per
 * `classes` in controller mode, `true` in scheduler mode as the scheduler passes). For a claim with
 * `spec.volumeName`, `volumeNameCheck` says what the PV controller does instead of searching.
 *
 * Fresh: every call decodes the volumes it is given, so an edited volume or claim is explained as
 * it is now. To explain many claims against one pool, use a {@link PoolExplainer}: it decodes the
 * pool once and answers repeated claim shapes from tables.
 *
 * Determinism: the same rules as the search functions (equal sizes → smaller name; equal-size
 * access-mode groups → ascending key; several pre-bound volumes → smallest name); `volumes` in the
 * result are sorted by name; the result never depends on input order.
 *
 * Never throws: malformed volumes are reported (`malformed-volume`, `capacity-malformed`), a
 * malformed claim yields `outcome: "invalid-claim"` with `problems`. The result is plain
 * JSON-serialisable data.
 *
 * @example
 * ```ts
 * const e = explainClaim(claim, volumes, { classes });
 * e.outcome;              // "no-match"
 * e.closest[0];           // { volume: "pv-17", failed: ["too-small"], fixes: ["request at most 5Gi, or expand pv-17"] }
 * console.log(e.summary.join("\n"));
 * ```
 */
export function explainClaim(
  claim: PersistentVolumeClaim,
  volumes: Iterable<PersistentVolume>,
  opts: ExplainOptions = {},
): ClaimExplanation {
  return new PoolExplainer(volumes, { oneShot: true }).explain(claim, opts);
}
