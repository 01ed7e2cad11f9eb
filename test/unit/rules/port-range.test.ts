import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shippedCatalogue as catalogue } from "../../../core/catalogue/shipped";
import { applyFix, findingsInSet, findingsOf, spots, type Spot } from "../../support/lint";

const R = "net.ipv4.ip_local_port_range";

describe("ip_local_port_range against ip_unprivileged_port_start (invalid-value)", () => {
  const cases: [string, Spot[]][] = [
    [`${R} = 1000 60999`, [[0, 31, 41, "error"]]],
    [`net.ipv4.ip_unprivileged_port_start = 2048\n${R} = 1025 60998`, [[1, 31, 41, "error"]]],
    // The kernel checks each write against the other key's value at that moment: here the first line fails
    // (the range still starts at 32768), so the range is checked against 1024 and goes through.
    [`net.ipv4.ip_unprivileged_port_start = 40000\n${R} = 32768 60999`, [[0, 38, 43, "error"]]],
    // near misses
    [`${R} = 1024 65535`, []],
    [`net.ipv4.ip_unprivileged_port_start = 500\n${R} = 1000 60999`, []],
    [`${R} = 50000 60999\nnet.ipv4.ip_unprivileged_port_start = 40000`, []],
  ];
  const real = { catalogue: catalogue() };
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(spots(findingsOf("invalid-value", text, real)), expected));

  it("names the value it was checked against and where it comes from", () => {
    const [f] = findingsOf("invalid-value", `net.ipv4.ip_unprivileged_port_start = 2048\n${R} = 1025 60998`, real);
    assert.equal(f?.message, "The first number of net.ipv4.ip_local_port_range (1025) cannot be below net.ipv4.ip_unprivileged_port_start (2048, set on line 1), so the kernel rejects the write and keeps the current value.");
  });
});

describe("port-range-parity", () => {
  const cases: [string, Spot[]][] = [
    [`${R} = 1024 65000`, [[0, 31, 41, "information"]]],
    [`${R} = 10001 60001`, [[0, 31, 42, "information"]]],
    // near misses: different parity, one port, bad values (invalid-value speaks for them)
    [`${R} = 32768 60999`, []],
    [`${R} = 40000 40000`, []],
    [`${R} = 60999 32768`, []],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(spots(findingsOf("port-range-parity", text)), expected));

  it("moves the upper end by one, staying within 65535", () => {
    assert.equal(applyFix(`${R} = 1024 65000`, findingsOf("port-range-parity", `${R} = 1024 65000`)[0]!.fixes![0]!), `${R} = 1024 65001`);
    assert.equal(applyFix(`${R} = 1025 65535`, findingsOf("port-range-parity", `${R} = 1025 65535`)[0]!.fixes![0]!), `${R} = 1025 65534`);
  });
});

describe("port-range-overlap", () => {
  const cases: [string, Spot[]][] = [
    [`${R} = 1024 65535`, [[0, 31, 41, "warning"]]],
    [`${R} = 10000 65535\nnet.ipv4.ip_local_reserved_ports = 10250,11211`, [[0, 31, 42, "warning"]]],
    // near misses: the default range, everything reserved
    [`${R} = 32768 60999`, []],
    [`${R} = 26000 28001\nnet.ipv4.ip_local_reserved_ports = 27000-27100`, []],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(spots(findingsOf("port-range-overlap", text)), expected));

  it("names the services and adds the reserved ports", () => {
    const text = `${R} = 9000 12001`;
    const [f] = findingsOf("port-range-overlap", text);
    assert.match(f?.message ?? "", /9090 \(Prometheus\).*11211 \(memcached\)/);
    assert.equal(applyFix(text, f!.fixes![0]!), `${text}\nnet.ipv4.ip_local_reserved_ports = 9090,9092,9200,10250,11211`);
  });

  it("extends an existing reserved list instead of adding a second one", () => {
    const text = `${R} = 27000 28001\nnet.ipv4.ip_local_reserved_ports = 8080`;
    const [f] = findingsOf("port-range-overlap", text);
    assert.equal(applyFix(text, f!.fixes![0]!), `${R} = 27000 28001\nnet.ipv4.ip_local_reserved_ports = 8080,27017`);
  });

  it("keeps the ports another file of the set reserves when it adds the line", () => {
    const set = [
      ["h/etc/sysctl.d/10-ports.conf", "net.ipv4.ip_local_reserved_ports = 8080"],
      ["h/etc/sysctl.d/90-range.conf", `${R} = 27000 28001`],
    ] as const;
    const [f] = findingsInSet("port-range-overlap", set, 1);
    assert.equal(applyFix(set[1][1], f!.fixes![0]!), `${R} = 27000 28001\nnet.ipv4.ip_local_reserved_ports = 8080,27017`);
  });
});
