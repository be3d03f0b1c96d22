import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "../../src/cli/args.js";

const term = { isTTY: false, env: {} };

describe("parseArgs", () => {
  it("parses explain with repeated -f, --claim, --node and -o", () => {
    const o = parseArgs(["explain", "-f", "a.yaml", "--filename=b/", "-f", "-", "--claim", "ns/c", "--node", "n1", "-o", "json"], term);
    expect(o).toMatchObject({ command: "explain", files: ["a.yaml", "b/", "-"], claim: "ns/c", node: "n1", output: "json" });
  });
  it("without -f reads the cluster: all namespaces, or -n; --context and --kubeconfig kept for kubectl", () => {
    expect(parseArgs(["explain"], term).cluster).toEqual({});
    expect(parseArgs(["simulate", "-A"], term).cluster).toEqual({});
    expect(parseArgs(["validate", "--all-namespaces"], term).cluster).toEqual({});
    expect(parseArgs(["explain", "-n", "shop", "--context=prod", "--kubeconfig", "/k/config"], term).cluster).toEqual({
      namespace: "shop",
      context: "prod",
      kubeconfig: "/k/config",
    });
    expect(parseArgs(["explain", "--namespace=web"], term).cluster).toEqual({ namespace: "web" });
    // kubectl's short forms with the value attached
    expect(parseArgs(["explain", "-nweb", "-ojson"], term)).toMatchObject({ cluster: { namespace: "web" }, output: "json" });
    expect(parseArgs(["explain", "-n=web", "-o=yaml"], term)).toMatchObject({ cluster: { namespace: "web" }, output: "yaml" });
    expect(parseArgs(["explain", "-fcluster.yaml"], term).files).toEqual(["cluster.yaml"]);
    expect(parseArgs(["explain", "-f", "x"], term).cluster).toBeUndefined();
    expect(parseArgs(["version"], term).cluster).toBeUndefined();
  });
  it("defaults to help without a command, and knows version", () => {
    expect(parseArgs([], term).command).toBe("help");
    expect(parseArgs(["--help"], term).command).toBe("help");
    expect(parseArgs(["version"], term).command).toBe("version");
    expect(parseArgs(["explain", "-f", "x", "-h"], term).command).toBe("help");
  });
  it("colours only on a terminal without NO_COLOR or --no-color", () => {
    expect(parseArgs(["explain", "-f", "x"], { isTTY: true, env: {} }).color).toBe(true);
    expect(parseArgs(["explain", "-f", "x"], { isTTY: true, env: { NO_COLOR: "1" } }).color).toBe(false);
    expect(parseArgs(["explain", "-f", "x", "--no-color"], { isTTY: true, env: {} }).color).toBe(false);
    expect(parseArgs(["explain", "-f", "x"], { isTTY: false, env: {} }).color).toBe(false);
  });
  it.each([
    [["frobnicate"], 'unknown command "frobnicate"'],
    [["explain", "-n", "shop", "-A"], "-n and -A contradict each other"],
    [["explain", "-f", "x", "--context", "prod"], "do not apply with -f"],
    [["validate", "-f", "x", "-A"], "do not apply with -f"],
    [["explain", "--kubeconfig"], "flag --kubeconfig needs a value"],
    [["explain", "-n", "--context", "c"], "flag -n needs a value"],
    [["explain", "-f"], "flag -f needs a value"],
    [["explain", "-f", "x", "-o", "xml"], 'unknown output format "xml"'],
    [["explain", "-f", "x", "--claim", "nonamespace"], "--claim takes NAMESPACE/NAME"],
    [["explain", "-f", "x", "--bogus"], 'unknown flag "--bogus"'],
    [["simulate", "-f", "x", "--now", "yesterday"], "--now takes an ISO time"],
    [["explain", "-f", "--claim"], "flag -f needs a value"],
  ])("%j is a usage error", (argv, message) => {
    expect(() => parseArgs(argv, term)).toThrow(UsageError);
    expect(() => parseArgs(argv, term)).toThrow(message);
  });
});
