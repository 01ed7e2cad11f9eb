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

  it("a TIME_WAIT pile without port pressure is only a note", () => {
    const spread = (i: number) => upstream(i % 5000, "TIME_WAIT", `10.0.1.${10 + Math.floor(i / 5000)}:8080`);
    assert.deepEqual(ids(listing(THRESHOLDS.timeWaitNote, spread)), ["time-wait-pile:information"]);
    assert.deepEqual(ids(listing(THRESHOLDS.timeWaitNote - 1, spread)), []);
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

  it("SYN_RECV: a flood when many sources, a slow accept when few", () => {
    const many = analyzeText(listing(THRESHOLDS.synRecvWarning, (i) => client(i, "SYN_RECV"))).findings[0];
    assert.equal(many?.id, "syn-recv-pile");
    assert.match(many?.title ?? "", /SYN flood is likely/);
    assert.ok(many?.actions.some((x) => x.kind === "settings" && x.profile === "syn-flood"));
    const few = analyzeText(listing(THRESHOLDS.synRecvWarning, (i) => client(i, "SYN_RECV", "203.0.113.7"))).findings[0];
    assert.doesNotMatch(few?.title ?? "", /flood/);
    assert.deepEqual(ids(listing(THRESHOLDS.synRecvWarning - 1, (i) => client(i, "SYN_RECV"))), []);
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
