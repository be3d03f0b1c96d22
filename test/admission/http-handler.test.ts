import fc from "fast-check";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAdmissionHandler,
  decodeJsonPatch,
  makeAdmissionReview,
  type AdmissionContext,
  type AdmissionRequestLog,
  type AdmissionReviewResponse,
} from "../../src/admission/index.js";
import { claim, storageClass, volume } from "./fixtures.js";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const ctx: AdmissionContext = { storageClasses: [storageClass("standard", {}, { default: true })] };
const logs: AdmissionRequestLog[] = [];
const rejections: unknown[] = [];
const onRejection = (e: unknown) => rejections.push(e);
let server: Server;
let port: number;

function send(opts: {
  method?: string;
  path?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  chunks?: Buffer[];
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "Content-Type": "application/json", ...(opts.headers ?? {}) };
    const req = request(
      { host: "127.0.0.1", port, method: opts.method ?? "POST", path: opts.path ?? "/", headers, agent: false },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (d: Buffer) => parts.push(d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (opts.chunks) {
      for (const c of opts.chunks) req.write(c);
      req.end();
    } else req.end(opts.body);
  });
}

const postReview = (review: unknown, path = "/") => send({ path, body: JSON.stringify(review) });

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  server = createServer(createAdmissionHandler(ctx, { maxBodyBytes: 64 * 1024, onResult: (l) => logs.push(l) }));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  process.off("unhandledRejection", onRejection);
  expect(rejections).toEqual([]);
});

describe("createAdmissionHandler over HTTP", () => {
  it("answers a valid review with 200 and the AdmissionReview JSON", async () => {
    const r = await postReview(makeAdmissionReview({ operation: "CREATE", uid: "abc-123", object: claim("data") }));
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("application/json");
    const out = JSON.parse(r.body) as AdmissionReviewResponse;
    expect(out.response.uid).toBe("abc-123");
    expect(out.response.allowed).toBe(true);
    expect(decodeJsonPatch(out.response.patch!).map((o) => o.path)).toEqual(["/spec/storageClassName", "/metadata/finalizers"]);
    expect(logs.at(-1)).toMatchObject({ method: "POST", path: "/", statusCode: 200, uid: "abc-123", allowed: true });
  });

  it("routes /validate (no patch) and /mutate (no validation), ignoring the query string", async () => {
    const review = makeAdmissionReview({ operation: "CREATE", uid: "u", object: claim("data") });
    const v = JSON.parse((await postReview(review, "/validate?timeout=10s")).body) as AdmissionReviewResponse;
    expect(v.response).toEqual({ uid: "u", allowed: true });
    const invalid = makeAdmissionReview({ operation: "CREATE", uid: "u2", object: claim("bad", { resources: {} }) });
    const m = JSON.parse((await postReview(review, "/mutate")).body) as AdmissionReviewResponse;
    expect(m.response.allowed).toBe(true);
    expect(m.response.patchType).toBe("JSONPatch");
    const mi = JSON.parse((await postReview(invalid, "/mutate")).body) as AdmissionReviewResponse;
    expect(mi.response).toEqual({ uid: "u2", allowed: true });
    const a = JSON.parse((await postReview(invalid, "/")).body) as AdmissionReviewResponse;
    expect(a.response.allowed).toBe(false);
    expect(a.response.status?.code).toBe(422);
  });

  it("denials travel inside a 200 (a wrong kind is allowed untouched)", async () => {
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "d" } };
    const r = await postReview(makeAdmissionReview({ operation: "CREATE", uid: "pod", object: pod }));
    expect(r.status).toBe(200);
    expect((JSON.parse(r.body) as AdmissionReviewResponse).response).toMatchObject({ uid: "pod", allowed: true });
    const bad = await postReview(makeAdmissionReview({ operation: "CREATE", uid: "pv", kind: "PersistentVolume", object: "nope" }));
    expect(bad.status).toBe(200);
    expect((JSON.parse(bad.body) as AdmissionReviewResponse).response).toMatchObject({ uid: "pv", allowed: false, status: { code: 400 } });
  });

  it.each([
    ["not JSON", "{", /request body is not valid JSON/],
    ["empty", "", /request body is not valid JSON/],
    ["JSON but not a review", '{"hello":1}', /invalid AdmissionReview: apiVersion/],
    [
      "a v1beta1 review",
      JSON.stringify({ ...makeAdmissionReview({ operation: "CREATE", object: claim("a") }), apiVersion: "admission.k8s.io/v1beta1" }),
      /apiVersion/,
    ],
    [
      "a review without uid",
      JSON.stringify({ apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", request: { operation: "CREATE" } }),
      /request\.uid/,
    ],
  ])("400 for a body that is %s, with a Status message", async (_n, body, message) => {
    const r = await send({ body });
    expect(r.status).toBe(400);
    const status = JSON.parse(r.body) as { kind: string; code: number; reason: string; message: string };
    expect(status).toMatchObject({ kind: "Status", code: 400, reason: "BadRequest" });
    expect(status.message).toMatch(message);
  });

  it("405 for other methods, with Allow: POST", async () => {
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      const r = await send({ method, path: "/validate", body: method === "GET" ? undefined : "{}" });
      expect(r.status).toBe(405);
      expect(r.headers.allow).toBe("POST");
      expect(JSON.parse(r.body).message).toContain(method);
    }
  });

  it("404 for unknown paths; /healthz answers GET", async () => {
    const r = await send({ path: "/nope", body: "{}" });
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body).message).toContain("/validate");
    const h = await send({ method: "GET", path: "/healthz" });
    expect([h.status, h.body]).toEqual([200, "ok"]);
  });

  it("415 for a wrong or missing content type; accepts parameters like charset", async () => {
    const review = JSON.stringify(makeAdmissionReview({ operation: "CREATE", object: claim("a") }));
    expect((await send({ body: review, headers: { "Content-Type": "text/plain" } })).status).toBe(415);
    expect((await send({ body: review, headers: { "Content-Type": "" } })).status).toBe(415);
    expect((await send({ body: review, headers: { "Content-Type": "application/json; charset=utf-8" } })).status).toBe(200);
    expect((await send({ body: review, headers: { "Content-Type": "Application/JSON" } })).status).toBe(200);
  });

  it("413 for oversized bodies, declared or streamed", async () => {
    const big = JSON.stringify({ pad: "x".repeat(70 * 1024) });
    const declared = await send({ body: big });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).message).toContain("65536");
    const streamed = await send({
      chunks: Array.from({ length: 5 }, () => Buffer.alloc(20 * 1024, 0x20)),
      headers: { "Transfer-Encoding": "chunked" },
    }).catch((e: NodeJS.ErrnoException) => ({ status: e.code === "ECONNRESET" || e.code === "EPIPE" ? 413 : -1, headers: {}, body: "" }));
    expect(streamed.status).toBe(413);
    // and the server still answers afterwards
    expect((await postReview(makeAdmissionReview({ operation: "CREATE", object: volume("pv1") }))).status).toBe(200);
  });

  it("answers 100 concurrent reviews, each with its own uid", async () => {
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        postReview(makeAdmissionReview({ operation: "CREATE", uid: `u-${i}`, object: i % 2 ? claim(`c${i}`) : volume(`pv${i}`) })),
      ),
    );
    replies.forEach((r, i) => {
      expect(r.status).toBe(200);
      const out = JSON.parse(r.body) as AdmissionReviewResponse;
      expect(out.response.uid).toBe(`u-${i}`);
      expect(out.response.allowed).toBe(true);
    });
  });

  it("never crashes on random bodies (fast-check, bounded)", async () => {
    const envelope = fc.record({
      apiVersion: fc.constantFrom("admission.k8s.io/v1", "v1", 3),
      kind: fc.constantFrom("AdmissionReview", "Pod"),
      request: fc.record(
        {
          uid: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constant(7)),
          kind: fc.record({
            group: fc.constantFrom("", "storage.k8s.io"),
            version: fc.constant("v1"),
            kind: fc.constantFrom("PersistentVolume", "PersistentVolumeClaim", "StorageClass", "Pod"),
          }),
          resource: fc.record({ group: fc.constant(""), version: fc.constant("v1"), resource: fc.constant("x") }),
          operation: fc.constantFrom("CREATE", "UPDATE", "DELETE", "CONNECT", "NOPE"),
          object: fc.jsonValue({ maxDepth: 4 }),
          oldObject: fc.option(fc.jsonValue({ maxDepth: 3 })),
          subResource: fc.option(fc.constantFrom("status", "")),
        },
        { requiredKeys: ["uid", "kind", "resource", "operation"] },
      ),
    });
    const body = fc.oneof(
      fc.string({ maxLength: 64 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      envelope.map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const r = await send({ body: b });
        expect([200, 400]).toContain(r.status);
        expect(() => JSON.parse(r.body)).not.toThrow();
        if (r.status === 200) {
          const out = JSON.parse(r.body) as AdmissionReviewResponse;
          expect(out.response.uid).toBe((JSON.parse(b) as { request: { uid: string } }).request.uid);
          expect(out.response.status?.code).not.toBe(500);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("reports a failing context source as 500 and keeps serving; accepts an async source", async () => {
    const failing = createServer(
      createAdmissionHandler(() => {
        throw new Error("informer not synced");
      }),
    );
    await new Promise<void>((r) => failing.listen(0, "127.0.0.1", r));
    const p = (failing.address() as AddressInfo).port;
    const saved = port;
    port = p;
    try {
      const r = await postReview(makeAdmissionReview({ operation: "CREATE", object: claim("a") }));
      expect(r.status).toBe(500);
      expect(JSON.parse(r.body).message).toContain("informer not synced");
    } finally {
      port = saved;
      await new Promise<void>((r) => failing.close(() => r()));
    }
    const asyncServer = createServer(createAdmissionHandler(async () => ctx, { routes: false }));
    await new Promise<void>((r) => asyncServer.listen(0, "127.0.0.1", r));
    port = (asyncServer.address() as AddressInfo).port;
    try {
      const r = await postReview(makeAdmissionReview({ operation: "CREATE", uid: "z", object: claim("a") }), "/any/path");
      expect(r.status).toBe(200);
      expect((JSON.parse(r.body) as AdmissionReviewResponse).response.uid).toBe("z");
    } finally {
      port = saved;
      await new Promise<void>((r) => asyncServer.close(() => r()));
    }
  });

  it("survives clients that disconnect mid-body", async () => {
    await new Promise<void>((resolve) => {
      const req = request({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/",
        headers: { "Content-Type": "application/json", "Content-Length": "1000" },
      });
      req.on("error", () => resolve());
      req.write('{"apiVersion":');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 20);
    });
    expect((await postReview(makeAdmissionReview({ operation: "CREATE", object: claim("a") }))).status).toBe(200);
  });
});
