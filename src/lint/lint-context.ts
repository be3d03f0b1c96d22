/**
 * The view of the world every lint rule reads: the objects under lint, sorted by kind, merged with
 * the cluster snapshot (an object in the input replaces the cluster's object of the same name).
 *
 * @module
 */
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from "../api/index.js";
import type { LintCluster, LintObjectRef } from "./lint-finding.js";

/**
 * One input object with its reference.
 *
 * @example
 * ```ts
 * const s: LintSubject<PersistentVolume> = { obj: pv, ref: { kind: "PersistentVolume", name: "pv1", index: 0 } };
 * ```
 */
export interface LintSubject<T> {
  obj: T;
  ref: LintObjectRef;
}

/**
 * What the rules see.
 *
 * @example
 * ```ts
 * const ctx: LintContext = buildLintContext(objects, cluster);
 * ctx.classesKnown; // true when a cluster or a class was given
 * ```
 */
export interface LintContext {
  volumes: LintSubject<PersistentVolume>[];
  claims: LintSubject<PersistentVolumeClaim>[];
  classes: LintSubject<StorageClass>[];
  /** Every volume known (input and cluster), by name. */
  allVolumes: Map<string, PersistentVolume>;
  /** Every claim known, by `namespace/name`. */
  allClaims: Map<string, PersistentVolumeClaim>;
  /** Every class known, by name. */
  allClasses: Map<string, StorageClass>;
  /** Every node known, by name; `undefined` when no node was given. */
  nodes: Map<string, Node> | undefined;
  pods: readonly Pod[];
  /** True when the set of classes is authoritative (`cluster.storageClasses` given, or the input has classes). */
  classesKnown: boolean;
  /** True when the set of volumes is authoritative (`cluster.volumes` given). */
  volumesKnown: boolean;
  /** What the rules compute once per lint run (per-class volume indexes, ...), by rule-chosen key. */
  cache: Map<string, unknown>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function nameOf(o: unknown): string {
  const n = isObject(o) && isObject(o.metadata) ? o.metadata.name : undefined;
  return typeof n === "string" ? n : "";
}

function namespaceOf(o: unknown): string | undefined {
  const n = isObject(o) && isObject(o.metadata) ? o.metadata.namespace : undefined;
  return typeof n === "string" ? n : undefined;
}

/** Flatten `kind: List` (and `*List`) objects into their items. */
function flatten(objects: readonly unknown[], out: unknown[] = []): unknown[] {
  // Into one array: `out.push(...items)` throws a RangeError for a List past ~120,000 items.
  for (const o of objects) {
    if (isObject(o) && typeof o.kind === "string" && o.kind.endsWith("List") && Array.isArray(o.items)) flatten(o.items, out);
    else out.push(o);
  }
  return out;
}

/**
 * Build the lint context. Objects that are not PVs, PVCs or StorageClasses (or are not objects)
 * are skipped; claims without a namespace are taken to be in `default`, as kubectl would create them.
 *
 * @example
 * ```ts
 * const ctx = buildLintContext(objects, { storageClasses: classes });
 * ctx.allClasses.has("fast");
 * ```
 */
export function buildLintContext(objects: readonly unknown[], cluster: LintCluster | undefined): LintContext {
  const ctx: LintContext = {
    volumes: [],
    claims: [],
    classes: [],
    allVolumes: new Map(),
    allClaims: new Map(),
    allClasses: new Map(),
    nodes: undefined,
    pods: cluster?.pods ?? [],
    classesKnown: Array.isArray(cluster?.storageClasses),
    volumesKnown: Array.isArray(cluster?.volumes),
    cache: new Map(),
  };
  for (const v of cluster?.volumes ?? []) if (isObject(v)) ctx.allVolumes.set(nameOf(v), v);
  for (const c of cluster?.claims ?? []) if (isObject(c)) ctx.allClaims.set(`${namespaceOf(c) ?? "default"}/${nameOf(c)}`, c);
  for (const s of cluster?.storageClasses ?? []) if (isObject(s)) ctx.allClasses.set(nameOf(s), s);
  if (cluster?.nodes) {
    ctx.nodes = new Map();
    for (const n of cluster.nodes) if (isObject(n)) ctx.nodes.set(nameOf(n), n);
  }
  flatten(objects).forEach((o, index) => {
    if (!isObject(o) || !isObject(o.metadata)) return;
    const kind = o.kind;
    const ref: LintObjectRef = { kind: String(kind), name: nameOf(o), index };
    if (kind === "PersistentVolume") {
      const pv = o as unknown as PersistentVolume;
      ctx.volumes.push({ obj: pv, ref });
      ctx.allVolumes.set(ref.name, pv);
    } else if (kind === "PersistentVolumeClaim") {
      const ns = namespaceOf(o) ?? "default";
      const pvc = (namespaceOf(o) ? o : { ...o, metadata: { ...o.metadata, namespace: ns } }) as unknown as PersistentVolumeClaim;
      ref.namespace = ns;
      ctx.claims.push({ obj: pvc, ref });
      ctx.allClaims.set(`${ns}/${ref.name}`, pvc);
    } else if (kind === "StorageClass") {
      const sc = o as unknown as StorageClass;
      ctx.classes.push({ obj: sc, ref });
      ctx.allClasses.set(ref.name, sc);
      ctx.classesKnown = true;
    }
  });
  return ctx;
}
