/**
 * Runs the analysis of a paste in the page without freezing it: the text goes to the streaming analyzer in
 * slices, with a turn of the event loop between slices so input, painting and messages go on.
 */
import { createAnalyzer, type AnalyzeOptions } from "../core/analysis/analyze";
import type { Analysis } from "../core/analysis/types";
import { scannerReady } from "../core/netstat/scanner-module";

/** Characters per slice: about 5 ms of parsing, so the page answers within a frame. */
export const SLICE_CHARS = 256 * 1024;

interface Scheduler {
  yield(): Promise<void>;
}

interface Yielder {
  /** Lets the event loop run once: input, painting and messages go on, then the analysis continues. */
  next(): Promise<void>;
  close(): void;
}

/**
 * `scheduler.yield()` where the browser has it, else a MessageChannel round trip (not setTimeout, which
 * browsers clamp to 4 ms after a few nested calls). The channel lives for one run and is closed after it.
 */
function yielder(): Yielder {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === "function") return { next: () => (scheduler as Scheduler).yield(), close: () => undefined };
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return {
    next: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      }),
    close: () => {
      channel.port1.close();
      channel.port2.close();
    },
  };
}

export interface SliceHooks {
  /** Called after each slice with the share of the text read so far (0..1). */
  onProgress?(fraction: number): void;
  /** Checked between slices: true stops the run (a newer analysis replaced it). */
  cancelled?(): boolean;
}

/** The analysis of `text`, or undefined when cancelled. The same result as analyzeText(text, options). */
export async function analyseInSlices(text: string, options: AnalyzeOptions, hooks: SliceHooks = {}, sliceChars = SLICE_CHARS): Promise<Analysis | undefined> {
  await scannerReady();
  const analyzer = createAnalyzer(options);
  const pause = yielder();
  try {
    for (let i = 0; i < text.length; i += sliceChars) {
      analyzer.push(text.slice(i, i + sliceChars));
      hooks.onProgress?.(Math.min(1, (i + sliceChars) / text.length));
      await pause.next();
      if (hooks.cancelled?.()) return undefined;
    }
  } finally {
    pause.close();
  }
  return analyzer.end();
}
