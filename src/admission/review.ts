/**
 * `reviewAdmission`: one AdmissionReview in, one out, for PersistentVolumes, PersistentVolumeClaims
 * and StorageClasses — API-server validation (422), the DefaultStorageClass and
 * StorageObjectInUseProtection mutations (as a JSON Patch), the PersistentVolumeClaimResize checks
 * (403), and warnings. Pure: everything the API server would look up comes in through the context.
 *
 * @module
 */
import {
  claimClass,
  FinalizerPVCProtection,
  FinalizerPVProtection,
  isDefaultStorageClass,
  podUsesClaim,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type Pod,
  type Status,
  type StorageClass,
} from "../api/index.js";
import {
  ADMISSION_API_VERSION,
  ADMISSION_REVIEW_KIND,
  type AdmissionRequest,
  type AdmissionResponse,
  type AdmissionReviewResponse,
} from "./admission-review.js";
import { AdmissionReviewRequestSchema } from "./admission-review-schema.js";
import { addStorageClassNamePatch, defaultClassForClaim } from "./default-storage-class.js";
import { encodeJsonPatch, JsonPatchBuilder } from "./json-patch.js";
import { checkClaimResize } from "./persistent-volume-claim-resize.js";
import { lintObjects, type LintCluster } from "../lint/index.js";
import { forbiddenStatus, toStatus, type ValidationOptions } from "../validation/index.js";
import { admissionBadRequestStatus, admissionInternalErrorStatus } from "./status.js";
import {
  applyStorageDefaults,
  decodeStorageObject,
  STORAGE_KINDS,
  storageKindOf,
  type StorageKind,
  type StorageObjectOf,
} from "./storage-kinds.js";
import { addFinalizerPatch, protectionFinalizerFor } from "./storage-object-in-use-protection.js";
import { storageObjectWarnings, validateStorageObject, validateStorageObjectUpdate } from "./validation-adapter.js";
import { fitWarnings, MAX_WARNING_LENGTH } from "./warnings.js";

/**
 * What a webhook endpoint does: `validate` (validation, resize checks, warnings; never a patch),
 * `mutate` (the default class and protection finalizers; never a denial except the `reject`
 * multiple-defaults mode), or `all` (mutate, then validate the mutated object).
 *
 * @example
 * ```ts
 * reviewAdmission(review, { storageClasses, options: { mode: "validate" as AdmissionMode } });
 * ```
 */
export type AdmissionMode = "validate" | "mutate" | "all";

/**
 * Switches for the admission behaviour; every plugin is on by default.
 *
 * @example
 * ```ts
 * const options: AdmissionOptions = { multipleDefaultClasses: "reject", persistentVolumeClaimResize: false };
 * ```
 */
export interface AdmissionOptions {
  /** Default `all`. The HTTP handler sets it per path (`/validate`, `/mutate`). */
  mode?: AdmissionMode;
  /** Run the API server's validation (422 on failure). Default true. */
  validation?: boolean;
  /** Assign the default StorageClass to new class-less claims. Default true. */
  defaultStorageClass?: boolean;
  /** Add `kubernetes.io/pvc-protection` / `kubernetes.io/pv-protection` on create. Default true. */
  storageObjectInUseProtection?: boolean;
  /** Enforce the PersistentVolumeClaimResize rules on claim updates. Default true. */
  persistentVolumeClaimResize?: boolean;
  /**
   * With more than one default class: `newest` (Kubernetes ≥ 1.26: the newest wins, with a warning)
   * or `reject` (older releases: 403 `Internal error occurred: N default StorageClasses were found`).
   */
  multipleDefaultClasses?: "newest" | "reject";
  /** Requests for other kinds: `allow` (default; the webhook is fail-open for them) or `deny` (400). */
  unknownKinds?: "allow" | "deny";
  /** Maximum characters of one warning. Default 120. */
  maxWarningLength?: number;
  /** Passed to the validation layer's validators (feature gates such as VolumeAttributesClass). */
  validationOptions?: Partial<ValidationOptions>;
  /**
   * Run the storage lint (docs/lint.md) on created and updated objects, with the context as the
   * cluster: `off` (default: answers stay exactly Kubernetes'), `warn` (findings become warnings
   * `KV002: ...`), or `deny` (error findings deny with a 403, the rest warn).
   */
  lint?: "off" | "warn" | "deny";
}

/**
 * What the API server would look up while admitting a storage object.
 *
 * @example
 * ```ts
 * const ctx: AdmissionContext = { storageClasses, pods, options: { mode: "all" } };
 * ```
 */
export interface AdmissionContext {
  /** Every StorageClass in the cluster (default class, resize checks). */
  storageClasses: readonly StorageClass[];
  /** Pods, to warn when a claim being deleted is still in use. */
  pods?: readonly Pod[];
  /** PersistentVolumes, to warn when a claim's pre-bound volume is missing. */
  volumes?: readonly PersistentVolume[];
  /** Claims, to warn when a StorageClass being deleted is still used. */
  claims?: readonly PersistentVolumeClaim[];
  options?: AdmissionOptions;
}

/**
 * Thrown by {@link reviewAdmission} when the input is not an `admission.k8s.io/v1` AdmissionReview request (there is no uid to answer to).
 *
 * @example
 * ```ts
 * try { reviewAdmission("garbage", ctx); } catch (e) { if (e instanceof AdmissionReviewError) console.log(e.message); }
 * ```
 */
export class AdmissionReviewError extends Error {
  override readonly name = "AdmissionReviewError";
}

interface Outcome {
  allowed: boolean;
  status?: Status;
  patch?: JsonPatchBuilder;
  warnings: string[];
  auditAnnotations?: Record<string, string>;
}

/**
 * Parse and check an AdmissionReview envelope. Throws {@link AdmissionReviewError} with a readable
 * message (`request.uid: ...`) when it is not a v1 AdmissionReview request.
 *
 * @example
 * ```ts
 * const request = parseAdmissionReview(JSON.parse(body));
 * request.uid; // echoed in the response
 * ```
 */
export function parseAdmissionReview(review: unknown): AdmissionRequest {
  const r = AdmissionReviewRequestSchema.safeParse(review);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue && issue.path.length > 0 ? issue.path.map(String).join(".") + ": " : "";
    throw new AdmissionReviewError(`invalid AdmissionReview: ${path}${issue?.message ?? "malformed"}`);
  }
  return r.data.request as AdmissionRequest;
}

/**
 * Answer an AdmissionReview v1 request about a PersistentVolume, PersistentVolumeClaim or
 * StorageClass, as the API server's own plugins would.
 *
 * - CREATE: validation (422); for claims the DefaultStorageClass mutation (newest default wins,
 *   ties by smaller name); for claims and volumes the protection finalizer.
 * - UPDATE: update validation (the old status carried over, as the API server does) and, for
 *   claims, the PersistentVolumeClaimResize 403s.
 * - DELETE: always allowed; warnings when the object will wait on a protection finalizer.
 *
 * The response echoes `request.uid`, carries `patchType: "JSONPatch"` exactly when it carries a
 * patch, and keeps warnings under 120 characters. Throws {@link AdmissionReviewError} only when the
 * envelope itself is unusable; a bad object is answered with a 400 denial, and an unexpected
 * failure inside the review with a 500 denial.
 *
 * @example
 * ```ts
 * const out = reviewAdmission(review, { storageClasses: [standard] });
 * out.response.allowed;   // true
 * out.response.patchType; // "JSONPatch" (storageClassName + finalizer for a new class-less claim)
 * ```
 */
export function reviewAdmission(review: unknown, ctx: AdmissionContext): AdmissionReviewResponse {
  const request = parseAdmissionReview(review);
  let outcome: Outcome;
  try {
    outcome = reviewRequest(request, cleanContext(ctx));
  } catch (e) {
    outcome = { allowed: false, status: admissionInternalErrorStatus(e instanceof Error ? e.message : String(e)), warnings: [] };
  }
  return { apiVersion: ADMISSION_API_VERSION, kind: ADMISSION_REVIEW_KIND, response: toResponse(request.uid, outcome, ctx?.options) };
}

function isObjectWithMetadata(o: unknown): boolean {
  if (o === null || typeof o !== "object" || Array.isArray(o)) return false;
  const m = (o as { metadata?: unknown }).metadata;
  return m !== null && typeof m === "object" && !Array.isArray(m);
}

/** Drop context entries that are not objects with metadata: a lookup cache may hold junk. */
function cleanContext(ctx: AdmissionContext | undefined): AdmissionContext {
  const keep = <T>(list: readonly T[] | undefined): T[] | undefined =>
    Array.isArray(list) ? list.filter(isObjectWithMetadata) : undefined;
  const out: AdmissionContext = { storageClasses: keep(ctx?.storageClasses) ?? [] };
  const pods = keep(ctx?.pods);
  const volumes = keep(ctx?.volumes);
  const claims = keep(ctx?.claims);
  if (pods) out.pods = pods;
  if (volumes) out.volumes = volumes;
  if (claims) out.claims = claims;
  if (ctx?.options && typeof ctx.options === "object") out.options = ctx.options;
  return out;
}

function toResponse(uid: string, o: Outcome, options: AdmissionOptions | undefined): AdmissionResponse {
  const res: AdmissionResponse = { uid, allowed: o.allowed };
  if (!o.allowed && o.status) res.status = o.status;
  if (o.allowed && o.patch && o.patch.length > 0) {
    res.patch = encodeJsonPatch(o.patch.build());
    res.patchType = "JSONPatch";
  }
  const warnings = fitWarnings(o.warnings, options?.maxWarningLength ?? MAX_WARNING_LENGTH);
  if (warnings.length > 0) res.warnings = warnings;
  if (o.auditAnnotations) res.auditAnnotations = o.auditAnnotations;
  return res;
}

function reviewRequest(request: AdmissionRequest, ctx: AdmissionContext): Outcome {
  const options = ctx.options ?? {};
  const kind = storageKindOf(request.kind);
  if (kind === undefined) {
    const what = `${request.kind.group === "" ? "" : request.kind.group + "/"}${request.kind.version}, Kind=${request.kind.kind}`;
    if (options.unknownKinds === "deny") return deny(admissionBadRequestStatus(`kubevol does not review ${what}`));
    return { allowed: true, warnings: [], auditAnnotations: { "kubevol.io/skipped": `not a storage kind: ${what}` } };
  }
  switch (request.operation) {
    case "CREATE":
      return reviewCreate(kind, request, ctx, options);
    case "UPDATE":
      return reviewUpdate(kind, request, ctx, options);
    case "DELETE":
      return reviewDelete(kind, request, ctx);
    default:
      return { allowed: true, warnings: [] };
  }
}

function deny(status: Status, warnings: string[] = []): Outcome {
  return { allowed: false, status, warnings };
}

/** Fill what the API server fills before admission: the namespace from the request. */
function withRequestNamespace<K extends StorageKind>(kind: K, obj: StorageObjectOf[K], request: AdmissionRequest): StorageObjectOf[K] {
  if (!STORAGE_KINDS[kind].namespaced || !request.namespace || obj.metadata?.namespace) return obj;
  return { ...obj, metadata: { ...(obj.metadata ?? {}), namespace: request.namespace } };
}

function objectName(obj: { metadata?: { name?: unknown } } | undefined, request: AdmissionRequest): string {
  const name = obj?.metadata?.name;
  if (typeof name === "string" && name !== "") return name;
  return typeof request.name === "string" ? request.name : "";
}

function reviewCreate<K extends StorageKind>(
  kind: K,
  request: AdmissionRequest,
  ctx: AdmissionContext,
  options: AdmissionOptions,
): Outcome {
  const decoded = decodeStorageObject(kind, request.object);
  if (!decoded.ok) return deny(admissionBadRequestStatus(decoded.message));
  const mode = options.mode ?? "all";
  const name = objectName(decoded.value, request);
  let obj = applyStorageDefaults(kind, withRequestNamespace(kind, decoded.value, request));
  const patch = new JsonPatchBuilder();
  const warnings: string[] = [];

  if (mode !== "validate" && !request.subResource) {
    if (kind === "PersistentVolumeClaim" && options.defaultStorageClass !== false) {
      const decision = defaultClassForClaim(obj as PersistentVolumeClaim, ctx.storageClasses ?? []);
      if (decision.defaultCount > 1) {
        if (options.multipleDefaultClasses === "reject") {
          return deny(
            forbiddenStatus(
              STORAGE_KINDS[kind].resource,
              name,
              `Internal error occurred: ${decision.defaultCount} default StorageClasses were found`,
            ),
          );
        }
        warnings.push(`${decision.defaultCount} default StorageClasses were found; using the newest, "${decision.className}"`);
      }
      if (decision.className !== undefined) {
        addStorageClassNamePatch(patch, request.object, decision.className);
        obj = { ...obj, spec: { ...(obj as PersistentVolumeClaim).spec, storageClassName: decision.className } } as StorageObjectOf[K];
      }
    }
    const finalizer = protectionFinalizerFor(kind);
    if (finalizer !== undefined && options.storageObjectInUseProtection !== false) {
      // The default-class patch never touches metadata, so the original object is the right base.
      if (addFinalizerPatch(patch, request.object, finalizer)) {
        const existing: unknown = obj.metadata?.finalizers;
        obj = {
          ...obj,
          metadata: { ...(obj.metadata ?? {}), finalizers: [...(Array.isArray(existing) ? existing : []), finalizer] },
        } as StorageObjectOf[K];
      }
    }
  }

  if (options.validation !== false) {
    const errors = validateStorageObject(kind, obj, options.validationOptions);
    // The mutate endpoint never denies an invalid object (the API server's own validation will,
    // with the same message); it just leaves it alone.
    if (errors.length > 0 && mode === "mutate") return { allowed: true, warnings: [] };
    if (errors.length > 0) return deny(toStatus(errors, { group: STORAGE_KINDS[kind].group, kind }, name) as Status, warnings);
    if (mode !== "mutate") warnings.push(...storageObjectWarnings(kind, obj, undefined));
  }
  if (mode !== "mutate") {
    warnings.push(...createContextWarnings(kind, obj, ctx));
    const denied = applyLint(kind, obj, name, ctx, options, warnings);
    if (denied) return denied;
  }
  return { allowed: true, patch, warnings };
}

/** Carry over what the API server copies from the stored object before update validation. */
function prepareForUpdate<K extends StorageKind>(kind: K, next: StorageObjectOf[K], prev: StorageObjectOf[K]): StorageObjectOf[K] {
  const metadata = { ...(next.metadata ?? {}) } as Record<string, unknown>;
  const prevMeta = (prev.metadata ?? {}) as Record<string, unknown>;
  for (const f of ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "resourceVersion"]) {
    if ((metadata[f] === undefined || metadata[f] === "") && prevMeta[f] !== undefined) metadata[f] = prevMeta[f];
  }
  const out = { ...next, metadata } as StorageObjectOf[K];
  if (kind !== "StorageClass") {
    const prevStatus = (prev as { status?: unknown }).status;
    if (prevStatus === undefined) delete (out as { status?: unknown }).status;
    else (out as { status?: unknown }).status = prevStatus;
  }
  return out;
}

function reviewUpdate<K extends StorageKind>(
  kind: K,
  request: AdmissionRequest,
  ctx: AdmissionContext,
  options: AdmissionOptions,
): Outcome {
  const mode = options.mode ?? "all";
  if (mode === "mutate" || request.subResource) return { allowed: true, warnings: [] };
  const decodedNew = decodeStorageObject(kind, request.object);
  if (!decodedNew.ok) return deny(admissionBadRequestStatus(decodedNew.message));
  const decodedOld = decodeStorageObject(kind, request.oldObject);
  if (!decodedOld.ok) return deny(admissionBadRequestStatus(`oldObject: ${decodedOld.message}`));
  const name = objectName(decodedNew.value, request);
  const prev = applyStorageDefaults(kind, withRequestNamespace(kind, decodedOld.value, request));
  const next = prepareForUpdate(kind, applyStorageDefaults(kind, withRequestNamespace(kind, decodedNew.value, request)), prev);
  const warnings: string[] = [];

  if (options.validation !== false) {
    const errors = validateStorageObjectUpdate(kind, next, prev, options.validationOptions);
    if (errors.length > 0) return deny(toStatus(errors, { group: STORAGE_KINDS[kind].group, kind }, name) as Status);
    warnings.push(...storageObjectWarnings(kind, next, prev));
  }
  if (kind === "PersistentVolumeClaim" && options.persistentVolumeClaimResize !== false) {
    const text = checkClaimResize(next as PersistentVolumeClaim, prev as PersistentVolumeClaim, ctx.storageClasses ?? []);
    if (text !== undefined)
      return deny(forbiddenStatus(STORAGE_KINDS[kind].resource, name, text, STORAGE_KINDS[kind].group) as Status, warnings);
  }
  if (kind === "StorageClass") warnings.push(...defaultClassWarnings(next as StorageClass, ctx));
  const denied = applyLint(kind, next, name, ctx, options, warnings, prev);
  if (denied) return denied;
  return { allowed: true, warnings };
}

function reviewDelete<K extends StorageKind>(kind: K, request: AdmissionRequest, ctx: AdmissionContext): Outcome {
  if ((ctx.options?.mode ?? "all") === "mutate" || request.oldObject === undefined || request.oldObject === null)
    return { allowed: true, warnings: [] };
  const decoded = decodeStorageObject(kind, request.oldObject);
  if (!decoded.ok) return { allowed: true, warnings: [] }; // deleting a malformed object is never blocked
  const obj = withRequestNamespace(kind, decoded.value, request);
  return { allowed: true, warnings: deleteWarnings(kind, obj, ctx) };
}

/**
 * The optional lint step: findings about this object (with the context as the cluster) become
 * warnings, or — in `deny` mode — error findings deny with a 403. On UPDATE only findings the old
 * object did not have count, so an object that already had them can still be fixed or deleted.
 * Returns the denial, if any.
 */
function applyLint<K extends StorageKind>(
  kind: K,
  obj: StorageObjectOf[K],
  name: string,
  ctx: AdmissionContext,
  options: AdmissionOptions,
  warnings: string[],
  prev?: StorageObjectOf[K],
): Outcome | undefined {
  const level = options.lint ?? "off";
  if (level === "off") return undefined;
  const others = (list: readonly { metadata?: { name?: string; namespace?: string } }[] | undefined) =>
    list?.filter((o) => o.metadata?.name !== obj.metadata?.name || o.metadata?.namespace !== obj.metadata?.namespace);
  const cluster: LintCluster = {
    storageClasses: kind === "StorageClass" ? (others(ctx.storageClasses) as StorageClass[]) : ctx.storageClasses,
  };
  if (ctx.volumes) cluster.volumes = kind === "PersistentVolume" ? (others(ctx.volumes) as PersistentVolume[]) : ctx.volumes;
  if (ctx.claims) cluster.claims = ctx.claims;
  if (ctx.pods) cluster.pods = ctx.pods;
  const before = prev ? new Set(lintObjects([{ ...prev, kind }], { cluster }).map((f) => `${f.code} ${f.field}`)) : new Set<string>();
  const findings = lintObjects([{ ...obj, kind }], { cluster }).filter((f) => !before.has(`${f.code} ${f.field}`));
  const errors = findings.filter((f) => f.severity === "error");
  if (level === "deny" && errors.length > 0) {
    const text = errors.map((f) => `${f.code} ${f.field}: ${f.message}`).join("; ");
    return deny(forbiddenStatus(STORAGE_KINDS[kind].resource, name, text, STORAGE_KINDS[kind].group) as Status, warnings);
  }
  for (const f of findings) warnings.push(`${f.code} ${f.field}: ${f.message}`);
  return undefined;
}

/**
 * The pods that keep a claim's `kubernetes.io/pvc-protection` finalizer: scheduled pods
 * (`spec.nodeName` set, whatever their phase) in the claim's namespace with a volume naming the
 * claim, or a generic ephemeral volume whose generated claim this is.
 *
 * @example
 * ```ts
 * podsUsingClaim(claim, pods).map((p) => p.metadata.name); // ["web-0"]
 * ```
 */
export function podsUsingClaim(claim: PersistentVolumeClaim, pods: readonly Pod[]): Pod[] {
  return pods.filter((pod) => podUsesClaim(pod, claim));
}

function names(objs: readonly { metadata?: { name?: string } }[]): string {
  const list = objs.slice(0, 3).map((o) => o.metadata?.name ?? "");
  return list.join(", ") + (objs.length > 3 ? ` and ${objs.length - 3} more` : "");
}

function deleteWarnings<K extends StorageKind>(kind: K, obj: StorageObjectOf[K], ctx: AdmissionContext): string[] {
  const out: string[] = [];
  const name = obj.metadata?.name ?? "";
  const finalizers: readonly string[] = obj.metadata?.finalizers ?? [];
  if (kind === "PersistentVolumeClaim" && finalizers.includes(FinalizerPVCProtection)) {
    const users = podsUsingClaim(obj as PersistentVolumeClaim, ctx.pods ?? []);
    if (users.length > 0) out.push(`claim ${name} stays Terminating while used by pod ${names(users)}`);
  }
  if (kind === "PersistentVolume" && finalizers.includes(FinalizerPVProtection)) {
    const pv = obj as PersistentVolume;
    if (pv.status?.phase === "Bound") {
      const ref = pv.spec?.claimRef;
      out.push(`volume ${name} stays Terminating while Bound${ref ? ` to ${ref.namespace ?? ""}/${ref.name ?? ""}` : ""}`);
    }
  }
  if (kind === "StorageClass") {
    const users = (ctx.claims ?? []).filter((c) => c?.status?.phase !== "Bound" && claimClass(c) === name);
    if (users.length > 0) out.push(`${users.length} unbound claim(s) use class ${name} and cannot be provisioned without it`);
  }
  return out;
}

function createContextWarnings<K extends StorageKind>(kind: K, obj: StorageObjectOf[K], ctx: AdmissionContext): string[] {
  if (kind === "StorageClass") return defaultClassWarnings(obj as StorageClass, ctx);
  if (kind !== "PersistentVolumeClaim") return [];
  const claim = obj as PersistentVolumeClaim;
  const out: string[] = [];
  const cls = claimClass(claim);
  const classes = ctx.storageClasses ?? [];
  if (cls !== "" && classes.length > 0 && !classes.some((c) => c?.metadata?.name === cls)) {
    out.push(`storageclass "${cls}" not found; the claim stays Pending until it exists`);
  }
  const vol = claim.spec?.volumeName;
  if (vol && ctx.volumes && !ctx.volumes.some((v) => v?.metadata?.name === vol)) {
    out.push(`persistentvolume "${vol}" not found; the claim stays Pending until it exists`);
  }
  return out;
}

function defaultClassWarnings(sc: StorageClass, ctx: AdmissionContext): string[] {
  const name = sc.metadata?.name ?? "";
  const isDefault = (c: StorageClass) => !!c && typeof c === "object" && isDefaultStorageClass(c);
  if (!isDefault(sc)) return [];
  const others = (ctx.storageClasses ?? []).filter((c) => c?.metadata?.name !== name && isDefault(c));
  if (others.length === 0) return [];
  return [`StorageClass ${names(others)} is also marked default; class-less claims get the newest default`];
}
