/**
 * StorageClass validation: create and update (kubernetes/kubernetes pkg/apis/storage/validation/validation.go). StorageClass has no `spec`, so the
 * paths are top-level (`provisioner`, `parameters`, ...).
 *
 * @module
 */
import { child, duplicate, forbidden, index, invalid, notSupported, required, tooLong, type FieldError } from "../field/index.js";
import { isQualifiedName } from "../labels/index.js";
import { topologySelectorTermErrors, sameTopology } from "./node-selector.js";
import { commonFieldsUpdateErrors, finish, objectMetaErrors, objectMetaUpdateErrors, readMeta } from "./object-meta.js";
import { resolveValidationOptions, type ValidationOptions } from "./options.js";
import { byteLength, isRec, Reader, type Rec } from "./reader.js";

const MAX_PARAMETERS = 512;
const MAX_PARAMETERS_SIZE = 256 * 1024;
const RECLAIM_POLICIES = ["Delete", "Retain"];
const BINDING_MODES = ["Immediate", "WaitForFirstConsumer"];

/** The stored values of the defaulted fields (absent → default, when `prepare` is on). */
function reclaimPolicyOf(r: Reader, sc: Rec, o: ValidationOptions): string | null {
  const v = r.str(sc, "reclaimPolicy", "");
  return v ?? (o.prepare ? "Delete" : null);
}
function bindingModeOf(r: Reader, sc: Rec, o: ValidationOptions): string | null {
  const v = r.str(sc, "volumeBindingMode", "");
  return v ?? (o.prepare ? "Immediate" : null);
}

function scErrors(r: Reader, sc: Rec, o: ValidationOptions, errs: FieldError[]): void {
  objectMetaErrors(r, readMeta(r, sc), false, "dns-subdomain", "metadata", true, errs);

  const provisioner = r.s(sc, "provisioner", "");
  if (provisioner === "") errs.push(required("provisioner"));
  else {
    const lower = provisioner.toLowerCase();
    for (const msg of isQualifiedName(lower)) errs.push(invalid("provisioner", lower, msg));
  }

  const params = r.strMap(sc, "parameters", "");
  if (params !== undefined) {
    const keys = Object.keys(params);
    if (keys.length > MAX_PARAMETERS) errs.push(tooLong("parameters", MAX_PARAMETERS));
    else {
      let size = 0;
      for (const k of keys.sort()) {
        if (k === "") errs.push(invalid("parameters", k, "field can not be empty."));
        const v = params[k];
        size += byteLength(k) + (typeof v === "string" ? byteLength(v) : 0);
      }
      if (size > MAX_PARAMETERS_SIZE) errs.push(tooLong("parameters", MAX_PARAMETERS_SIZE));
    }
  }

  const policy = reclaimPolicyOf(r, sc, o);
  if (policy !== null && policy !== "" && !RECLAIM_POLICIES.includes(policy))
    errs.push(notSupported("reclaimPolicy", policy, RECLAIM_POLICIES));

  const mode = bindingModeOf(r, sc, o);
  if (mode === null) errs.push(required("volumeBindingMode"));
  else if (!BINDING_MODES.includes(mode)) errs.push(notSupported("volumeBindingMode", mode, BINDING_MODES));

  const terms = r.objList(sc, "allowedTopologies", "") ?? [];
  if (terms.length > 0) {
    // Kubernetes pre-seeds the comparison list with one empty entry per term, so an empty term
    // is reported as a duplicate once per seed (and once per earlier empty term).
    const seen: Map<string, Set<string>>[] = terms.map(() => new Map());
    terms.forEach((term, i) => {
      const tp = index("allowedTopologies", i);
      const reduced = topologySelectorTermErrors(r, term, tp, errs);
      for (const earlier of seen) if (sameTopology(reduced, earlier)) errs.push(duplicate(child(tp, "matchLabelExpressions"), ""));
      seen.push(reduced);
    });
  }
  r.strList(sc, "mountOptions", "");
  r.bool(sc, "allowVolumeExpansion", "");
}

function readSc(r: Reader, sc: unknown): Rec {
  if (isRec(sc)) return sc;
  r.fail("", sc, "object");
  return {};
}

/**
 * Validate a StorageClass on create: ObjectMeta (cluster-scoped, DNS-1123 name), `provisioner`
 * (required; its lower-cased form a qualified name), `parameters` (at most 512 entries, no empty
 * key, at most 256 KiB), `reclaimPolicy` (Delete or Retain — never Recycle), `volumeBindingMode`
 * (Immediate or WaitForFirstConsumer) and `allowedTopologies` (valid, non-empty, no duplicate
 * terms). Absent `reclaimPolicy` / `volumeBindingMode` take the API server's defaults unless
 * `prepare: false`.
 *
 * @example
 * ```ts
 * validateStorageClass({ metadata: { name: "fast" }, provisioner: "ebs.csi.aws.com", reclaimPolicy: "Recycle" }).map(String);
 * // ['reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"']
 * ```
 */
export function validateStorageClass(sc: unknown, opts?: Partial<ValidationOptions>): FieldError[] {
  const o = resolveValidationOptions(opts);
  const r = new Reader();
  const errs: FieldError[] = [];
  scErrors(r, readSc(r, sc), o, errs);
  return finish(r, errs);
}

/** Go's `reflect.DeepEqual` on two `map[string]string` (nil ≠ empty). */
function sameParameters(a: unknown, b: unknown): boolean {
  const na = a ?? null;
  const nb = b ?? null;
  if (na === null || nb === null) return na === nb;
  if (!isRec(na) || !isRec(nb)) return false;
  const ka = Object.keys(na);
  if (ka.length !== Object.keys(nb).length) return false;
  return ka.every((k) => Object.hasOwn(nb, k) && na[k] === nb[k]);
}

/**
 * Validate a StorageClass update: the generic ObjectMeta update checks, create-validation of the
 * new class, then `parameters` (deep-equal, nil ≠ `{}`), `provisioner` and `reclaimPolicy` may not
 * change, `volumeBindingMode` is immutable. `allowedTopologies`, `mountOptions`,
 * `allowVolumeExpansion` and labels stay mutable.
 *
 * @example
 * ```ts
 * const prev = { metadata: { name: "fast", resourceVersion: "1" }, provisioner: "a.example.com" };
 * validateStorageClassUpdate({ ...prev, provisioner: "b.example.com" }, prev).map(String);
 * // ["provisioner: Forbidden: updates to provisioner are forbidden."]
 * ```
 */
export function validateStorageClassUpdate(next: unknown, prev: unknown, opts?: Partial<ValidationOptions>): FieldError[] {
  const o = resolveValidationOptions(opts);
  const r = new Reader();
  const errs: FieldError[] = [];
  const n = readSc(r, next);
  const p = readSc(new Reader(), prev);
  const pr = new Reader();
  commonFieldsUpdateErrors(r, readMeta(r, n), readMeta(pr, p), false, errs);
  scErrors(r, n, o, errs);
  objectMetaUpdateErrors(r, readMeta(r, n), readMeta(pr, p), "metadata", true, errs);
  if (!sameParameters(n.parameters, p.parameters)) errs.push(forbidden("parameters", "updates to parameters are forbidden."));
  if (r.s(n, "provisioner", "") !== pr.s(p, "provisioner", ""))
    errs.push(forbidden("provisioner", "updates to provisioner are forbidden."));
  if (reclaimPolicyOf(r, n, o) !== reclaimPolicyOf(pr, p, o))
    errs.push(forbidden("reclaimPolicy", "updates to reclaimPolicy are forbidden."));
  const nm = bindingModeOf(r, n, o);
  if (nm !== bindingModeOf(pr, p, o)) errs.push(invalid("volumeBindingMode", nm, "field is immutable"));
  return finish(r, errs);
}
