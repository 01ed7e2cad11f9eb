import "../../support/scanner";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { analyzeText, createAnalyzer } from "../../../core/analysis/analyze";
import { reportMarkdown } from "../../../core/analysis/report-markdown";
import { listing, row } from "./listing";

describe("analysis", () => {
  const text = [
    listing(1, () => row("0.0.0.0:443", "0.0.0.0:*", "LISTEN")),
    listing(3, (i) => row("10.0.0.5:443", `198.51.100.${i}:50000`, "ESTABLISHED")),
    listing(2, (i) => row(`10.0.0.5:${40000 + i}`, "10.0.1.10:8080", "TIME_WAIT")),
    listing(1, () => row("10.0.0.5:22", "203.0.113.9:51000", "CLOSE_WAIT")),
  ].join("");

  it("counts states with canonical names, every state present", () => {
    const a = analyzeText(text);
    assert.equal(a.total, 7);
    assert.equal(a.format, "linux-netstat");
    assert.deepEqual(
      Object.entries(a.states).filter(([, n]) => n > 0),
      [["ESTABLISHED", 3], ["TIME_WAIT", 2], ["CLOSE_WAIT", 1], ["LISTEN", 1]],
    );
    assert.equal(Object.keys(a.states).length, 12);
  });

  it("breaks down by local port (marking listeners), remote host and the endpoints this host connects to", () => {
    const b = analyzeText(text).breakdowns;
    const [first, ...rest] = b.localPorts;
    assert.deepEqual([first?.port, first?.listening, first?.total], [443, true, 4]);
    // Outgoing sockets hold ephemeral ports: counted by destination, not by local port.
    assert.deepEqual(rest.map((r) => [r.port, r.listening, r.total]), [[22, false, 1]]);
    assert.equal(b.outgoing.total, 2);
    assert.equal(b.remoteEndpoints.length, 1);
    assert.deepEqual(b.remoteEndpoints[0], { host: "10.0.1.10", port: 8080, total: 2, states: b.remoteEndpoints[0]!.states });
    assert.equal(b.remoteHosts.find((r) => r.host === "203.0.113.9")?.states.CLOSE_WAIT, 1);
  });

  it("counts only outgoing connections towards port pressure", () => {
    const p = analyzeText(text).portPressure;
    assert.deepEqual(p.destinations.map((d) => [d.localAddress, d.remoteAddress, d.remotePort, d.held, d.timeWait]), [["10.0.0.5", "10.0.1.10", 8080, 2, 2]]);
    assert.equal(p.destinations[0]?.sustainableRate, 470);
  });

  it("gives the same result however the input is chunked", () => {
    const whole = JSON.stringify(analyzeText(text));
    fc.assert(
      fc.property(fc.array(fc.nat(text.length), { maxLength: 20 }), (cuts) => {
        const a = createAnalyzer();
        let at = 0;
        for (const c of [...cuts].sort((x, y) => x - y)) {
          a.push(text.slice(at, c));
          at = c;
        }
        a.push(text.slice(at));
        assert.equal(JSON.stringify(a.end()), whole);
      }),
      { numRuns: 200 },
    );
  });

  it("never throws on any input", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => void analyzeText(s)), { numRuns: 300 });
  });

  it("renders a Markdown report whose pasted text cannot break the Markdown", () => {
    const md = reportMarkdown(analyzeText(`${text}tcp <script>|*x*\n`));
    assert.match(md, /^# Socket Doctor report\n/);
    assert.match(md, /\| ESTABLISHED \| 3 \| 42\.9% \|/);
    assert.ok(md.includes("\\<script\\>\\|\\*x\\*"), md);
  });
});
