import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import * as z from "zod";
import { VERSION } from "../../src/cli/version.js";
import { ROOT, runInProcess, runSubprocess } from "./helpers.js";

const EXAMPLE = join(ROOT, "examples/cluster.yaml");
const FIX = join(ROOT, "test/cli/fixtures");

/** The shape of `explain -o json`, as documented in docs/cli.md. */
const ExplainJson = z.object({
  claims: z.array(
    z.object({
      namespace: z.string(),
      name: z.string(),
      status: z.enum(["Bound", "WillBind", "WillProvision", "Pending", "Lost"]),
      volume: z.string().optional(),
      request: z.string(),
      class: z.string(),
      reason: z.string().min(1),
      explanation: z
        .object({
          outcome: z.string(),
          headline: z.string(),
          summary: z.array(z.string()),
          volumes: z.array(z.object({ name: z.string() })),
        })
        .passthrough()
        .optional(),
    }),
  ),
});

describe("kubevol explain on examples/cluster.yaml", () => {
  const json = runInProcess(["explain", "-f", EXAMPLE, "-o", "json"]);
  const out = ExplainJson.parse(JSON.parse(json.stdout));
  const byName = new Map(out.claims.map((c) => [`${c.namespace}/${c.name}`, c]));

  it("exits 0 even though claims are Pending", () => {
    expect(json.status).toBe(0);
    expect(json.stderr).toBe("");
  });
  it("reports bound claims, claims that would bind, and Pending claims", () => {
    expect(byName.get("shop/orders-db")).toMatchObject({ status: "Bound", volume: "iscsi-orders-80g" });
    expect(byName.get("shop/media")).toMatchObject({ status: "WillBind", volume: "nfs-media-100g" });
    expect(byName.get("shop/search-index")).toMatchObject({ status: "WillBind", volume: "iscsi-ssd-50g" });
    // The default class provisions through ebs.csi.aws.com (the simulated provisioner succeeds).
    expect(byName.get("web/web-content")).toMatchObject({ status: "WillProvision" });
    // The scheduler places stream/kafka-0's pod on node-a, the only node with a local volume that
    // holds 300Gi; the PV controller then binds the volume the scheduler reserved.
    expect(byName.get("stream/kafka-0")).toMatchObject({ status: "WillBind", volume: "local-node-a-nvme0" });
    for (const k of ["shop/archive", "shop/uploads", "shop/scratch", "shop/cache", "analytics/warehouse", "analytics/scratch-a"]) {
      expect(byName.get(k)?.status, k).toBe("Pending");
      expect(byName.get(k)?.explanation?.outcome, k).not.toBe("matched");
    }
    // A claim naming a volume is not matched by searching: the named volume is Released and still
    // claimed by the deleted shop/reports.
    expect(byName.get("shop/reports-restore")?.status).toBe("Pending");
    expect(byName.get("shop/reports-restore")?.explanation).toMatchObject({
      volumeNameCheck: { volume: "iscsi-old-reports-30g", result: "bound-elsewhere" },
    });
  });
  it("never lets two claims take the same volume (claims bind in creation order)", () => {
    const volumes = out.claims.filter((c) => c.status !== "Pending" && c.volume !== undefined).map((c) => c.volume);
    expect(new Set(volumes).size).toBe(volumes.length);
    // uploads (RWX) comes after media, which took the only RWX volume
    expect(byName.get("shop/uploads")?.status).toBe("Pending");
  });
  it("explains why, in words an operator understands", () => {
    expect(byName.get("shop/archive")?.reason).toMatch(/500Gi|200Gi|large enough|too small/);
    expect(byName.get("shop/uploads")?.reason).toMatch(/ReadWriteMany/);
    expect(byName.get("shop/scratch")?.reason).toMatch(/disktype=nvme|selector/);
    expect(byName.get("shop/cache")?.reason).toMatch(/gold/);
    expect(byName.get("shop/reports-restore")?.reason).toMatch(/iscsi-old-reports-30g/);
    expect(byName.get("stream/kafka-0")?.reason).toMatch(/scheduler places pod stream\/kafka-0 on node-a/);
    // Its pod exists but fits no node: the claim waits for that pod, and says why it cannot run.
    expect(byName.get("analytics/scratch-a")?.reason).toMatch(/^pod analytics\/spark cannot be scheduled: 0\/2 nodes are available: /);
    expect(byName.get("web/web-content")?.reason).toMatch(/fast|ebs\.csi\.aws\.com/);
  });
  it("prints a table with a summary line", () => {
    const table = runInProcess(["explain", "-f", EXAMPLE]);
    expect(table.status).toBe(0);
    const lines = table.stdout.split("\n");
    expect(lines[0]).toMatch(/^NAMESPACE\s+NAME\s+STATUS\s+VOLUME\s+REQUEST\s+CLASS\s+REASON$/);
    expect(table.stdout).toContain("shop/archive is Pending:");
    expect(table.stdout).toMatch(/18 claims: 6 Bound, 3 WillBind, 1 WillProvision, 8 Pending\./);
    expect(table.stdout).toMatch(/11 pods using claims: 7 Pending, 3 Scheduled, 1 WillSchedule\./);
    expect(table.stdout).not.toContain("\x1b["); // no colour when not a terminal
  });
  it("-o wide adds access modes; -o yaml is the same data as JSON", () => {
    expect(runInProcess(["explain", "-f", EXAMPLE, "-o", "wide"]).stdout.split("\n")[0]).toContain("ACCESS MODES");
    const yaml = parseYaml(runInProcess(["explain", "-f", EXAMPLE, "-o", "yaml"]).stdout);
    expect(ExplainJson.parse(yaml).claims.map((c) => c.status)).toEqual(out.claims.map((c) => c.status));
  });
  it("--claim explains one claim with every volume's verdict", () => {
    const one = ExplainJson.parse(JSON.parse(runInProcess(["explain", "-f", EXAMPLE, "--claim", "shop/archive", "-o", "json"]).stdout));
    expect(one.claims).toHaveLength(1);
    expect(one.claims[0]!.explanation!.volumes.map((v) => v.name)).toContain("iscsi-hdd-200g");
    expect(runInProcess(["explain", "-f", EXAMPLE, "--claim", "shop/nope"]).status).toBe(2);
  });
  it("--node explains the Pending claims as the scheduler searches on that node: the local volume of node-a does not fit node-b", () => {
    const onA = ExplainJson.parse(JSON.parse(runInProcess(["explain", "-f", EXAMPLE, "--node", "node-a", "-o", "json"]).stdout));
    const onB = ExplainJson.parse(JSON.parse(runInProcess(["explain", "-f", EXAMPLE, "--node", "node-b", "-o", "json"]).stdout));
    const scratch = (o: typeof onA) => o.claims.find((c) => c.name === "scratch-a")!;
    expect(scratch(onA).explanation).toMatchObject({ outcome: "matched", match: { volume: "local-node-a-nvme1" } });
    expect(scratch(onB).explanation?.outcome).toBe("no-match");
  });
  it("explains the pods: where the scheduler places them, and the FailedScheduling text of those it cannot", () => {
    const r = runInProcess(["explain", "-f", EXAMPLE, "-o", "json"]);
    const pods = (
      JSON.parse(r.stdout) as {
        pods: { namespace: string; name: string; status: string; node?: string; message?: string; nodes: unknown[] }[];
      }
    ).pods;
    const pod = (k: string) => pods.find((p) => `${p.namespace}/${p.name}` === k)!;
    expect(pod("stream/kafka-0")).toMatchObject({ status: "WillSchedule", node: "node-a" });
    expect(pod("analytics/ledger-writer")).toMatchObject({ status: "Scheduled", node: "node-a" });
    expect(pod("analytics/etl").message).toBe('0/2 nodes are available: persistentvolumeclaim "etl-input" not found.');
    expect(pod("analytics/warehouse").message).toBe("0/2 nodes are available: 2 node(s) didn't find available persistent volumes to bind.");
    expect(pod("analytics/spark").message).toBe(
      "0/2 nodes are available: 1 node(s) didn't find available persistent volumes to bind, 1 node(s) had volume node affinity conflict.",
    );
    expect(pod("analytics/history-job").message).toBe("0/2 nodes are available: 2 node(s) had no available volume zone.");
    expect(pod("analytics/ledger-reader").message).toMatch(/ReadWriteOncePod access mode\.$/);
    expect(pod("analytics/trainer").message).toBe("0/2 nodes are available: 2 node(s) did not have enough free storage.");
    expect(pod("analytics/sync").message).toBe("0/2 nodes are available: 2 node(s) exceed max volume count.");
    expect(pod("analytics/spark").nodes).toHaveLength(2);
  });
});

describe("kubevol simulate", () => {
  it("runs the controller to a fixpoint and shows bindings and events", () => {
    const r = runInProcess(["simulate", "-f", EXAMPLE, "-o", "json"]);
    expect(r.status).toBe(0);
    const data = JSON.parse(r.stdout) as {
      converged: boolean;
      claims: { namespace: string; name: string; phase: string; volume: string }[];
      events: { reason: string }[];
    };
    expect(data.converged).toBe(true);
    const media = data.claims.find((c) => c.name === "media");
    expect(media).toMatchObject({ phase: "Bound", volume: "nfs-media-100g" });
    // the dynamically provisioned claim gets a volume from the (simulated) provisioner
    expect(data.claims.find((c) => c.name === "web-content")?.phase).toBe("Bound");
    expect(data.claims.find((c) => c.name === "archive")?.phase).toBe("Pending");
    expect(data.events.map((e) => e.reason)).toContain("FailedBinding");
    const table = runInProcess(["simulate", "-f", EXAMPLE]);
    expect(table.stdout).toContain("Converged after");
  });
});

describe("kubevol validate", () => {
  it("exits 1 with the API server's messages when something is invalid", () => {
    const r = runInProcess(["validate", "-f", join(FIX, "invalid.yaml")]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Unsupported value: "RWO"');
    expect(r.stdout).toContain("invalid.yaml:1");
  });
  it("exits 0 for valid manifests and ignores unrelated kinds", () => {
    const r = runInProcess(["validate", "-f", join(FIX, "valid.yaml"), "-o", "json"]);
    const data = JSON.parse(r.stdout) as { checked: number; valid: boolean };
    expect(r.status).toBe(0);
    expect(data).toMatchObject({ checked: 2, valid: true });
  });
});

describe("input errors and edge cases", () => {
  it("empty input: no claims, exit 0", () => {
    const r = runInProcess(["explain", "-f", "-"], "");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("No claims in the input.");
  });
  it("malformed YAML: exit 2, file and line, no stack trace", () => {
    const r = runInProcess(["explain", "-f", "-"], "kind: PersistentVolume\nmetadata:\n  name: [oops\n");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: -:\d+: malformed YAML/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it("an object of a used kind with the wrong shape becomes a finding with its location; the rest is explained", () => {
    const r = runInProcess(
      ["explain", "-f", "-"],
      "apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: x}\nspec: {capacity: {storage: lots}}\n---\n" +
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c, namespace: ns}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, storageClassName: ''}\n",
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/-:1: PersistentVolume x: PersistentVolume "x": spec.capacity\[storage\]/);
    expect(r.stdout).toMatch(/ns\s+c\s+Pending/);
  });
  it("usage errors exit 2", () => {
    expect(runInProcess(["explain", "-n", "shop", "-A"]).status).toBe(2);
    expect(runInProcess(["nope"]).status).toBe(2);
  });
  it("help and version", () => {
    expect(runInProcess(["help"]).stdout).toContain("kubevol explain");
    expect(runInProcess(["version"]).stdout).toBe(`kubevol ${VERSION}\n`);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});

describe("as a subprocess", () => {
  it("reads kubectl's JSON from stdin", () => {
    const list = {
      apiVersion: "v1",
      kind: "List",
      items: [
        {
          apiVersion: "v1",
          kind: "PersistentVolume",
          metadata: { name: "pv1" },
          spec: { capacity: { storage: "5Gi" }, accessModes: ["ReadWriteOnce"], hostPath: { path: "/x" } },
          status: { phase: "Available" },
        },
        {
          apiVersion: "v1",
          kind: "PersistentVolumeClaim",
          metadata: { name: "c1", namespace: "default" },
          spec: { accessModes: ["ReadWriteOnce"], storageClassName: "", resources: { requests: { storage: "1Gi" } } },
        },
      ],
    };
    const r = runSubprocess(["explain", "-f", "-", "-o", "json"], { stdin: JSON.stringify(list) });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).claims[0]).toMatchObject({ name: "c1", status: "WillBind", volume: "pv1" });
  });
  it("exits 2 on a missing file without a stack trace", () => {
    const r = runSubprocess(["explain", "-f", "does-not-exist.yaml"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("error: does-not-exist.yaml: no such file or directory\n");
  });
});

describe("the README quick start", () => {
  it("shows the real output of `node dist/cli/main.js explain -f examples/cluster.yaml`", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const complete = /<summary>The complete output<\/summary>\s*```text\n([\s\S]*?)\n```/.exec(readme);
    expect(complete, "README has the complete output block").not.toBeNull();
    const actual = runInProcess(["explain", "-f", "examples/cluster.yaml"]).stdout.trimEnd();
    expect(complete![1]).toBe(actual);
    const quick = /\$ node dist\/cli\/main\.js explain -f examples\/cluster.yaml\n([\s\S]*?)\n\.\.\.\n```/.exec(readme);
    expect(quick, "README shows the main command's output").not.toBeNull();
    expect(actual.startsWith(quick![1]!)).toBe(true);
    // The quick start runs that same command.
    expect(readme).toMatch(/^node dist\/cli\/main\.js explain -f examples\/cluster\.yaml +#/m);
  });
});
