/** What crosses between the two threads of a large analysis, and how a second part's keys map onto the first's. */
import { Interner, type Addr } from "./interner";
import type { DestinationsState } from "./destinations";
import { IntLog, type TableState } from "./key-tables";
import type { ProcessesState } from "./processes";

/** Sockets a second-part aggregator could not place: kept for merge() (see the file comment). */
export class OverflowLog {
  /** Remote hosts: address value, tag, state. */
  readonly hosts = new IntLog();
  /** Remote endpoints: address value, tag, port, state. */
  readonly endpoints = new IntLog();
  /** Addresses not interned, by negative value: -1 - index. */
  readonly texts: string[] = [];
  readonly processes: string[] = [];
  readonly processStates: number[] = [];

  export(): LogState {
    return { hosts: this.hosts.export(), endpoints: this.endpoints.export(), texts: this.texts, processes: this.processes, processStates: this.processStates };
  }
}

export interface LogState {
  hosts: Int32Array;
  endpoints: Int32Array;
  texts: string[];
  processes: string[];
  processStates: number[];
}

/** Past this many logged sockets a second-part aggregator gives up on being merged. */
export const LOG_LIMIT = 1 << 22;

/** An aggregator's content, as plain data that can cross to another thread. */
export interface AggregateState {
  total: number;
  states: number[];
  portKeys: number[];
  portCounts: Float64Array;
  listening: number[];
  /** Interned addresses, by id. */
  names: string[];
  hosts: TableState;
  endpoints: TableState;
  processes: ProcessesState;
  destinations: DestinationsState;
  /** Undefined when the log outgrew LOG_LIMIT: such a state cannot be merged. */
  log: LogState | undefined;
}

/** Maps the other part's interned addresses to this aggregator's. */
export class Merger {
  private readonly ids: Int32Array;

  constructor(
    private readonly names: Interner,
    private readonly theirs: string[],
  ) {
    this.ids = new Int32Array(theirs.length).fill(-1);
  }

  /** Their address (v, tag) as ours, into `a` (v -1 when we have not interned it). */
  addr(a: Addr, v: number, tag: number): void {
    a.tag = tag;
    if (tag === 0) {
      a.v = v;
      a.text = undefined;
      return;
    }
    let id = this.ids[v] as number;
    if (id < 0) {
      id = this.names.findText(this.theirs[v] as string);
      if (id >= 0) this.ids[v] = id;
    }
    a.v = id;
    a.text = id < 0 ? (this.theirs[v] as string) : undefined;
    this.pending = id < 0 ? v : -1;
  }

  private pending = -1;

  /** `a`, set by addr(), has just been interned. */
  interned(a: Addr): void {
    if (this.pending >= 0 && a.tag === 1) this.ids[this.pending] = a.v;
    this.pending = -1;
  }

  /** A logged address: negative values index `texts` (addresses the other part had not interned). */
  logged(a: Addr, v: number, tag: number, texts: string[]): void {
    if (tag === 1 && v < 0) {
      const text = texts[-1 - v] as string;
      a.tag = 1;
      a.v = this.names.findText(text);
      a.text = text;
    } else this.addr(a, v, tag);
  }
}
