/**
 * Listening sockets whose accept queue is not empty (SocketRecord.acceptQueue): counted exactly, the fullest
 * ones kept. A queue is full at its backlog: the kernel then drops new handshakes (sk_acceptq_is_full).
 */
import { boundedKey } from "./keys";
import { THRESHOLDS } from "./thresholds";
import type { AcceptQueue, AcceptQueues } from "./types";

export function isFull(q: { readonly queue: number; readonly backlog: number | null }): boolean {
  return q.backlog !== null && q.queue >= q.backlog;
}

/** Whether `a` ranks before `b`: a full queue first, then the longer queue. */
export function fuller(a: AcceptQueue, b: AcceptQueue): boolean {
  const fa = isFull(a);
  return fa !== isFull(b) ? fa : a.queue > b.queue;
}

export class AcceptQueueTable {
  private readonly rows: AcceptQueue[] = [];
  private waiting = 0;
  private full = 0;

  add(address: string, port: number, queue: number, backlog: number | null): void {
    // The address is a slice of the input: a copy of its bounded form keeps no chunk alive.
    const row: AcceptQueue = { address: (" " + boundedKey(address)).slice(1), port, queue, backlog };
    this.waiting++;
    if (isFull(row)) this.full++;
    let i = this.rows.length;
    while (i > 0 && fuller(row, this.rows[i - 1] as AcceptQueue)) i--;
    if (i >= THRESHOLDS.topRows) return;
    this.rows.splice(i, 0, row);
    if (this.rows.length > THRESHOLDS.topRows) this.rows.pop();
  }

  result(): AcceptQueues {
    return { listeners: this.rows.slice(), waiting: this.waiting, full: this.full };
  }
}
