/**
 * The pending reasons of claims the PV controller leaves unbound, decided once for every strategy.
 *
 * @module
 */
import { AnnSelectedNode } from "../api/constants/index.js";
import { claimClass } from "../api/helpers/index.js";
import type { PersistentVolumeClaim, StorageClass } from "../api/index.js";
import type { PendingClaim } from "./types.js";

function hasSelectedNode(claim: PersistentVolumeClaim): boolean {
  const a = claim.metadata?.annotations;
  return a != null && typeof a === "object" && Object.hasOwn(a, AnnSelectedNode);
}

/**
 * The outcome of the PV controller's claim worker (kubernetes/kubernetes
 * `pkg/controller/volume/persistentvolume/pv_controller.go`, `syncUnboundClaim`) for a claim
 * without `spec.volumeName` that no volume matched: a delayed claim without a selected node waits
 * for its consumer; a claim with a class is provisioned (when the class exists and names a
 * provisioner other than `kubernetes.io/...` plugins that do not provision); otherwise no match.
 *
 * @internal
 * @example
 * ```ts
 * unmatchedReason("default/data", pvc, classes, true).reason; // "WaitForFirstConsumer"
 * ```
 */
export function unmatchedReason(
  key: string,
  claim: PersistentVolumeClaim,
  classes: ReadonlyMap<string, StorageClass>,
  delay: boolean,
): PendingClaim {
  if (delay && !hasSelectedNode(claim))
    return { claim: key, reason: "WaitForFirstConsumer", message: "waiting for first consumer to be created before binding" };
  const name = claimClass(claim);
  if (name === "")
    return { claim: key, reason: "NoMatch", message: "no persistent volumes available for this claim and no storage class is set" };
  const sc = classes.get(name);
  if (sc === undefined)
    return { claim: key, reason: "NoMatch", message: `no volume matches and storageclass.storage.k8s.io "${name}" not found` };
  const provisioner = typeof sc.provisioner === "string" ? sc.provisioner : "";
  if (provisioner === "" || provisioner.startsWith("kubernetes.io/"))
    return {
      claim: key,
      reason: "NoMatch",
      message: `no volume matches and class "${name}" does not provision (${provisioner || "no provisioner"})`,
    };
  return { claim: key, reason: "Provisioning", message: `no volume matches; "${provisioner}" would provision one` };
}
