/** Findings about local ports: a destination running out of them, the TIME_WAIT pile, a range that does not fit. */
import { endpoint } from "../text/endpoint";
import { thousands } from "../text/numbers";
import { pasted, pct, profileActions, sockets, type Check, type FindingInput } from "./finding-text";
import { THRESHOLDS, TIME_WAIT_SECONDS } from "./thresholds";
import type { AnalysisFinding, Destination, FindingSeverity, PortPressure } from "./types";

/** "32768–60999 (the kernel default)", with the reserved ports when there are any. */
function rangeText(p: PortPressure): string {
  const r = p.range;
  return `${r.low}–${r.high} (${pasted(p.rangeSource)}${r.reserved > 0 ? `; ${thousands(r.reserved)} of its ports reserved` : ""})`;
}

const destinationText = (d: Destination) => `${pasted(d.localAddress)} → ${pasted(endpoint(d.remoteAddress, d.remotePort))}`;

export const portPressureFinding: Check = ({ pressure }) => {
  const worst = pressure.destinations[0];
  if (!worst || worst.fraction < THRESHOLDS.portPressureWarning) return undefined;
  const severity: FindingSeverity = worst.fraction >= THRESHOLDS.portPressureError ? "error" : "warning";
  const dest = pasted(endpoint(worst.remoteAddress, worst.remotePort));
  const ports = pressure.range.available;
  return {
    id: "ephemeral-port-pressure",
    severity,
    title: `Local ports running out for connections to ${dest}`,
    explanation: `Each connection from ${pasted(worst.localAddress)} to ${dest} needs its own local port, and a port stays in TIME_WAIT for ${TIME_WAIT_SECONDS} seconds after the connection closes. This destination holds ${pct(worst.held, ports)} of the ${thousands(ports)} ports the local range offers, so the range allows only about ${thousands(worst.sustainableRate)} new connections per second to it; beyond that, connect() fails with "Cannot assign requested address".`,
    evidence: [
      { label: "Local ports held", value: `${thousands(worst.held)} of ${thousands(ports)} (${pct(worst.held, ports)})` },
      { label: "Of which in TIME_WAIT", value: thousands(worst.timeWait) },
      { label: "Local port range", value: rangeText(pressure) },
      { label: "Sustainable rate", value: `about ${thousands(worst.sustainableRate)} new connections per second` },
    ],
    actions: profileActions("reverse-proxy"),
  };
};

/** Who closed the TIME_WAIT sockets, and why they do no harm until one destination's ports run out. */
function timeWaitStory(tw: number, outgoing: number, p: PortPressure): string {
  const inbound = tw - outgoing;
  const out = [`The side of a connection that closes first keeps it in TIME_WAIT for ${TIME_WAIT_SECONDS} seconds, so this host closed all ${thousands(tw)} of these connections itself.`];
  if (inbound > 0) {
    out.push(
      `${inbound === tw ? "All of them" : `${sockets(inbound)}`} belong to connections clients opened to this host's services, which this host then closed (a server that closes after each response, or an idle keep-alive timeout): they share the service's port and take no local port from the range.`,
    );
  }
  if (outgoing > 0) {
    const worst = p.destinations[0] as Destination;
    out.push(
      `${outgoing === tw ? "All of them" : `${sockets(outgoing)}`} belong to connections this host opened, and each holds a local port. Ports are only unique per destination (local address, remote address and port): each of the ${thousands(p.destinationCount)} destinations has all ${thousands(p.range.available)} ports of the range, enough for about ${thousands(worst.sustainableRate)} new connections per second to it. The busiest, ${destinationText(worst)}, holds ${thousands(worst.held)} (${pct(worst.held, p.range.available)}).`,
    );
  }
  out.push(`Each TIME_WAIT socket costs a few hundred bytes; the pile only hurts once one destination has used up its ports, and connect() to it fails with "Cannot assign requested address". No destination is near that. Lowering tcp_fin_timeout or tcp_max_tw_buckets would not help: the first does not govern TIME_WAIT, the second throws the state away early.`);
  return out.join(" ");
}

export const timeWaitFinding: Check = ({ states, total, pressure, breakdowns }: FindingInput): AnalysisFinding | undefined => {
  const tw = states.TIME_WAIT;
  const worst = pressure.destinations[0];
  const dominant = tw >= THRESHOLDS.timeWaitDominant && tw > total * THRESHOLDS.timeWaitDominantShare;
  if ((tw < THRESHOLDS.timeWaitNote && !dominant) || (worst && worst.fraction >= THRESHOLDS.portPressureWarning)) return undefined;
  const outgoing = breakdowns.outgoing.states.TIME_WAIT;
  return {
    id: "time-wait-pile",
    severity: "information",
    title: `${thousands(tw)} sockets in TIME_WAIT: this host closes first, and no destination is short of ports`,
    explanation: timeWaitStory(tw, outgoing, pressure),
    evidence: [
      { label: "TIME_WAIT", value: `${thousands(tw)} of ${thousands(total)} sockets (${pct(tw, total)})` },
      { label: "Connections clients opened", value: thousands(tw - outgoing) },
      { label: "Connections this host opened", value: thousands(outgoing) },
      ...(worst
        ? [
            { label: "Busiest destination", value: `${destinationText(worst)}: ${thousands(worst.held)} of ${thousands(pressure.range.available)} ports (${pct(worst.held, pressure.range.available)}), ${thousands(worst.timeWait)} in TIME_WAIT` },
            { label: "Local port range", value: rangeText(pressure) },
          ]
        : []),
    ],
    actions: [{ kind: "advice", text: "If the pile grows with traffic, reuse connections (HTTP keep-alive, connection pools) so fewer are opened and closed." }],
  };
};

/** "1 local port" / "n local ports". */
const localPorts = (n: number) => `${thousands(n)} local port${n === 1 ? "" : "s"}`;

/**
 * Sockets that look outgoing from local ports outside the range. From THRESHOLDS.outsidePorts ports the range
 * cannot be the host's (a warning); below, each socket is still reported (information), with the reasons a few
 * such sockets are harmless.
 */
export const rangeMismatchFinding: Check = ({ pressure }) => {
  const o = pressure.outside;
  if (o.ports === 0) return undefined;
  const r = pressure.range;
  const many = o.ports >= THRESHOLDS.outsidePorts;
  const one = o.sockets === 1;
  const where = o.ports === 1 ? `local port ${o.lowest}` : `${localPorts(o.ports)} between ${o.lowest} and ${o.highest}`;
  const seen = `${sockets(o.sockets)} on ${where}, outside the local port range ${rangeText(pressure)}, ${one ? "connects to a remote port" : "connect to remote ports"} outside that range, and no listener holds ${o.ports === 1 ? "that port" : "those ports"}: that is how the connections this host opens look.`;
  const leftOut = `${one ? "This socket is" : "These sockets are"} counted by local port instead of per destination, so the local port use per destination leaves ${one ? "it" : "them"} out and understates how close a destination is to running out.`;
  return {
    id: "port-range-mismatch",
    severity: many ? "warning" : "information",
    title: many
      ? `${localPorts(o.ports)} outside ${r.low}–${r.high} are used like ephemeral ones: the port range does not fit this listing`
      : `${sockets(o.sockets)} on ${localPorts(o.ports)} outside ${r.low}–${r.high} ${one ? "looks like a connection" : "look like connections"} this host opened`,
    explanation: many
      ? `${seen} So this host takes local ports from a wider range than ${r.low}–${r.high}. ${leftOut}`
      : `${seen} A few such sockets are often harmless: a socket bound to its local port before connecting keeps that port whatever the range (NFS mounts connect from ports 665–1023 by default); the range may have changed since they were opened; or the listing leaves out the listeners (netstat or ss without -a) and these are clients of a local service that connect from ports above the range (Windows and macOS use 49152–65535). If the host's range is wider than ${r.low}–${r.high}, the range given is wrong. ${leftOut}`,
    evidence: [
      { label: "Local ports outside the range", value: o.ports === 1 ? String(o.lowest) : `${thousands(o.ports)}, from ${o.lowest} to ${o.highest}` },
      { label: "Sockets on them", value: thousands(o.sockets) },
      { label: "Local port range", value: rangeText(pressure) },
    ],
    actions: [
      { kind: "advice", text: "Read the listing again with the host's own range: `sysctl net.ipv4.ip_local_port_range` prints it; pass it as `socket-doctor analyze --port-range LO HI`, or set it in the panel." },
    ],
  };
};
