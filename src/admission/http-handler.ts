/**
 * `createAdmissionHandler`: a `node:http` / `node:https` request listener that serves
 * {@link reviewAdmission} — body limit, content-type and method checks, path routing
 * (`/validate`, `/mutate`), readable 4xx answers for bad requests, and no crash or unhandled
 * rejection whatever arrives.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { AdmissionReviewError, reviewAdmission, type AdmissionContext, type AdmissionMode } from "./review.js";

/**
 * The API server sends at most 3 MiB of request body; the default limit matches it.
 *
 * @example
 * ```ts
 * createAdmissionHandler(ctx, { maxBodyBytes: DEFAULT_MAX_BODY_BYTES * 2 });
 * ```
 */
export const DEFAULT_MAX_BODY_BYTES = 3 * 1024 * 1024;

/**
 * The paths served when `routes` is not given: `/validate`, `/mutate`, and `/` (mutate and validate).
 *
 * @example
 * ```ts
 * createAdmissionHandler(ctx, { routes: { ...DEFAULT_ROUTES, "/admit": "all" } });
 * ```
 */
export const DEFAULT_ROUTES: Readonly<Record<string, AdmissionMode>> = { "/validate": "validate", "/mutate": "mutate", "/": "all" };

/**
 * One line of access log, passed to `onResult`.
 *
 * @example
 * ```ts
 * createAdmissionHandler(ctx, { onResult: (log: AdmissionRequestLog) => console.log(log.statusCode, log.uid) });
 * ```
 */
export interface AdmissionRequestLog {
  method: string;
  path: string;
  /** The HTTP status sent. */
  statusCode: number;
  /** The review's uid when one was answered. */
  uid?: string;
  /** Whether the review was allowed, when one was answered. */
  allowed?: boolean;
  /** The reason for a 4xx/5xx answer. */
  error?: string;
}

/**
 * Options of {@link createAdmissionHandler}.
 *
 * @example
 * ```ts
 * const opts: AdmissionHandlerOptions = { maxBodyBytes: 1 << 20, routes: false, healthPath: "/readyz" };
 * ```
 */
export interface AdmissionHandlerOptions {
  /** Largest accepted body in bytes (413 beyond). Default {@link DEFAULT_MAX_BODY_BYTES}. */
  maxBodyBytes?: number;
  /**
   * Path → mode. `false` serves every path with `ctx.options.mode`. Query strings are ignored.
   * Default {@link DEFAULT_ROUTES}; unknown paths get 404.
   */
  routes?: Readonly<Record<string, AdmissionMode>> | false;
  /** A path answering `GET` with 200 `ok` (for readiness probes). Default `/healthz`; `false` for none. */
  healthPath?: string | false;
  /** Called once per request after the answer is written (logging, metrics). Exceptions are ignored. */
  onResult?: (log: AdmissionRequestLog) => void;
}

/**
 * The context, or a function giving the current one (e.g. from an informer cache).
 *
 * @example
 * ```ts
 * let classes: StorageClass[] = [];
 * const source: AdmissionContextSource = () => ({ storageClasses: classes });
 * ```
 */
export type AdmissionContextSource = AdmissionContext | (() => AdmissionContext | Promise<AdmissionContext>);

/**
 * Create a request listener for `http.createServer` / `https.createServer` answering
 * AdmissionReview POSTs:
 *
 * - `405` for methods other than POST (with `Allow: POST`), `404` for unrouted paths,
 *   `415` unless `Content-Type` is `application/json`, `413` beyond `maxBodyBytes`,
 *   `400` for bodies that are not JSON or not an `admission.k8s.io/v1` AdmissionReview request;
 *   each with a `Status` JSON body whose `message` says what was wrong;
 * - `200` with the AdmissionReview response otherwise (denials are `allowed: false` inside a 200,
 *   as the protocol requires).
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * const server = createServer(createAdmissionHandler({ storageClasses }));
 * server.listen(8443);
 * ```
 */
export function createAdmissionHandler(
  ctx: AdmissionContextSource,
  options: AdmissionHandlerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const routes = options.routes === undefined ? DEFAULT_ROUTES : options.routes;
  const health = options.healthPath === undefined ? "/healthz" : options.healthPath;
  return (req, res) => {
    handle(req, res, ctx, maxBody, routes, health, options.onResult).catch((e: unknown) => {
      safeEnd(req, res, 500, "InternalError", `internal error: ${e instanceof Error ? e.message : String(e)}`, options.onResult);
    });
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  source: AdmissionContextSource,
  maxBody: number,
  routes: Readonly<Record<string, AdmissionMode>> | false,
  health: string | false,
  onResult: AdmissionHandlerOptions["onResult"],
): Promise<void> {
  const method = req.method ?? "";
  const path = pathOf(req.url);
  const fail = (code: number, reason: string, message: string, headers: Record<string, string> = {}) =>
    safeEnd(req, res, code, reason, message, onResult, headers);

  if (health !== false && path === health && (method === "GET" || method === "HEAD")) {
    res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(method === "HEAD" ? undefined : "ok");
    report(onResult, { method, path, statusCode: 200 });
    return;
  }
  let mode: AdmissionMode | undefined;
  if (routes !== false) {
    if (!Object.hasOwn(routes, path))
      return fail(404, "NotFound", `no admission endpoint at ${JSON.stringify(path)}; use ${Object.keys(routes).join(", ")}`);
    mode = routes[path];
  }
  if (method !== "POST")
    return fail(405, "MethodNotAllowed", `method ${method} is not allowed; send the AdmissionReview with POST`, { Allow: "POST" });
  const contentType = String(req.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();
  if (contentType !== "application/json") {
    return fail(
      415,
      "UnsupportedMediaType",
      `unsupported Content-Type ${JSON.stringify(req.headers["content-type"] ?? "")}; expected application/json`,
    );
  }
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBody)
    return fail(413, "RequestEntityTooLarge", `request body of ${declared} bytes exceeds the limit of ${maxBody} bytes`);

  const body = await readBody(req, maxBody);
  if (body.kind === "aborted") return; // the client went away; there is nobody to answer
  if (body.kind === "tooLarge") return fail(413, "RequestEntityTooLarge", `request body exceeds the limit of ${maxBody} bytes`);

  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch (e) {
    return fail(400, "BadRequest", `request body is not valid JSON: ${(e as Error).message}`);
  }
  let ctx: AdmissionContext;
  try {
    ctx = typeof source === "function" ? await source() : source;
  } catch (e) {
    return fail(500, "InternalError", `cannot load the admission context: ${e instanceof Error ? e.message : String(e)}`);
  }
  const effective: AdmissionContext = mode === undefined ? ctx : { ...ctx, options: { ...(ctx?.options ?? {}), mode } };
  let out;
  try {
    out = reviewAdmission(json, effective);
  } catch (e) {
    if (e instanceof AdmissionReviewError) return fail(400, "BadRequest", e.message);
    throw e;
  }
  const text = JSON.stringify(out);
  if (res.headersSent || res.destroyed) return;
  res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
  report(onResult, { method, path, statusCode: 200, uid: out.response.uid, allowed: out.response.allowed });
}

function pathOf(url: string | undefined): string {
  const raw = url ?? "/";
  const q = raw.search(/[?#]/);
  return q === -1 ? raw : raw.slice(0, q);
}

type Body = { kind: "ok"; text: string } | { kind: "tooLarge" } | { kind: "aborted" };

function readBody(req: IncomingMessage, max: number): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (b: Body) => {
      if (done) return;
      done = true;
      resolve(b);
    };
    req.on("data", (chunk: Buffer | string) => {
      if (done) return;
      const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += buf.length;
      if (size > max) {
        chunks.length = 0;
        finish({ kind: "tooLarge" });
        return;
      }
      chunks.push(buf);
    });
    req.on("end", () => {
      try {
        finish({ kind: "ok", text: new TextDecoder("utf-8").decode(Buffer.concat(chunks)) });
      } catch {
        finish({ kind: "aborted" });
      }
    });
    req.on("error", () => finish({ kind: "aborted" }));
    req.on("aborted", () => finish({ kind: "aborted" }));
    req.on("close", () => finish({ kind: "aborted" }));
  });
}

function safeEnd(
  req: IncomingMessage,
  res: ServerResponse,
  code: number,
  reason: string,
  message: string,
  onResult: AdmissionHandlerOptions["onResult"],
  headers: Record<string, string> = {},
): void {
  try {
    if (res.headersSent || res.destroyed) return;
    const text = JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code });
    const closing = code === 413; // the rest of an oversized body is not read: close the connection
    res.writeHead(code, {
      ...headers,
      "Content-Type": "application/json",
      "Content-Length": String(Buffer.byteLength(text)),
      ...(closing ? { Connection: "close" } : {}),
    });
    res.end(text, () => {
      if (closing) req.destroy();
    });
    if (!closing && !req.complete) req.resume(); // drain an unread body so keep-alive can go on
    report(onResult, { method: req.method ?? "", path: pathOf(req.url), statusCode: code, error: message });
  } catch {
    // the socket is gone; nothing more can be said
  }
}

function report(onResult: AdmissionHandlerOptions["onResult"], log: AdmissionRequestLog): void {
  if (!onResult) return;
  try {
    onResult(log);
  } catch {
    // a logging hook must not break the webhook
  }
}
