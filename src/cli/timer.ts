/**
 * Where a command's time goes: `KUBEVOL_TIMINGS=1` prints each phase's wall time and the JS heap
 * in use after it, and the process's peak resident memory, to stderr.
 */

/** Times named phases (a no-op unless enabled). */
export interface PhaseTimer {
  time<T>(phase: string, f: () => T): T;
  /** One line per phase (wall time, heap in use after it), and the peak RSS. */
  report(): string;
}

/** The timer that does nothing. */
export const noTimer: PhaseTimer = { time: (_phase, f) => f(), report: () => "" };

/**
 * A timer that records every phase (wall-clock milliseconds, in order).
 *
 * @example
 * ```ts
 * const t = phaseTimer();
 * t.time("parse", () => JSON.parse(text));
 * process.stderr.write(t.report());
 * ```
 */
export function phaseTimer(): PhaseTimer {
  const phases: [string, number, number][] = [];
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  return {
    time(phase, f) {
      const t0 = performance.now();
      try {
        return f();
      } finally {
        phases.push([phase, performance.now() - t0, process.memoryUsage().heapUsed]);
      }
    },
    report() {
      const total = phases.reduce((a, [, ms]) => a + ms, 0);
      const lines = phases.map(([p, ms, heap]) => `  ${p.padEnd(22)} ${ms.toFixed(0).padStart(7)} ms   heap ${mib(heap).padStart(5)} MiB`);
      // `maxRSS` is the kernel's high-water mark (KiB), so a peak between two phases counts too.
      const peak = process.resourceUsage().maxRSS * 1024;
      return `timings:\n${lines.join("\n")}\n  ${"total".padEnd(22)} ${total.toFixed(0).padStart(7)} ms\n  peak RSS ${mib(peak)} MiB\n`;
    },
  };
}
