import "../../support/scanner";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeText } from "../../../core/analysis/analyze";
import { THRESHOLDS } from "../../../core/analysis/thresholds";
import { listing, row } from "./listing";

const ids = (text: string, opts = {}) => analyzeText(text, opts).findings.map((f) => `${f.id}:${f.severity}`);
const upstream = (i: number, state = "TIME_WAIT", dest = "10.0.1.10:8080") => row(`10.0.0.5:${32768 + i}`, dest, state);
const client = (i: number, state: string, host = `198.51.100.${i % 250}`) => row("10.0.0.5:443", `${host}:${40000 + (i % 20000)}`, state);

describe("analysis findings and their thresholds", () => {
  it("port pressure: warning from half the range, error from 80%", () => {
    const size = 60999 - 32768 + 1;
    const at = (share: number) => ids(listing(Math.ceil(size * share), (i) => upstream(i)));
    assert.ok(!at(THRESHOLDS.portPressureWarning - 0.01).some((f) => f.startsWith("ephemeral-port-pressure")));
    assert.ok(at(THRESHOLDS.portPressureWarning).includes("ephemeral-port-pressure:warning"));
    assert.ok(at(THRESHOLDS.portPressureError).includes("ephemeral-port-pressure:error"));
  });

  it("port pressure uses the given range and offers the reverse-proxy settings", () => {
    const a = analyzeText(listing(800, (i) => upstream(i)), { portRange: { low: 32768, high: 33767 }, rangeSource: "--port-range" });
    const f = a.findings.find((x) => x.id === "ephemeral-port-pressure");
    assert.equal(f?.severity, "error");
    assert.match(f?.explanation ?? "", /about 16 new connections per second/);
    const settings = f?.actions.find((x) => x.kind === "settings");
    assert.ok(settings && settings.kind === "settings" && settings.settings.some((s) => s.key === "net.ipv4.tcp_tw_reuse"));
    assert.equal(a.portPressure.range.size, 1000);
    assert.equal(a.portPressure.rangeSource, "--port-range");
  });

  it("a TIME_WAIT pile without port pressure is a note: from 5,000, or from 100 when it is most of the sockets", () => {
    const spread = (i: number) => upstream(i % 5000, "TIME_WAIT", `10.0.1.${10 + Math.floor(i / 5000)}:8080`);
    assert.deepEqual(ids(listing(THRESHOLDS.timeWaitNote, spread)), ["time-wait-pile:information"]);
    assert.deepEqual(ids(listing(THRESHOLDS.timeWaitDominant, spread)), ["time-wait-pile:information"]);
    assert.deepEqual(ids(listing(THRESHOLDS.timeWaitDominant - 1, spread)), []);
    // 150 of 300 sockets: not more than half.
    assert.deepEqual(ids(listing(300, (i) => (i < 150 ? spread(i) : client(i, "ESTABLISHED")))), []);
  });

  it("the TIME_WAIT note says who closed first and gives the per-destination numbers", () => {
    const text = listing(400, (i) => (i < 300 ? upstream(i) : client(i, "TIME_WAIT")));
    const f = analyzeText(text).findings.find((x) => x.id === "time-wait-pile");
    assert.ok(f);
    assert.match(f.explanation, /100 sockets belong to connections clients opened to this host's services/);
    assert.match(f.explanation, /300 sockets belong to connections this host opened/);
    assert.match(f.explanation, /each of the 1 destinations has all 28,232 ports of the range, enough for about 470 new connections per second/);
    assert.deepEqual(
      f.evidence.map((e) => e.label),
      ["TIME_WAIT", "Connections clients opened", "Connections this host opened", "Busiest destination", "Local port range"],
    );
    assert.equal(f.evidence[3]?.value, "10.0.0.5 → 10.0.1.10:8080: 300 of 28,232 ports (1%), 300 in TIME_WAIT");
  });

  it("CLOSE_WAIT without processes: names the local ports, their clients and the remote endpoints", () => {
    // Clients 198.51.100.0-5 with 6, 5, 4, 3, 1, 1 sockets; this host's own connections to 198.51.100.9 (10) are
    // upstream ones, not clients, though that host has more sockets in CLOSE_WAIT than any client.
    const clients = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 5];
    const text = listing(30, (i) => (i < 20 ? client(i, "CLOSE_WAIT", `198.51.100.${clients[i]}`) : upstream(i, "CLOSE_WAIT", "198.51.100.9:5432")));
    const f = analyzeText(text).findings.find((x) => x.id === "close-wait-leak");
    assert.deepEqual(
      f?.evidence.map((e) => [e.label, e.value]),
      [
        ["CLOSE_WAIT", "30"],
        ["Local ports (clients closed)", "port 443 (20)"],
        ["Clients that closed", "198.51.100.0 (6), 198.51.100.1 (5), 198.51.100.2 (4), and 3 other hosts"],
        ["Remote endpoints (peers this host connected to closed)", "198.51.100.9:5432 (10)"],
        ["Processes", "not in this input (use `ss -tanp` or `netstat -antp` to see them)"],
      ],
    );
    assert.match(f?.explanation ?? "", /Most are connections clients made to local port 443/);
    const one = analyzeText(listing(12, (i) => client(i, "CLOSE_WAIT", i < 11 ? "203.0.113.7" : "203.0.113.8"))).findings[0];
    assert.equal(one?.evidence.find((e) => e.label === "Clients that closed")?.value, "203.0.113.7 (11), 203.0.113.8 (1)");
    // Only this host's own connections: no clients to name.
    const outgoing = analyzeText(listing(12, (i) => upstream(i, "CLOSE_WAIT"))).findings[0];
    assert.deepEqual(outgoing?.evidence.map((e) => e.label), ["CLOSE_WAIT", "Remote endpoints (peers this host connected to closed)", "Processes"]);
  });

  it("CLOSE_WAIT: warning, then error; names the process and port, offers no sysctl", () => {
    const cw = (n: number) => [listing(n, (i) => `${client(i, "CLOSE_WAIT").padEnd(100)} 4242/java`)].join("");
    assert.deepEqual(ids(listing(THRESHOLDS.closeWaitWarning - 1, (i) => client(i, "CLOSE_WAIT"))), []);
    assert.deepEqual(ids(listing(THRESHOLDS.closeWaitWarning, (i) => client(i, "CLOSE_WAIT"))), ["close-wait-leak:warning"]);
    assert.deepEqual(ids(listing(THRESHOLDS.closeWaitError, (i) => client(i, "CLOSE_WAIT"))), ["close-wait-leak:error"]);
    const f = analyzeText(cw(20)).findings[0];
    assert.ok(f?.actions.every((x) => x.kind === "advice"));
    assert.ok(f?.evidence.some((e) => e.value.includes("port 443")));
  });

  it("SYN_RECV: a flood when many sources, and only then the SYN-flood settings", () => {
    const many = analyzeText(listing(THRESHOLDS.synRecvWarning, (i) => client(i, "SYN_RECV"))).findings[0];
    assert.equal(many?.id, "syn-recv-pile");
    assert.match(many?.title ?? "", /from 100 remote hosts: a SYN flood is likely/);
    assert.equal(many?.evidence.find((e) => e.label === "Distinct sources")?.value, "100");
    assert.ok(many?.actions.some((x) => x.kind === "settings" && x.profile === "syn-flood"));
    const few = analyzeText(listing(THRESHOLDS.synRecvWarning, (i) => client(i, "SYN_RECV", `203.0.113.${i % 3}`))).findings[0];
    assert.equal(few?.title, "100 half-open connections in SYN_RECV from only 3 remote hosts");
    assert.ok(few?.actions.every((x) => x.kind === "advice"), "no SYN-flood settings without a flood: they cut off slow clients");
    assert.match(few?.explanation ?? "", /Shortening tcp_synack_retries, the usual flood advice, would cut off exactly these clients/);
    assert.deepEqual(ids(listing(THRESHOLDS.synRecvWarning - 1, (i) => client(i, "SYN_RECV"))), []);
  });

  it("SYN_RECV: sources are counted over every row, not over the top hosts", () => {
    // 30 busy clients fill the remote-host table; the 25 sources of the half-open connections are not in it.
    const busy = (i: number) => client(i, "ESTABLISHED", `192.0.2.${i % 30}`);
    const text = listing(30 * 10 + 100, (i) => (i < 300 ? busy(i) : client(i, "SYN_RECV", `198.51.100.${i % 25}`)));
    const a = analyzeText(text);
    assert.ok(a.breakdowns.remoteHosts.every((r) => r.states.SYN_RECV === 0));
    assert.equal(a.distinctHosts.SYN_RECV, 25);
    const f = a.findings.find((x) => x.id === "syn-recv-pile");
    assert.match(f?.title ?? "", /a SYN flood is likely/);
    assert.equal(f?.evidence.find((e) => e.label === "Sources with the most")?.value, "198.51.100.0 (4), 198.51.100.1 (4), 198.51.100.2 (4)");
  });

  it("a full accept queue: from ss, certain; from netstat with handshakes piling up, likely; a queue with room, not", () => {
    const ss = (queue: number, backlog: number, extra: string[] = []) =>
      ["State  Recv-Q Send-Q Local Address:Port Peer Address:Port", `LISTEN ${queue} ${backlog} 0.0.0.0:8080 0.0.0.0:*`, ...extra].join("\n") + "\n";
    const synRecv = Array.from({ length: THRESHOLDS.acceptQueuePile }, (_, i) => `SYN-RECV 0 0 10.0.0.5:8080 198.51.100.${i}:40000`);
    const full = analyzeText(ss(129, 128)).findings.find((x) => x.id === "accept-queue-full");
    assert.equal(full?.severity, "error");
    assert.equal(full?.title, "The accept queue of 0.0.0.0:8080 is full: new connections are being dropped");
    assert.equal(full?.evidence.find((e) => e.label === "Accept queue")?.value, "129 connections waiting to be accepted, limit 128");
    assert.ok(full?.actions.some((x) => x.kind === "advice" && /somaxconn/.test(x.text) && /backlog/.test(x.text)));
    assert.deepEqual(ids(ss(3, 128, synRecv)).filter((x) => x.startsWith("accept-queue-full")), [], "a queue with room is not full");
    const netstat = listing(1 + THRESHOLDS.acceptQueuePile, (i) =>
      i === 0 ? "tcp        7      0 0.0.0.0:8080            0.0.0.0:*               LISTEN     " : row("10.0.0.5:8080", `198.51.100.${i}:40000`, "SYN_RECV"),
    );
    assert.deepEqual(ids(netstat).filter((x) => x.startsWith("accept-queue-full")), ["accept-queue-full:warning"]);
    assert.deepEqual(ids(netstat.replace("tcp        7", "tcp        0")).filter((x) => x.startsWith("accept-queue-full")), [], "an empty queue");
  });

  it("a full accept queue from this host's own connections stuck in SYN_SENT towards its listener", () => {
    const text = listing(1 + THRESHOLDS.acceptQueuePile, (i) => (i === 0 ? row("127.0.0.1:8080", "0.0.0.0:*", "LISTEN") : row(`127.0.0.1:${45000 + i}`, "127.0.0.1:8080", "SYN_SENT")));
    const f = analyzeText(text).findings.find((x) => x.id === "accept-queue-full");
    assert.equal(f?.severity, "warning");
    assert.equal(f?.evidence.find((e) => e.label === "SYN_SENT from this host to it")?.value, String(THRESHOLDS.acceptQueuePile));
    assert.equal(f?.evidence.find((e) => e.label === "Listener")?.value, "port 8080");
  });

  it("a port range that contradicts the listing is reported: a note for any such socket, a warning from 50 ports", () => {
    const outside = (ports: number, perPort = 1) => listing(ports * perPort, (i) => upstream(Math.floor(i / perPort) - 32768 + 20000, "ESTABLISHED", "10.0.1.10:443"));
    const text = outside(THRESHOLDS.outsidePorts);
    const f = analyzeText(text).findings.find((x) => x.id === "port-range-mismatch");
    assert.equal(f?.severity, "warning");
    assert.match(f?.explanation ?? "", /^50 sockets on 50 local ports between 20000 and 20049, outside the local port range 32768–60999 \(the kernel default\)/);
    assert.deepEqual(analyzeText(text).portPressure.outside, { ports: 50, sockets: 50, lowest: 20000, highest: 20049 });
    // Below the warning, however many sockets, a note that says why a few such sockets may be harmless.
    assert.deepEqual(ids(outside(THRESHOLDS.outsidePorts - 1, 3)), ["port-range-mismatch:information"]);
    const note = analyzeText(outside(THRESHOLDS.outsidePorts - 1, 3)).findings[0];
    assert.equal(note?.title, "147 sockets on 49 local ports outside 32768–60999 look like connections this host opened");
    assert.match(note?.explanation ?? "", /^147 sockets on 49 local ports between 20000 and 20048, outside the local port range/);
    assert.match(note?.explanation ?? "", /bound to its local port before connecting/);
    assert.match(note?.explanation ?? "", /the range may have changed since they were opened/);
    const single = analyzeText(outside(1)).findings[0];
    assert.equal(single?.severity, "information");
    assert.equal(single?.title, "1 socket on 1 local port outside 32768–60999 looks like a connection this host opened");
    assert.match(single?.explanation ?? "", /^1 socket on local port 20000, outside the local port range 32768–60999 \(the kernel default\), connects to a remote port outside that range, and no listener holds that port/);
    assert.match(single?.explanation ?? "", /This socket is counted by local port instead of per destination, so the local port use per destination leaves it out/);
    assert.deepEqual(single?.evidence.slice(0, 2), [{ label: "Local ports outside the range", value: "20000" }, { label: "Sockets on them", value: "1" }]);
    // A service's port (seen listening) or a reserved one is not outside the range.
    assert.deepEqual(ids(listing(2, (i) => (i === 0 ? row("0.0.0.0:20000", "0.0.0.0:*", "LISTEN") : upstream(20000 - 32768, "ESTABLISHED", "10.0.1.10:443")))), []);
    assert.deepEqual(ids(outside(1), { reservedPorts: [{ low: 20000, high: 20000 }] }), []);
    // With the host's range, they are outgoing sockets of one destination.
    const wide = analyzeText(text, { portRange: { low: 1024, high: 65535 } });
    assert.equal(wide.portPressure.destinations[0]?.held, 50);
    assert.equal(wide.portPressure.outside.ports, 0);
  });

  it("reserved ports are never outgoing and leave the range", () => {
    const text = listing(3, (i) => upstream(i * 100, "ESTABLISHED", "10.0.1.10:443"));
    const a = analyzeText(text, { reservedPorts: [{ low: 32868, high: 32868 }, { low: 60000, high: 61000 }] });
    assert.deepEqual(a.portPressure.range, { low: 32768, high: 60999, size: 28232, reserved: 1001, available: 27231 });
    assert.equal(a.portPressure.destinations[0]?.held, 2);
    assert.deepEqual(a.breakdowns.localPorts.map((r) => r.port), [32868]);
    assert.equal(a.portPressure.destinations[0]?.sustainableRate, Math.floor(27231 / 60));
  });

  it("shows bidirectional controls in pasted names instead of letting them reorder the text", () => {
    const text = listing(20, (i) => `${client(i, "CLOSE_WAIT").padEnd(100)} 4242/ja\u202Eva`);
    const f = analyzeText(text).findings.find((x) => x.id === "close-wait-leak");
    assert.equal(f?.evidence.find((e) => e.label === "Processes")?.value, "4242/ja<U+202E>va (20)");
    assert.match(f?.explanation ?? "", /The process holding most of them is 4242\/ja<U\+202E>va\./);
  });

  it("FIN_WAIT2, unacknowledged FINs and SYN_SENT", () => {
    assert.deepEqual(ids(listing(THRESHOLDS.finWait2Note, (i) => client(i, "FIN_WAIT2"))), ["fin-wait2-pile:information"]);
    assert.deepEqual(ids(listing(THRESHOLDS.unackedFinWarning, (i) => client(i, i % 2 ? "FIN_WAIT1" : "LAST_ACK"))), ["unacknowledged-fin:warning"]);
    assert.deepEqual(ids(listing(THRESHOLDS.synSentWarning, (i) => upstream(i, "SYN_SENT"))), ["syn-sent-pile:warning"]);
    assert.deepEqual(ids(listing(THRESHOLDS.synSentWarning - 1, (i) => upstream(i, "SYN_SENT"))), []);
  });

  it("reports unreadable lines with examples, and an input without sockets", () => {
    const a = analyzeText(`${listing(3, (i) => upstream(i, "ESTABLISHED"))}tcp garbage here\n`);
    const f = a.findings.find((x) => x.id === "unparsed-lines");
    assert.equal(a.unparsed, 1);
    assert.equal(f?.evidence[0]?.value, "tcp garbage here");
    assert.deepEqual(ids("hello\n"), ["unparsed-lines:information", "no-tcp-sockets:information"]);
  });

  it("orders findings by severity", () => {
    const text = listing(600, (i) => (i < 500 ? client(i, "CLOSE_WAIT") : client(i, "FIN_WAIT2")));
    const sev = analyzeText(text).findings.map((f) => f.severity);
    assert.deepEqual(sev, [...sev].sort((a, b) => ["error", "warning", "information"].indexOf(a) - ["error", "warning", "information"].indexOf(b)));
  });
});
