/**
 * Folds socket records into counts as they stream by: the input is never kept, and every table has a cap on
 * distinct keys, so memory stays bounded whatever the input size.
 */
import type { SocketRecord } from "../netstat/types";
import { StateCounter, stateIndex, emptyCounts } from "./counts";
import { DEFAULT_PORT_RANGE, THRESHOLDS } from "./thresholds";
import type { PortRange } from "./types";

/**
 * Keys are slices of the parser's input chunks; a slice kept in a table would keep its whole chunk alive.
 * Concatenating and slicing again makes V8 copy the characters into a string of their own.
 */
function detach(s: string): string {
  return (s + " ").slice(0, -1);
}

/** Two-level table (host → port → counts) so per-record look-ups allocate no key strings. */
class EndpointCounter {
  readonly hosts = new Map<string, Map<number, number[]>>();
  size = 0;
  untracked = 0;

  constructor(private readonly maxKeys: number) {}

  add(host: string, port: number, state: number): void {
    let ports = this.hosts.get(host);
    if (!ports) {
      if (this.size >= this.maxKeys) {
        this.untracked++;
        return;
      }
      this.hosts.set(detach(host), (ports = new Map()));
    }
    let row = ports.get(port);
    if (!row) {
      if (this.size >= this.maxKeys) {
        this.untracked++;
        return;
      }
      this.size++;
      ports.set(port, (row = emptyCounts()));
    }
    row[state] = (row[state] ?? 0) + 1;
  }
}

export class SocketAggregator {
  readonly states = emptyCounts();
  total = 0;
  readonly listening = new Set<number>();
  readonly localPorts = new StateCounter<number>(65536);
  readonly remoteHosts = new StateCounter<string>(THRESHOLDS.maxTrackedKeys);
  readonly remoteEndpoints = new EndpointCounter(THRESHOLDS.maxTrackedKeys);
  readonly processes = new StateCounter<string>(THRESHOLDS.maxTrackedKeys);
  /** Outgoing connections by local address → "remote host" → remote port: the port-pressure table. */
  readonly destinations = new Map<string, EndpointCounter>();
  private destinationKeys = 0;
  untrackedDestinations = 0;

  constructor(readonly range: PortRange = DEFAULT_PORT_RANGE) {}

  add(r: SocketRecord): void {
    const s = stateIndex(r.state);
    this.total++;
    this.states[s] = (this.states[s] ?? 0) + 1;
    this.localPorts.add(r.localPort, s);
    if (r.state === "LISTEN") {
      this.listening.add(r.localPort);
      return;
    }
    if (r.remotePort === null) return;
    const remote = r.remoteAddress;
    if (!this.remoteHosts.rows.has(remote)) this.remoteHosts.add(detach(remote), s);
    else this.remoteHosts.add(remote, s);
    this.remoteEndpoints.add(remote, r.remotePort, s);
    if (r.process !== undefined || r.pid !== undefined) {
      const name = r.pid !== undefined ? `${r.pid}/${r.process ?? "?"}` : (r.process as string);
      this.processes.add(name, s);
    }
    if (this.isOutgoing(r)) this.addDestination(r, s);
  }

  /**
   * This host opened the connection: its local port is an ephemeral one and the peer's is not (a client's
   * connection to one of our services has the ephemeral port on the other side).
   */
  private isOutgoing(r: SocketRecord): boolean {
    const { low, high } = this.range;
    const remote = r.remotePort as number;
    return r.localPort >= low && r.localPort <= high && !(remote >= low && remote <= high);
  }

  private addDestination(r: SocketRecord, s: number): void {
    let byRemote = this.destinations.get(r.localAddress);
    if (!byRemote) {
      if (this.destinationKeys >= THRESHOLDS.maxTrackedKeys) {
        this.untrackedDestinations++;
        return;
      }
      this.destinations.set(detach(r.localAddress), (byRemote = new EndpointCounter(THRESHOLDS.maxTrackedKeys)));
    }
    const before = byRemote.size;
    byRemote.add(r.remoteAddress, r.remotePort as number, s);
    this.destinationKeys += byRemote.size - before;
  }
}
