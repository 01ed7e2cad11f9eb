/**
 * A line that cannot be written (the key is too new, removed or read-only, the value is refused) or that a
 * later line overwrites gets no finding about what its value would do.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lintText } from "../../../core/rules/lint";
import { fixtureCatalogue } from "../../support/fixture-catalogue";

const codes = (text: string, kernel = "6.18") =>
  lintText(text, { catalogue: fixtureCatalogue, kernel }).map((f) => `${f.range.start.line} ${f.code}`);

describe("one line, one story", () => {
  it("redundant-default stays quiet where another rule says the write fails", () => {
    assert.deepEqual(codes("net.ipv4.tcp_migrate_req = 0", "5.10"), ["0 key-too-new"]);
    assert.deepEqual(codes("net.ipv4.tcp_migrate_req = 0", "6.18"), ["0 redundant-default"]);
    assert.deepEqual(codes("net.ipv4.tcp_tw_recycle = 0"), ["0 removed-key"]);
    assert.deepEqual(codes("net.ipv4.ip_unprivileged_port_start = 40000\nnet.ipv4.ip_local_port_range = 32768 60999"), ["0 invalid-value", "1 redundant-default"]);
  });

  it("a refused value gets no advice about its effect", () => {
    assert.deepEqual(codes("net.core.somaxconn = -5"), ["0 invalid-value"]);
    // Without the refusal, the range would also get port-range-overlap.
    assert.deepEqual(codes("net.ipv4.ip_unprivileged_port_start = 2000\nnet.ipv4.ip_local_port_range = 1024 65535"), ["1 invalid-value"]);
    assert.deepEqual(codes("net.ipv4.ip_local_port_range = 1024 65535"), ["0 port-range-overlap"]);
  });

  it("an overwritten line gets no advice about its effect; the line that wins does", () => {
    assert.deepEqual(codes("net.ipv4.tcp_sack = 0\nnet.ipv4.tcp_sack = 0"), ["0 duplicate-key", "1 tcp-feature-off"]);
  });

  it("judges a per-interface key against its instance's own default", () => {
    assert.deepEqual(codes("net.ipv4.conf.all.accept_source_route = 1"), ["0 insecure-setting"]);
    assert.deepEqual(codes("net.ipv4.conf.all.accept_source_route = 0"), ["0 redundant-default"]);
    assert.deepEqual(codes("net.ipv4.conf.default.accept_source_route = 1"), ["0 redundant-default"]);
  });
});
