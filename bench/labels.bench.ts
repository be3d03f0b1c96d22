/**
 * Labels layer: parsing the selector syntax, matching compiled selectors (the hot path of the
 * matcher's selector filter), and node-selector evaluation (PV node affinity).
 */
import { keep, timeBatched, type BenchResult, type BenchSuite } from "./harness.js";
import {
  checkVolumeNodeAffinity,
  compileNodeSelector,
  labelSelectorAsSelector,
  nodeSelectorMatches,
  parseSelector,
  type Labels,
  type NodeSelector,
} from "../src/labels/index.js";

/** A pool of label maps shaped like the benchmark workload (zone, disktype, rack on half). */
function labelPool(n: number): Labels[] {
  const out: Labels[] = [];
  for (let i = 0; i < n; i++) {
    out.push(i % 2 === 0 ? { zone: `zone-${i % 3}`, disktype: i % 4 === 0 ? "ssd" : "hdd", rack: `rack-${i % 100}` } : {});
  }
  return out;
}

const suite: BenchSuite = (): BenchResult[] => {
  const rows: BenchResult[] = [];
  const labels = labelPool(1024);
  const mask = labels.length - 1;

  const texts = [
    "zone in (zone-0,zone-1),disktype=ssd",
    "!deprecated,rack notin (rack-1,rack-2,rack-3),tier",
    "kubernetes.io/hostname=node-17",
  ];
  rows.push(timeBatched(`parseSelector (${texts.length} mixed selectors)`, 1, 200, 1_000, (i) => parseSelector(texts[i % texts.length]!)));

  const one = labelSelectorAsSelector({ matchLabels: { disktype: "ssd" } });
  const two = labelSelectorAsSelector({
    matchLabels: { disktype: "ssd" },
    matchExpressions: [{ key: "zone", operator: "In", values: ["zone-0", "zone-1"] }],
  });
  const three = parseSelector("zone in (zone-0,zone-1),disktype=ssd,rack notin (rack-3)");
  let hits = 0;
  rows.push(
    timeBatched("selector.matches, 1 requirement (disktype=ssd)", labels.length, 500, 100_000, (i) =>
      one.matches(labels[i & mask]) ? hits++ : 0,
    ),
  );
  rows.push(
    timeBatched("selector.matches, 2 requirements (=, in)", labels.length, 500, 100_000, (i) =>
      two.matches(labels[i & mask]) ? hits++ : 0,
    ),
  );
  rows.push(
    timeBatched("selector.matches, 3 requirements (in, =, notin)", labels.length, 500, 100_000, (i) =>
      three.matches(labels[i & mask]) ? hits++ : 0,
    ),
  );
  // every map labelled and passing the first requirement, so both requirements are evaluated
  const dense = labels.map((_, i) => ({ zone: `zone-${i % 3}`, disktype: "ssd", rack: `rack-${i % 100}` }));
  rows.push(
    timeBatched("selector.matches, 2 requirements, both evaluated", dense.length, 500, 100_000, (i) =>
      two.matches(dense[i & mask]) ? hits++ : 0,
    ),
  );
  keep(hits);

  const nodes = Array.from({ length: 1024 }, (_, i) => ({
    name: `node-${i}`,
    labels: { "kubernetes.io/hostname": `node-${i}`, zone: `zone-${i % 3}` },
  }));
  const hostSel: NodeSelector = {
    nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["node-17"] }] }],
  };
  const twoTerms: NodeSelector = {
    nodeSelectorTerms: [
      {
        matchExpressions: [
          { key: "zone", operator: "In", values: ["zone-2"] },
          { key: "gpu", operator: "DoesNotExist" },
        ],
      },
      { matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["node-17", "node-18"] }] },
    ],
  };
  rows.push(
    timeBatched("nodeSelectorMatches (compiles per call), hostname term", nodes.length, 200, 5_000, (i) =>
      nodeSelectorMatches(hostSel, nodes[i & mask]),
    ),
  );
  rows.push(
    timeBatched("nodeSelectorMatches (compiles per call), 2 terms", nodes.length, 200, 5_000, (i) =>
      nodeSelectorMatches(twoTerms, nodes[i & mask]),
    ),
  );
  const compiledHost = compileNodeSelector(hostSel);
  const compiledTwo = compileNodeSelector(twoTerms);
  rows.push(
    timeBatched("compileNodeSelector(...).matches, hostname term", nodes.length, 500, 100_000, (i) =>
      compiledHost.matches(nodes[i & mask]),
    ),
  );
  rows.push(
    timeBatched("compileNodeSelector(...).matches, 2 terms", nodes.length, 500, 100_000, (i) => compiledTwo.matches(nodes[i & mask])),
  );
  const pv = { spec: { nodeAffinity: { required: hostSel } } };
  rows.push(
    timeBatched("checkVolumeNodeAffinity (local PV)", nodes.length, 200, 5_000, (i) =>
      checkVolumeNodeAffinity(pv, nodes[i & mask]!.labels),
    ),
  );
  return rows;
};

export default suite;
