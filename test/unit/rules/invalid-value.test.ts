import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shippedCatalogue } from "../../../core/catalogue/shipped";
import { applyFix, findingsOf, spots, type Spot } from "../../support/lint";

const at = (text: string, options = {}) => spots(findingsOf("invalid-value", text, options));

describe("invalid-value", () => {
  const cases: [string, Spot[]][] = [
    ["net.ipv4.tcp_fin_timeout = thirty", [[0, 27, 33, "error"]]],
    ["net.ipv4.tcp_fin_timeout = -1", [[0, 27, 29, "error"]]],
    ["net.ipv4.tcp_fin_timeout = 3000000000", [[0, 27, 37, "error"]]],
    ["net.ipv4.tcp_fin_timeout =", [[0, 26, 26, "error"]]],
    ["net.ipv4.tcp_sack = 2", [[0, 20, 21, "error"]]],
    ["net.ipv4.tcp_tw_reuse = 3", [[0, 24, 25, "error"]]],
    ["net.ipv4.tcp_rmem = 4096 lots 6291456", [[0, 20, 37, "error"]]],
    ["net.ipv4.ip_local_port_range = 60999 32768", [[0, 31, 42, "error"]]],
    ["net.ipv4.ip_local_port_range = 1024 70000", [[0, 31, 41, "error"]]],
    ["net.ipv4.ip_local_reserved_ports = 8080,9000-9100,x", [[0, 35, 51, "error"]]],
    // near misses
    ["net.ipv4.tcp_fin_timeout = 30", []],
    ["net.ipv4.tcp_fin_timeout = 0x1e", []],
    ["net.ipv4.tcp_sack = 0", []],
    ["net.ipv4.tcp_tw_reuse = 1", []],
    ["net.ipv4.tcp_rmem = 4096 131072 6291456", []],
    ["net.ipv4.tcp_rmem = 4096\t131072   6291456", []],
    ["net.ipv4.ip_local_port_range = 1024 65000", []],
    ["net.ipv4.ip_local_reserved_ports = 8080,9000-9100", []],
    ["net.ipv4.ip_local_reserved_ports =", []],
    ["net.ipv4.tcp_congestion_control = bbr", []],
    ["net.ipv4.conf.all.rp_filter = 2", []],
    ["net.ipv4.unknown_key = banana", []],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(at(text), expected));

  it("reports a value over 4096 characters even for a key outside the catalogue", () => {
    assert.equal(findingsOf("invalid-value", `x.y = ${"9".repeat(4097)}`).length, 1);
    assert.equal(findingsOf("invalid-value", `x.y = ${"9".repeat(4096)}`).length, 0);
  });

  it("leaves keys the kernel does not have, or only reports, to their own rules", () => {
    assert.deepEqual(at("net.ipv4.tcp_tw_recycle = 1 # recycle"), []);
    assert.deepEqual(at("net.ipv4.tcp_migrate_req = 7", { kernel: "5.10" }), []);
    assert.deepEqual(at("net.ipv4.tcp_available_congestion_control = x # y"), []);
    assert.deepEqual(at("net.ipv4.tcp_fin_timout = 30 # typo"), []);
    assert.deepEqual(at("net.ipv4.somaxconn = 1 # misplaced"), []);
  });
});

/**
 * The severity follows what the kernel does with the write (probed in a throw-away network namespace on
 * 6.18.44): an error when it refuses it, a warning when it takes it but not as written.
 */
describe("invalid-value severity, kind by kind", () => {
  const cases: [string, Spot[], string][] = [
    ["net.ipv4.tcp_ecn = 3", [[0, 19, 20, "error"]], "enum out of bounds: EINVAL"],
    ["net.ipv4.conf.eth0.rp_filter = 3", [[0, 31, 32, "warning"]], "enum within bounds, no documented meaning: taken"],
    ["net.ipv4.conf.eth0.rp_filter = loose", [[0, 31, 36, "error"]], "a word for an integer: EINVAL"],
    ["net.ipv4.ip_nonlocal_bind = 256", [[0, 28, 31, "error"]], "u8 key above 255: EINVAL"],
    ["net.ipv4.ip_nonlocal_bind = 255", [], "u8 key at 255: taken"],
    ["net.ipv4.tcp_rmem = 1 87380 16777216", [[0, 20, 36, "error"]], "vector item below its floor: EINVAL"],
    ["net.ipv4.tcp_rmem = 4096 87380 6291456 1", [[0, 20, 40, "warning"]], "a fourth number: the first three taken"],
    ["net.ipv4.tcp_rmem = 4096 87380", [[0, 20, 30, "warning"]], "two of three: the third keeps its value"],
    ["net.core.somaxconn = 4096 8192", [[0, 21, 30, "warning"]], "two numbers for one: 4096 taken"],
    ["net.ipv4.ip_local_port_range = 40000", [[0, 31, 36, "warning"]], "one end: the other keeps its value"],
    ["net.ipv4.ip_local_port_range = 40000 50001 3", [[0, 31, 44, "warning"]], "three numbers: the first two taken"],
    ["net.ipv4.ip_local_reserved_ports = 70000", [[0, 35, 40, "error"]], "not a port: EINVAL"],
    ["net.core.default_qdisc = fq_codel_with_a_long_name", [[0, 25, 50, "warning"]], "cut to 15 characters, no error"],
  ];
  for (const [text, expected, kernel] of cases) it(`${text} (${kernel})`, () => assert.deepEqual(at(text), expected));

  it("refuses a word outside an enum of words", () => {
    const real = { catalogue: shippedCatalogue() };
    assert.deepEqual(at("net.sctp.cookie_hmac_alg = md5", real), [[0, 27, 30, "error"]]);
    assert.deepEqual(at("net.sctp.cookie_hmac_alg = sha256", real), []);
  });

  it("says what the kernel applies and what it ignores", () => {
    assert.match(findingsOf("invalid-value", "net.ipv4.tcp_rmem = 4096 87380 6291456 1")[0]?.message ?? "", /applies "4096 87380 6291456" and ignores "1"/);
    assert.match(findingsOf("invalid-value", "net.ipv4.tcp_ecn = 3")[0]?.message ?? "", /accepts 0 to 2, so the kernel rejects 3/);
  });
});

describe("invalid-value for a comment after the value", () => {
  // sysctl.conf has no end-of-line comments: the kernel gets the comment too (probed on 6.18.44).
  const cases: [string, Spot[], string][] = [
    ["net.ipv4.tcp_keepalive_time = 600 # ten minutes", [[0, 30, 47, "information"]], "600 applied, sysctl -p exits 0"],
    ["net.ipv4.tcp_sack = 1 # on", [[0, 20, 26, "information"]], "u8 reader stops after the number"],
    ["net.ipv4.tcp_rmem = 4096 131072 6291456 # buffers", [[0, 20, 49, "information"]], "all three read, the rest ignored"],
    ["net.ipv4.ip_local_port_range = 32768 60999 # default", [[0, 31, 52, "information"]], "both ends read"],
    ["net.ipv4.tcp_fastopen_key = 00000000-00000000-00000000-00000001 # k", [[0, 28, 67, "information"]], "sscanf reads the key"],
    ["net.ipv4.tcp_rmem = 4096 87380 # x", [[0, 20, 34, "error"]], "# read as the third number: EINVAL"],
    ["net.ipv4.tcp_sack = 2 # on", [[0, 20, 26, "error"]], "the number itself is refused"],
    ["net.ipv4.tcp_congestion_control = bbr # fast", [[0, 34, 44, "error"]], "ENOENT: no algorithm called that"],
    ["net.ipv4.ip_local_reserved_ports = 8080 # x", [[0, 35, 43, "error"]], "the port list parser: EINVAL"],
    ["dev.raid.speed_limit_min = 1000 # x", [[0, 27, 35, "warning"]], "a key outside the catalogue: type unknown"],
    ["kernel.core_pattern = core.#%p", [], "no white space before #: part of a value"],
  ];
  for (const [text, expected, why] of cases) it(`${text} (${why})`, () => assert.deepEqual(at(text), expected));

  it("says the kernel reads the number, and moves the comment up", () => {
    const text = "  net.ipv4.tcp_keepalive_time = 600 # ten minutes";
    const [f] = findingsOf("invalid-value", text);
    assert.match(f?.message ?? "", /reads 600 and ignores the rest/);
    assert.equal(applyFix(text, f!.fixes![0]!), "# ten minutes\n  net.ipv4.tcp_keepalive_time = 600");
  });

  it("says a text key receives the comment", () => {
    const [f] = findingsOf("invalid-value", "net.ipv4.tcp_congestion_control = bbr # fast");
    assert.match(f?.message ?? "", /receives the whole text "bbr # fast"/);
  });
});
