/**
 * Per-state counts by local port, and which ports listen. Ports 0..65535 are looked up by index (no hashing on
 * the per-socket path); any other number, which no parser makes, is kept apart so the typed arrays stay in range.
 */
import type { AggregateState } from "./aggregate-state";
import { IntRows, S, SPILL, top, type TopRow } from "./key-tables";

const PORTS = 65536;

function isPort(port: number): boolean {
  return port >= 0 && port < PORTS && port === Math.floor(port);
}

export class LocalPorts {
  /** The row + 1 of each port (0: not seen). Read directly by the aggregator's fast path. */
  readonly rows = new Int32Array(PORTS);
  private readonly countRows = new IntRows(S, PORTS);
  /** Counts by row, S per row. Read directly by the fast path; replaced when it grows (see newRow). */
  counts = this.countRows.data;
  /** Counts that reached SPILL, by index into `counts` (so totals stay exact whatever the input's size). */
  private high: Map<number, number> | undefined;
  /** The ports in the order they came: row order, which is the order ties are listed in. */
  private readonly keys: number[] = [];
  private readonly odd = new Map<number, number[]>();
  private readonly listeningPorts = new Uint8Array(PORTS);
  private readonly oddListening = new Set<number>();

  /** A row for a port in 0..65535 not seen yet: returns the row + 1. */
  newRow(port: number): number {
    const row = this.keys.length;
    this.keys.push(port);
    this.countRows.ensure(row);
    this.counts = this.countRows.data;
    this.counts[row * S] = 0;
    this.counts[row * S + S - 1] = 0;
    this.rows[port] = row + 1;
    return row + 1;
  }

  spill(k: number): void {
    this.high ??= new Map();
    this.high.set(k, (this.high.get(k) ?? 0) + SPILL);
    this.counts[k] = 0;
  }

  /** Adds `n` sockets in state `s` on local port `port`. */
  add(port: number, s: number, n: number): void {
    if (!isPort(port)) {
      let c = this.odd.get(port);
      if (c === undefined) {
        this.odd.set(port, (c = new Array<number>(S).fill(0)));
        this.keys.push(port);
      }
      c[s] += n;
      return;
    }
    let pr = this.rows[port] as number;
    if (pr === 0) pr = this.newRow(port);
    const k = (pr - 1) * S + s;
    while (n > 0) {
      const step = Math.min(n, SPILL - (this.counts[k] as number));
      this.counts[k] += step;
      n -= step;
      if (this.counts[k] === SPILL) this.spill(k);
    }
  }

  listen(port: number): void {
    if (isPort(port)) this.listeningPorts[port] = 1;
    else this.oddListening.add(port);
  }

  listening(port: number): boolean {
    return isPort(port) ? this.listeningPorts[port] === 1 : this.oddListening.has(port);
  }

  private row(port: number): number[] {
    const odd = this.odd.get(port);
    if (odd !== undefined) return odd.slice();
    const r = (this.rows[port] as number) - 1;
    const out: number[] = [];
    for (let k = r * S; k < r * S + S; k++) out.push((this.counts[k] as number) + (this.high?.get(k) ?? 0));
    return out;
  }

  top(n: number): TopRow<number>[] {
    const keys = this.keys;
    const c = this.counts;
    const total = (r: number) => {
      const port = keys[r] as number;
      if (!isPort(port) || this.high !== undefined) return this.row(port).reduce((a, b) => a + b, 0);
      const pr = (this.rows[port] as number) - 1;
      let t = 0;
      for (let k = pr * S; k < pr * S + S; k++) t += c[k] as number;
      return t;
    };
    return top(keys.length, n, total).map((r) => ({ key: keys[r] as number, counts: this.row(keys[r] as number) }));
  }

  exportState(): Pick<AggregateState, "portKeys" | "portCounts" | "listening"> {
    const listening: number[] = [];
    for (let p = 0; p < PORTS; p++) if (this.listeningPorts[p] === 1) listening.push(p);
    for (const p of this.oddListening) listening.push(p);
    return { portKeys: this.keys, portCounts: Float64Array.from(this.keys.flatMap((port) => this.row(port))), listening };
  }

  /** Adds the other part's ports after this one's, in its order. */
  merge(o: Pick<AggregateState, "portKeys" | "portCounts" | "listening">): void {
    for (let r = 0; r < o.portKeys.length; r++) {
      const port = o.portKeys[r] as number;
      this.add(port, 0, 0);
      for (let s = 0; s < S; s++) this.add(port, s, o.portCounts[r * S + s] as number);
    }
    for (const p of o.listening) this.listen(p);
  }
}
