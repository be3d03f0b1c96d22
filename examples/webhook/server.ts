/**
 * A runnable kubevol admission webhook for PersistentVolumes, PersistentVolumeClaims and
 * StorageClasses.
 *
 *   npx tsx examples/webhook/server.ts                      # HTTPS on :8443, self-signed cert made at start
 *   npx tsx examples/webhook/server.ts --insecure --port 8080   # plain HTTP (local testing only)
 *   npx tsx examples/webhook/server.ts --cert tls.crt --key tls.key --classes classes.yaml
 *   npx tsx examples/webhook/server.ts --in-cluster         # read StorageClasses from the API server
 *   npx tsx examples/webhook/server.ts --lint warn          # add storage-lint findings as warnings (deny: 403 on errors)
 *
 * In your own project import from "kubevol/admission" instead of the source tree.
 *
 * Endpoints: POST /validate, POST /mutate, POST / (both), GET /healthz.
 * See docs/admission.md for the walk-through.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer, request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import type { StorageClass } from "../../src/api/index.js";
import { createAdmissionHandler, type AdmissionContext } from "../../src/admission/index.js";

interface Args {
  port: number;
  host: string;
  insecure: boolean;
  cert?: string;
  key?: string;
  classes?: string;
  inCluster: boolean;
  multipleDefaults: "newest" | "reject";
  lint: "off" | "warn" | "deny";
}

function parseArgs(argv: string[]): Args {
  const args: Args = { port: 8443, host: "0.0.0.0", insecure: false, inCluster: false, multipleDefaults: "newest", lint: "off" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--port") args.port = Number(next());
    else if (a === "--host") args.host = next();
    else if (a === "--insecure") args.insecure = true;
    else if (a === "--cert") args.cert = next();
    else if (a === "--key") args.key = next();
    else if (a === "--classes") args.classes = next();
    else if (a === "--in-cluster") args.inCluster = true;
    else if (a === "--reject-multiple-defaults") args.multipleDefaults = "reject";
    else if (a === "--lint") {
      const v = next();
      if (v !== "off" && v !== "warn" && v !== "deny") throw new Error("--lint must be off, warn or deny");
      args.lint = v;
    } else if (a === "--help" || a === "-h") {
      console.log(
        "usage: server.ts [--port N] [--host H] [--insecure] [--cert F --key F] [--classes FILE] [--in-cluster] [--reject-multiple-defaults] [--lint off|warn|deny]",
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error("--port must be 0..65535");
  return args;
}

/** StorageClasses from a YAML or JSON file (one or many documents, or a List). */
function loadClasses(file: string): StorageClass[] {
  const out: StorageClass[] = [];
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    const v = doc.toJS() as { kind?: string; items?: unknown[] } | null;
    const items = v?.kind?.endsWith("List") && Array.isArray(v.items) ? v.items : [v];
    for (const it of items) if ((it as { kind?: string } | null)?.kind === "StorageClass") out.push(it as StorageClass);
  }
  return out;
}

/** A self-signed certificate for localhost and the in-cluster service name, made with the openssl binary. */
function selfSignedCertificate(): { cert: Buffer; key: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), "kubevol-webhook-"));
  try {
    const keyFile = join(dir, "tls.key");
    const certFile = join(dir, "tls.crt");
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-sha256",
        "-days",
        "30",
        "-keyout",
        keyFile,
        "-out",
        certFile,
        "-subj",
        "/CN=kubevol-webhook.kubevol.svc",
        "-addext",
        "subjectAltName=DNS:localhost,IP:127.0.0.1,DNS:kubevol-webhook.kubevol.svc,DNS:kubevol-webhook.kubevol.svc.cluster.local",
      ],
      { stdio: "ignore" },
    );
    return { cert: readFileSync(certFile), key: readFileSync(keyFile) };
  } catch (e) {
    throw new Error(
      `cannot generate a self-signed certificate with openssl (${(e as Error).message}); pass --cert/--key, or --insecure for plain HTTP`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In a pod: list StorageClasses with the service account's token, every 30 s. */
function watchClassesInCluster(onClasses: (c: StorageClass[]) => void): void {
  const sa = "/var/run/secrets/kubernetes.io/serviceaccount";
  const host = process.env.KUBERNETES_SERVICE_HOST;
  const port = process.env.KUBERNETES_SERVICE_PORT ?? "443";
  if (!host) throw new Error("--in-cluster: KUBERNETES_SERVICE_HOST is not set (not running in a pod?)");
  const poll = () => {
    const token = readFileSync(join(sa, "token"), "utf8").trim();
    const req = httpsRequest(
      {
        host,
        port,
        path: "/apis/storage.k8s.io/v1/storageclasses",
        ca: readFileSync(join(sa, "ca.crt")),
        headers: { Authorization: `Bearer ${token}` },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (body += d));
        res.on("end", () => {
          try {
            if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
            onClasses((JSON.parse(body) as { items: StorageClass[] }).items);
          } catch (e) {
            console.error(`listing StorageClasses failed: ${(e as Error).message}`);
          }
        });
      },
    );
    req.on("error", (e) => console.error(`listing StorageClasses failed: ${e.message}`));
    req.end();
  };
  poll();
  setInterval(poll, 30_000).unref();
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  let classes: StorageClass[] = args.classes ? loadClasses(args.classes) : [];
  if (args.inCluster) watchClassesInCluster((c) => (classes = c));
  const context = (): AdmissionContext => ({
    storageClasses: classes,
    options: { multipleDefaultClasses: args.multipleDefaults, lint: args.lint },
  });
  const handler = createAdmissionHandler(context, {
    onResult: (r) => console.log(JSON.stringify({ time: new Date().toISOString(), ...r })),
  });
  let server: Server;
  let scheme: string;
  if (args.insecure) {
    server = createHttpServer(handler);
    scheme = "http";
  } else {
    const tls = args.cert && args.key ? { cert: readFileSync(args.cert), key: readFileSync(args.key) } : selfSignedCertificate();
    server = createHttpsServer(tls, handler);
    scheme = "https";
  }
  server.requestTimeout = 10_000; // the API server gives up after at most 30 s anyway
  server.listen(args.port, args.host, () => {
    const addr = server.address();
    const port = typeof addr === "object" && addr ? addr.port : args.port;
    console.log(
      `kubevol webhook on ${scheme}://${args.host}:${port} (${classes.length} StorageClasses known); endpoints /validate /mutate / /healthz`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

try {
  main();
} catch (e) {
  console.error(`kubevol webhook: ${(e as Error).message}`);
  process.exit(1);
}
