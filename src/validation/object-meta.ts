/**
 * ObjectMeta validation (apimachinery's `ValidateObjectMetaAccessor` / `...Update` plus the core
 * finalizer-name check): kubernetes/apimachinery pkg/api/validation/objectmeta.go and the wrappers in kubernetes/kubernetes pkg/apis/core/validation/validation.go.
 *
 * @module
 */
import { child, forbidden, goQuote, index, invalid, required, tooLong, type FieldError } from "../field/index.js";
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, validateLabels } from "../labels/index.js";
import { byteLength, isRec, Reader, type Rec } from "./reader.js";

/**
 * How object names are checked: DNS-1123 subdomain (storage kinds) or path segment (generic registry).
 * @internal
 */
export type NameRule = "dns-subdomain" | "path-segment";

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
const STANDARD_FINALIZERS = new Set(["kubernetes", "orphan", "foregroundDeletion"]);

/** Go's `maskTrailingDash`: a generateName may end in `-` (the last two characters become `a`). */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith("-") ? name.slice(0, -2) + "a" : name;
}

function nameErrors(rule: NameRule, name: string, prefix: boolean): string[] {
  if (rule === "dns-subdomain") return isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
  // apimachinery's IsValidPathSegmentName / IsValidPathSegmentPrefix
  if (!prefix && (name === "." || name === "..")) return [`may not be '${name}'`];
  const errs: string[] = [];
  if (name.includes("/")) errs.push("may not contain '/'");
  if (name.includes("%")) errs.push("may not contain '%'");
  return errs;
}

/**
 * Read the metadata object of a root object (absent → `{}`).
 * @internal
 */
export function readMeta(r: Reader, root: Rec): Rec {
  return r.obj(root, "metadata", "") ?? {};
}

/**
 * The create-time ObjectMeta checks, appended to `errs`.
 * `coreFinalizers` adds the core API's per-finalizer check (`validateKubeFinalizerName`).
 * @internal
 */
export function objectMetaErrors(
  r: Reader,
  meta: Rec,
  namespaced: boolean,
  rule: NameRule,
  path: string,
  coreFinalizers: boolean,
  errs: FieldError[],
): void {
  const generateName = r.s(meta, "generateName", path);
  if (generateName !== "") {
    for (const msg of nameErrors(rule, generateName, true)) errs.push(invalid(child(path, "generateName"), generateName, msg));
  }
  const name = r.s(meta, "name", path);
  if (name === "") errs.push(required(child(path, "name"), "name or generateName is required"));
  else for (const msg of nameErrors(rule, name, false)) errs.push(invalid(child(path, "name"), name, msg));

  const namespace = r.s(meta, "namespace", path);
  if (namespaced) {
    if (namespace === "") errs.push(required(child(path, "namespace")));
    else for (const msg of isDNS1123Label(namespace)) errs.push(invalid(child(path, "namespace"), namespace, msg));
  } else if (namespace !== "") {
    errs.push(forbidden(child(path, "namespace"), "not allowed on this type"));
  }

  const generation = r.int(meta, "generation", path, 64) ?? 0;
  if (generation < 0) errs.push(invalid(child(path, "generation"), generation, "must be greater than or equal to 0"));
  commonMetaErrors(r, meta, path, errs);
  finalizerErrors(r, meta, path, errs);
  if (coreFinalizers) kubeFinalizerErrors(r, meta, path, errs);
}

/** Labels, annotations, owner references: checked on create and on update. */
function commonMetaErrors(r: Reader, meta: Rec, path: string, errs: FieldError[]): void {
  const labels = r.strMap(meta, "labels", path);
  if (labels) errs.push(...r.once(labels, path, () => validateLabels(labels, child(path, "labels"))));
  const annotations = r.strMap(meta, "annotations", path);
  if (annotations) errs.push(...r.once(annotations, path, () => annotationErrors(annotations, child(path, "annotations"))));
  ownerReferenceErrors(r, meta, path, errs);
}

/**
 * Annotation rules: keys are qualified names once lower-cased; keys plus values at most 256 KiB.
 *
 * @example
 * ```ts
 * annotationErrors({ "a b": "" }, "metadata.annotations")[0]?.toString();
 * // 'metadata.annotations: Invalid value: "a b": name part must consist of ...'
 * ```
 */
export function annotationErrors(annotations: Record<string, string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const k of Object.keys(annotations).sort()) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
    const v = annotations[k];
    size += byteLength(k) + (typeof v === "string" ? byteLength(v) : 0);
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

/** apimachinery `ValidateFinalizers`: qualified names (at the list path), orphan vs foreground. */
function finalizerErrors(r: Reader, meta: Rec, path: string, errs: FieldError[]): void {
  const finalizers = r.strList(meta, "finalizers", path);
  if (!finalizers) return;
  const p = child(path, "finalizers");
  for (const f of finalizers) for (const msg of isQualifiedName(f)) errs.push(invalid(p, f, msg));
  if (finalizers.includes("orphan") && finalizers.includes("foregroundDeletion")) {
    errs.push(invalid(p, finalizers, "finalizer orphan and foregroundDeletion cannot be both set"));
  }
}

/** core `validateKubeFinalizerName`, per finalizer at its index. */
function kubeFinalizerErrors(r: Reader, meta: Rec, path: string, errs: FieldError[]): void {
  const finalizers = r.strList(meta, "finalizers", path);
  if (!finalizers) return;
  finalizers.forEach((f, i) => {
    const p = index(child(path, "finalizers"), i);
    const msgs = isQualifiedName(f);
    for (const msg of msgs) errs.push(invalid(p, f, msg));
    if (!f.includes("/") && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalid(p, f, "name is neither a standard finalizer name nor is it fully qualified"));
    }
  });
}

/** apimachinery `ValidateOwnerReferences`. */
function ownerReferenceErrors(r: Reader, meta: Rec, path: string, errs: FieldError[]): void {
  const refs = r.objList(meta, "ownerReferences", path);
  if (!refs) return;
  const p = child(path, "ownerReferences");
  let firstController = "";
  refs.forEach((ref, i) => {
    const ip = index(p, i);
    const apiVersion = r.s(ref, "apiVersion", ip);
    const kind = r.s(ref, "kind", ip);
    const name = r.s(ref, "name", ip);
    const uid = r.s(ref, "uid", ip);
    const gv = parseGroupVersion(apiVersion);
    if (gv.version === "") errs.push(invalid(child(p, "apiVersion"), apiVersion, "version must not be empty"));
    if (kind === "") errs.push(invalid(child(p, "kind"), kind, "kind must not be empty"));
    if (name === "") errs.push(invalid(child(p, "name"), name, "name must not be empty"));
    if (uid === "") errs.push(invalid(child(p, "uid"), uid, "uid must not be empty"));
    if (gv.group === "" && gv.version === "v1" && kind === "Event") {
      errs.push(invalid(p, ownerReferenceValue(ref), "/v1, Kind=Event is disallowed from being an owner"));
    }
    if (r.bool(ref, "controller", ip)) {
      const current = `${kind}/${name}`;
      if (firstController !== "") {
        errs.push(
          invalid(
            p,
            refs.map(ownerReferenceValue),
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        );
      } else firstController = current;
    }
  });
}

/** An owner reference as Go prints it: only the struct's fields (never user extras). */
function ownerReferenceValue(ref: Rec): Rec {
  const out: Rec = { apiVersion: ref.apiVersion ?? "", kind: ref.kind ?? "", name: ref.name ?? "", uid: ref.uid ?? "" };
  if (typeof ref.controller === "boolean") out.controller = ref.controller;
  if (typeof ref.blockOwnerDeletion === "boolean") out.blockOwnerDeletion = ref.blockOwnerDeletion;
  return out;
}

/** `schema.ParseGroupVersion`; an unparseable value yields an empty group/version. */
function parseGroupVersion(s: string): { group: string; version: string } {
  if (s === "" || s === "/") return { group: "", version: "" };
  const i = s.indexOf("/");
  if (i < 0) return { group: "", version: s };
  if (s.indexOf("/", i + 1) >= 0) return { group: "", version: "" };
  return { group: s.slice(0, i), version: s.slice(i + 1) };
}

/** A timestamp in the form metav1.Time marshals to (RFC 3339, seconds), or null when unset. */
function normalizeTime(v: unknown): string | null {
  if (v === undefined || v === null || v === "") return null;
  const d = v instanceof Date ? v : typeof v === "string" ? new Date(v) : undefined;
  if (d === undefined || Number.isNaN(d.getTime())) return typeof v === "string" ? v : (JSON.stringify(v) ?? null);
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function readTime(r: Reader, meta: Rec, name: string, path: string): string | null {
  const v = meta[name];
  if (v === undefined || v === null) return null;
  if (typeof v !== "string" && !(v instanceof Date)) {
    r.fail(child(path, name), v, "string");
    return null;
  }
  return normalizeTime(v);
}

/**
 * The update-time ObjectMeta checks (apimachinery `ValidateObjectMetaAccessorUpdate`), appended
 * to `errs`; with `coreFinalizers` also the core per-finalizer check.
 * @internal
 */
export function objectMetaUpdateErrors(r: Reader, next: Rec, prev: Rec, path: string, coreFinalizers: boolean, errs: FieldError[]): void {
  if (readTime(r, prev, "deletionTimestamp", path) !== null) {
    const added = new Set(r.strList(next, "finalizers", path) ?? []);
    for (const f of r.strList(prev, "finalizers", path) ?? []) added.delete(f);
    if (added.size > 0) {
      const list = [...added].sort().map(goQuote).join(", ");
      errs.push(
        forbidden(
          child(path, "finalizers"),
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${list}}`,
        ),
      );
    }
  }
  const rv = r.s(next, "resourceVersion", path);
  if (rv === "") errs.push(invalid(child(path, "resourceVersion"), rv, "must be specified for an update"));
  const gen = r.int(next, "generation", path, 64) ?? 0;
  if (gen < (r.int(prev, "generation", path, 64) ?? 0)) errs.push(invalid(child(path, "generation"), gen, "must not be decremented"));

  immutable(errs, child(path, "name"), r.s(next, "name", path), r.s(prev, "name", path));
  immutable(errs, child(path, "namespace"), r.s(next, "namespace", path), r.s(prev, "namespace", path));
  immutable(errs, child(path, "uid"), r.s(next, "uid", path), r.s(prev, "uid", path));
  immutable(
    errs,
    child(path, "creationTimestamp"),
    readTime(r, next, "creationTimestamp", path),
    readTime(r, prev, "creationTimestamp", path),
  );
  immutable(
    errs,
    child(path, "deletionTimestamp"),
    readTime(r, next, "deletionTimestamp", path),
    readTime(r, prev, "deletionTimestamp", path),
  );
  immutable(
    errs,
    child(path, "deletionGracePeriodSeconds"),
    r.int(next, "deletionGracePeriodSeconds", path, 64) ?? null,
    r.int(prev, "deletionGracePeriodSeconds", path, 64) ?? null,
  );
  commonMetaErrors(r, next, path, errs);
  if (coreFinalizers) kubeFinalizerErrors(r, next, path, errs);
}

function immutable(errs: FieldError[], path: string, next: string | number | null, prev: string | number | null): void {
  if (next !== prev) errs.push(invalid(path, next, "field is immutable"));
}

/**
 * What the generic registry checks on every update before the kind's own rules
 * (`validateCommonFields`): ObjectMeta with path-segment names, then the ObjectMeta update rules.
 * @internal
 */
export function commonFieldsUpdateErrors(r: Reader, next: Rec, prev: Rec, namespaced: boolean, errs: FieldError[]): void {
  objectMetaErrors(r, next, namespaced, "path-segment", "metadata", false, errs);
  objectMetaUpdateErrors(r, next, prev, "metadata", false, errs);
}

/**
 * Finish a run: type errors win (the API server would not have decoded the body).
 * @internal
 */
export function finish(r: Reader, errs: FieldError[]): FieldError[] {
  return r.typeErrors.length > 0 ? r.typeErrors.slice() : errs;
}

/**
 * Validate an object's metadata as the core API does for a kind on create: name (DNS-1123
 * subdomain, or `generateName` with a trailing `-`), namespace (required and a DNS-1123 label for
 * namespaced kinds, forbidden otherwise), generation, labels, annotations, owner references and
 * finalizers. Wrong JSON types give type errors only.
 *
 * @param meta - the `metadata` object (anything; garbage gives errors, never exceptions)
 * @param namespaced - `true` for namespaced kinds (PersistentVolumeClaim)
 * @param path - the path prefix (default `metadata`)
 * @example
 * ```ts
 * validateObjectMeta({ name: "Data" }, false).map(String);
 * // ['metadata.name: Invalid value: "Data": a lowercase RFC 1123 subdomain must consist of ...']
 * validateObjectMeta({ name: "data" }, true).map(String);
 * // ["metadata.namespace: Required value"]
 * ```
 */
export function validateObjectMeta(meta: unknown, namespaced: boolean, path = "metadata"): FieldError[] {
  const r = new Reader();
  const errs: FieldError[] = [];
  if (meta !== undefined && meta !== null && !isRec(meta)) {
    r.fail(path, meta, "object");
    return finish(r, errs);
  }
  objectMetaErrors(r, meta ?? {}, namespaced, "dns-subdomain", path, true, errs);
  return finish(r, errs);
}

/**
 * Validate a metadata update as the core API does (`ValidateObjectMetaUpdate`): resourceVersion
 * set, generation not decreased, name / namespace / uid / timestamps / grace period immutable, no
 * finalizer added once deletion started, plus labels, annotations and owner references of the new
 * metadata.
 *
 * @example
 * ```ts
 * validateObjectMetaUpdate({ name: "b", resourceVersion: "2" }, { name: "a" }).map(String);
 * // ['metadata.name: Invalid value: "b": field is immutable']
 * ```
 */
export function validateObjectMetaUpdate(next: unknown, prev: unknown, path = "metadata"): FieldError[] {
  const r = new Reader();
  const errs: FieldError[] = [];
  const n = isRec(next) ? next : ((next == null ? {} : r.fail(path, next, "object")) ?? {});
  const p = isRec(prev) ? prev : {};
  objectMetaUpdateErrors(r, n, p, path, true, errs);
  return finish(r, errs);
}
