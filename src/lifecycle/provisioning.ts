/**
 * The PV controller's provisioning (`provisionClaim`, kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller.go) and the end of a provision
 * operation, in-tree or by an external provisioner. Internal.
 *
 * @module
 */
import { AnnBetaStorageProvisioner, AnnSelectedNode, AnnStorageProvisioner } from "../api/constants/index.js";
import { claimClass } from "../api/helpers/index.js";
import type { StoredClaim, StoredClass, StoredVolume } from "./stored.js";
import { listerNotFoundMessage } from "./api-server.js";
import { LifecycleError } from "./errors.js";
import { EventReasons } from "./event.js";
import { annotation, hasAnnotation, nameOf, namespacedKey, uidOf, withAnnotation, withoutAnnotation } from "./object-meta.js";
import { type Operation, type OperationOutcome, provisionOperationId } from "./operation.js";
import { type ProvisionVolumeOptions, provisionedOrRefusal } from "./provision-volume.js";
import { claimEventRef } from "./refs.js";
import type { Transaction } from "./transaction.js";

function isInTree(tx: Transaction, provisioner: string): boolean {
  return (tx.ctx.inTreePlugins ?? []).includes(provisioner);
}

/** `setClaimProvisioner`: both storage-provisioner annotations, written once. */
function setClaimProvisioner(tx: Transaction, claim: StoredClaim, provisioner: string): StoredClaim {
  if (annotation(claim, AnnStorageProvisioner) === provisioner) return claim;
  const next = withAnnotation(withAnnotation(claim, AnnBetaStorageProvisioner, provisioner), AnnStorageProvisioner, provisioner);
  return tx.write("PersistentVolumeClaim", "update", next) ?? next;
}

/** `rescheduleProvisioning`: drop `selected-node` so the scheduler picks again. */
function rescheduleProvisioning(tx: Transaction, claim: StoredClaim, actor: "pv-controller" | "external-provisioner"): void {
  if (!hasAnnotation(claim, AnnSelectedNode)) return;
  tx.write("PersistentVolumeClaim", "update", withoutAnnotation(claim, AnnSelectedNode), actor);
}

/**
 * `provisionClaim`: find the class and its provisioner, then start the operation. Unknown class
 * and `kubernetes.io/...` names no in-tree plugin serves (including
 * `kubernetes.io/no-provisioner`) give a Warning `ProvisioningFailed` and nothing else (retried
 * every sync). For an external provisioner the controller's part runs now (annotations and the
 * `ExternalProvisioning` event, every sync) and the operation stands for the provisioner's work.
 *
 * @example
 * ```ts
 * transact(cluster, ctx, (tx) => provisionClaim(tx, pvc)); // internal
 * ```
 */
export function provisionClaim(tx: Transaction, claim: StoredClaim): void {
  if (tx.ctx.enableDynamicProvisioning === false) return;
  const className = claimClass(claim);
  const sc = tx.cluster.classes.get(className);
  if (sc === undefined) {
    tx.event("Warning", EventReasons.ProvisioningFailed, listerNotFoundMessage("StorageClass", className), claimEventRef(claim));
    return;
  }
  const provisioner = sc.provisioner;
  const internal = isInTree(tx, provisioner);
  if (!internal && provisioner.startsWith("kubernetes.io/")) {
    tx.event("Warning", EventReasons.ProvisioningFailed, `no volume plugin matched name: ${provisioner}`, claimEventRef(claim));
    return;
  }
  const op: Operation = {
    id: provisionOperationId(claim.metadata.namespace ?? "", nameOf(claim), uidOf(claim)),
    kind: "provision",
    external: !internal,
    provisioner,
    claim: namespacedKey(claim),
    claimUid: uidOf(claim),
    startedAt: tx.time,
  };
  if (!internal) {
    const next = setClaimProvisioner(tx, claim, provisioner);
    const msg =
      `Waiting for a volume to be created either by the external provisioner '${provisioner}' ` +
      "or manually by the system administrator. If volume creation is delayed, please verify that " +
      "the provisioner is running and correctly registered.";
    tx.event("Normal", EventReasons.ExternalProvisioning, msg, claimEventRef(next));
  }
  tx.start(op);
}

function normalize(outcome: OperationOutcome): Exclude<OperationOutcome, string> {
  if (outcome === "success") return { ok: true };
  if (outcome === "failure") return { ok: false };
  return outcome;
}

/**
 * The volume a provisioner builds for the claim, or the text of why it cannot: its refusal, or
 * the `LifecycleError` of an input it cannot use (other errors are bugs: they propagate).
 */
function provisionedOrFailure(
  claim: StoredClaim,
  sc: StoredClass,
  node: ProvisionVolumeOptions["node"],
  inTree: boolean,
  outcome: Exclude<OperationOutcome, string>,
): StoredVolume | string {
  try {
    return provisionedOrRefusal(claim, sc, { node, inTree, ...(outcome.ok && outcome.capacity ? { capacity: outcome.capacity } : {}) });
  } catch (e) {
    if (e instanceof LifecycleError) return e.message;
    throw e;
  }
}

/** Mount options of a class as Go's `%v` prints a string slice. */
function goSlice(items: readonly string[]): string {
  return `[${items.join(" ")}]`;
}

function completeInTree(tx: Transaction, claim: StoredClaim, sc: StoredClass, outcome: Exclude<OperationOutcome, string>): void {
  const plugin = sc.provisioner;
  const ref = claimEventRef(claim);
  if (claim.spec.dataSource !== undefined && claim.spec.dataSource !== null) {
    const msg = `plugin "${plugin}" is not a CSI plugin. Only CSI plugin can provision a claim with a datasource`;
    tx.event("Warning", EventReasons.ProvisioningFailed, msg, ref);
    return;
  }
  const pvc = setClaimProvisioner(tx, claim, plugin);
  const pvName = `pvc-${uidOf(pvc)}`;
  if (tx.cluster.volumes.has(pvName)) return;
  if ((sc.mountOptions ?? []).length > 0) {
    // The only in-tree provisioner left (host-path) does not support mount options.
    const msg = `Mount options are not supported by the provisioner but StorageClass "${nameOf(sc)}" has mount options ${goSlice(sc.mountOptions ?? [])}`;
    tx.event("Warning", EventReasons.ProvisioningFailed, msg, ref);
    return;
  }
  const nodeName = annotation(pvc, AnnSelectedNode);
  const node = nodeName === undefined ? undefined : tx.cluster.nodes.get(nodeName);
  if (nodeName !== undefined && node === undefined) {
    tx.event("Warning", EventReasons.ProvisioningFailed, `Failed to get target node: ${listerNotFoundMessage("Node", nodeName)}`, ref);
    return;
  }
  const pv = provisionedOrFailure(pvc, sc, node, true, outcome);
  const failure = typeof pv === "string" ? pv : !outcome.ok ? (outcome.message ?? "operation failed") : undefined;
  if (typeof pv === "string" || failure !== undefined) {
    rescheduleProvisioning(tx, pvc, "pv-controller");
    tx.event("Warning", EventReasons.ProvisioningFailed, `Failed to provision volume with StorageClass "${nameOf(sc)}": ${failure}`, ref);
    return;
  }
  tx.write("PersistentVolume", "create", pv);
  tx.event("Normal", EventReasons.ProvisioningSucceeded, `Successfully provisioned volume ${nameOf(pv)} using ${plugin}`, ref);
}

function completeExternal(
  tx: Transaction,
  claim: StoredClaim,
  sc: StoredClass,
  op: Operation,
  outcome: Exclude<OperationOutcome, string>,
): void {
  // sig-storage-lib-external-provisioner's shouldProvision.
  const named = annotation(claim, AnnStorageProvisioner) ?? annotation(claim, AnnBetaStorageProvisioner);
  if (named !== op.provisioner) return;
  const nodeName = annotation(claim, AnnSelectedNode);
  if (sc.volumeBindingMode === "WaitForFirstConsumer" && (nodeName === undefined || nodeName === "")) return;
  const pvName = `pvc-${uidOf(claim)}`;
  if (tx.cluster.volumes.has(pvName)) return;
  const ref = claimEventRef(claim);
  tx.event("Normal", EventReasons.Provisioning, `External provisioner is provisioning volume for claim "${namespacedKey(claim)}"`, ref);
  const failWith = (message: string, reschedule: boolean): void => {
    tx.event("Warning", EventReasons.ProvisioningFailed, `failed to provision volume with StorageClass "${nameOf(sc)}": ${message}`, ref);
    if (reschedule) rescheduleProvisioning(tx, claim, "external-provisioner");
  };
  const node = nodeName === undefined || nodeName === "" ? undefined : tx.cluster.nodes.get(nodeName);
  if (nodeName !== undefined && nodeName !== "" && node === undefined) {
    failWith(listerNotFoundMessage("Node", nodeName), true);
    return;
  }
  const pv = provisionedOrFailure(claim, sc, node, false, outcome);
  if (typeof pv === "string") {
    failWith(pv, true);
    return;
  }
  if (!outcome.ok) {
    failWith(outcome.message ?? "operation failed", outcome.reschedule ?? false);
    return;
  }
  tx.write("PersistentVolume", "create", pv, "external-provisioner");
  tx.event("Normal", EventReasons.ProvisioningSucceeded, `Successfully provisioned volume ${nameOf(pv)}`, ref);
}

/**
 * Runs a provision operation to its end with the caller's outcome. The claim must still exist
 * with the same UID and still be unbound; a volume named `pvc-<uid>` that already exists counts
 * as done.
 *
 * @example
 * ```ts
 * transact(cluster, ctx, (tx) => completeProvision(tx, op, "success")); // internal
 * ```
 */
export function completeProvision(tx: Transaction, op: Operation, outcome: OperationOutcome): void {
  const claim = op.claim === undefined ? undefined : tx.cluster.claims.get(op.claim);
  if (claim === undefined || uidOf(claim) !== (op.claimUid ?? "")) return;
  if ((claim.spec.volumeName ?? "") !== "") return;
  const className = claimClass(claim);
  const sc = tx.cluster.classes.get(className);
  if (sc === undefined) {
    tx.event("Warning", EventReasons.ProvisioningFailed, listerNotFoundMessage("StorageClass", className), claimEventRef(claim));
    return;
  }
  const o = normalize(outcome);
  if (op.external) completeExternal(tx, claim, sc, op, o);
  else completeInTree(tx, claim, sc, o);
}
