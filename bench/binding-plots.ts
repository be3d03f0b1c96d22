/**
 * Makes the comparison table and the SVG plots of docs/binding-strategies.md from the seeded
 * workloads (deterministic: the same files on every machine, times aside — the table's time
 * column is this machine's).
 *
 * Run: `node --import tsx bench/binding-plots.ts` (writes docs/binding-strategies/*.svg and prints
 * the Markdown table).
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compareStrategies, replayWorkload } from "../src/binding/index.js";
import { churnWorkload, claims, pool } from "../src/testing/index.js";

const OUT = join(dirname(fileURLToPath(import.meta.url)), "../docs/binding-strategies");
const GiB = 2n ** 30n;

interface Series {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
}

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"];

/** A small line chart: x and y axes with ticks, one polyline per series, a legend. */
function lineChart(title: string, xLabel: string, yLabel: string, series: readonly Series[], logX = false): string {
  const W = 640;
  const H = 360;
  const L = 70;
  const R = 20;
  const T = 40;
  const B = 50;
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const fx = (x: number) => (logX ? Math.log10(x) : x);
  const x0 = Math.min(...xs.map(fx));
  const x1 = Math.max(...xs.map(fx));
  const y0 = 0;
  const y1 = Math.max(...ys) * 1.05 || 1;
  const px = (x: number) => L + ((fx(x) - x0) / (x1 - x0 || 1)) * (W - L - R);
  const py = (y: number) => H - B - ((y - y0) / (y1 - y0)) * (H - T - B);
  const fmt = (v: number) => (Math.abs(v) >= 1000 ? `${Math.round(v).toLocaleString("en-US")}` : `${Math.round(v * 10) / 10}`);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="20" text-anchor="middle" font-size="14">${title}</text>`,
    `<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="black"/>`,
    `<line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="black"/>`,
    `<text x="${(L + W - R) / 2}" y="${H - 12}" text-anchor="middle">${xLabel}</text>`,
    `<text x="16" y="${(T + H - B) / 2}" text-anchor="middle" transform="rotate(-90 16 ${(T + H - B) / 2})">${yLabel}</text>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const y = y0 + ((y1 - y0) * i) / 4;
    parts.push(`<line x1="${L - 4}" y1="${py(y)}" x2="${W - R}" y2="${py(y)}" stroke="#ddd"/>`);
    parts.push(`<text x="${L - 6}" y="${py(y) + 4}" text-anchor="end">${fmt(y)}</text>`);
  }
  const ticks = logX ? [...new Set(xs)].sort((a, b) => a - b) : Array.from({ length: 5 }, (_, i) => x0 + ((x1 - x0) * i) / 4);
  for (const x of ticks) parts.push(`<text x="${px(x)}" y="${H - B + 16}" text-anchor="middle">${fmt(x)}</text>`);
  series.forEach((s, i) => {
    const c = COLORS[i % COLORS.length];
    parts.push(
      `<polyline fill="none" stroke="${c}" stroke-width="2" points="${s.points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(" ")}"/>`,
    );
    if (s.points.length <= 12)
      for (const [x, y] of s.points) parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${c}"/>`);
    parts.push(`<rect x="${L + 10}" y="${T + 4 + i * 16}" width="12" height="3" fill="${c}"/>`);
    parts.push(`<text x="${L + 28}" y="${T + 9 + i * 16}">${s.name}</text>`);
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

// ---- strategies against pool size -----------------------------------------------------------
const sizes = [500, 1000, 2000, 5000, 10000, 20000];
const names = ["kubernetes", "best-fit-decreasing", "optimal"];
const bound = new Map<string, [number, number][]>(names.map((n) => [n, []]));
const waste = new Map<string, [number, number][]>(names.map((n) => [n, []]));
const tableRows: string[] = [];
for (const size of sizes) {
  const input = { volumes: pool(size, 42), claims: claims(size / 2, 7), classes: [] };
  const { rows } = compareStrategies(input);
  for (const r of rows) {
    bound.get(r.strategy)!.push([size, r.pending]);
    waste.get(r.strategy)!.push([size, Number(r.wastedBytes / GiB) / 1024]);
  }
  if (size === 1000 || size === 10000 || size === 20000 || size === 5000) {
    for (const r of rows)
      tableRows.push(
        `| ${size.toLocaleString("en-US")} PVs, ${(size / 2).toLocaleString("en-US")} claims | ${r.strategy} | ${r.bound} | ${r.pending} | ${(Number(r.wastedBytes / GiB) / 1024).toFixed(1)} Ti | ${r.timeMs.toFixed(0)} ms | ${r.strategy === "optimal" ? "—" : `${r.boundBelowOptimal} fewer, ${r.wasteAboveOptimal < 0n ? "−" : "+"}${(Math.abs(Number(r.wasteAboveOptimal / GiB)) / 1024).toFixed(1)} Ti waste`} |`,
      );
  }
}
writeFileSync(
  join(OUT, "pending-vs-pool.svg"),
  lineChart(
    "Claims left pending (claims = half the pool)",
    "volumes in the pool (log scale)",
    "pending claims",
    names.map((n) => ({ name: n, points: bound.get(n)! })),
    true,
  ),
);
writeFileSync(
  join(OUT, "waste-vs-pool.svg"),
  lineChart(
    "Wasted capacity of the bound claims",
    "volumes in the pool (log scale)",
    "waste (TiB)",
    names.map((n) => ({ name: n, points: waste.get(n)! })),
    true,
  ),
);

// ---- the replay time series -----------------------------------------------------------------
const w = churnWorkload(
  { claims: 6000, volumes: 1500, volumeArrivals: 600, meanInterarrivalMs: 60_000, meanLifetimeMs: 30 * 3_600_000 },
  3,
);
const r = replayWorkload(w.events, { volumes: w.volumes, classes: w.classes, sampleEvery: 20 });
const hours = (at: number) => (at - w.events[0]!.at) / 3_600_000;
writeFileSync(
  join(OUT, "replay.svg"),
  lineChart("replayWorkload (kubernetes): 6,000 claims over 1,500 volumes (+600 created)", "hours", "claims", [
    { name: "bound", points: r.series.map((p) => [hours(p.at), p.bound]) },
    { name: "pending", points: r.series.map((p) => [hours(p.at), p.pending]) },
  ]),
);
writeFileSync(
  join(OUT, "replay-free.svg"),
  lineChart(
    "Largest request each class could still serve",
    "hours",
    "largest free volume (GiB)",
    w.classes.map((c) => ({
      name: c.metadata!.name ?? "",
      points: r.series.map((p) => [hours(p.at), Number((p.largestFree[c.metadata!.name ?? ""] ?? 0n) / GiB)]),
    })),
  ),
);

console.log("| workload | strategy | bound | pending | waste | time | vs optimal |\n|---|---|---:|---:|---:|---:|---|");
console.log(tableRows.join("\n"));
console.log(`\nreplay totals: ${JSON.stringify(r.totals, (_, v) => (typeof v === "bigint" ? `${v / GiB} GiB` : v))}`);
