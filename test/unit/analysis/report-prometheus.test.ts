import "../../support/scanner";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeText } from "../../../core/analysis/analyze";
import { escapeLabelValue, METRICS, reportPrometheus } from "../../../core/analysis/report-prometheus";
import { listing, row } from "./listing";

describe("reportPrometheus", () => {
  const a = analyzeText(listing(4, (i) => row(`10.0.0.5:${40000 + i}`, "10.0.1.10:8080", "TIME_WAIT")), { portRange: { low: 40000, high: 40007 } });

  it("writes HELP and TYPE for every family of the table, then its samples", () => {
    const text = reportPrometheus(a);
    for (const m of METRICS) assert.ok(text.includes(`# HELP ${m.name} ${m.help}\n# TYPE ${m.name} gauge\n`), m.name);
    assert.match(text, /^socket_doctor_tcp_sockets\{state="TIME_WAIT"\} 4$/m);
    assert.match(text, /^socket_doctor_destination_local_port_usage_ratio\{local_address="10\.0\.0\.5",remote_address="10\.0\.1\.10",remote_port="8080"\} 0\.5$/m);
    assert.ok(text.endsWith("\n"));
  });

  it("renders a family that the table gains, fed from the analysis", () => {
    const extra = { name: "socket_doctor_test_total_sockets", help: "All sockets.", type: "gauge" as const, samples: () => [{ value: a.total }] };
    assert.equal(reportPrometheus(a, [extra]), "# HELP socket_doctor_test_total_sockets All sockets.\n# TYPE socket_doctor_test_total_sockets gauge\nsocket_doctor_test_total_sockets 4\n");
  });

  it("escapes label values as the exposition format wants, and replaces other control characters", () => {
    assert.equal(escapeLabelValue('a"b\\c\nd'), 'a\\"b\\\\c\\nd');
    assert.equal(escapeLabelValue("x\x1b[31m\u009by"), "x\uFFFD[31m\uFFFDy");
  });
});
