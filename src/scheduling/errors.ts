/**
 * The typed error of the scheduling layer.
 *
 * @module
 */

/**
 * Thrown when an argument cannot be scheduled at all (not a pod object, a cluster that is not a
 * snapshot, a node name that is not a string). The message starts with the offending field path
 * (`pod.spec.volumes: Invalid value: expected an array`). Problems of the cluster's objects
 * (missing claims, classes without a binding mode, unreadable quantities) are never thrown: they
 * come back as a plugin status, as the kube-scheduler reports them.
 *
 * @example
 * ```ts
 * try { filterNodes(undefined as never, cluster); } catch (e) { if (e instanceof SchedulingError) console.log(e.field); }
 * ```
 */
export class SchedulingError extends Error {
  /** The field path the message starts with (`pod`, `pod.spec.volumes`, `nodeName`, …). */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "SchedulingError";
    this.field = field;
  }
}
