import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseLocalPortRange, parseReservedPorts } from "../../../core/analysis/port-settings";

describe("this machine's port settings as /proc/sys prints them", () => {
  it("reads ip_local_port_range", () => {
    assert.deepEqual(parseLocalPortRange("32768\t60999\n"), { low: 32768, high: 60999 });
    assert.deepEqual(parseLocalPortRange("1024 65535"), { low: 1024, high: 65535 });
    for (const bad of ["", "32768", "60999 32768", "1 2 3", "0x10 20", "1024 65536", "a b"]) assert.equal(parseLocalPortRange(bad), undefined, bad);
  });

  it("reads ip_local_reserved_ports", () => {
    assert.deepEqual(parseReservedPorts("\n"), []);
    assert.deepEqual(parseReservedPorts("8080,9000-9100\n"), [
      { low: 8080, high: 8080 },
      { low: 9000, high: 9100 },
    ]);
    for (const bad of ["8080,", "9100-9000", "x", "1-2-3", "70000"]) assert.equal(parseReservedPorts(bad), undefined, bad);
  });
});
