/**
 * Generated netstat-like input for the fast path's differential tests: rows as net-tools prints them
 * ("%-4s  %6ld %6ld %-23s %-23s %-11s") with the variations pastes have, rows with loose spacing, rows with
 * a character dropped or added, and whole listings that mix them with headers, prompts, other tools' lines
 * and noise.
 */
import fc from "fast-check";
import { TCP_STATES } from "../../../core/netstat/types";
import { fixture, fixtureFiles } from "./fixtures";

const octet = fc.integer({ min: 0, max: 255 }).map(String);
const v4 = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(octet, octet, octet, octet).map((o) => o.join(".")) },
  { weight: 2, arbitrary: fc.constantFrom("10.0.0.5", "10.0.1.10", "127.0.0.1", "0.0.0.0", "198.51.100.7", "255.255.255.255") },
  { weight: 1, arbitrary: fc.constantFrom("010.0.0.5", "10.0.0.05", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "1000.0.0.1", "1.2.3.", ".1.2.3") },
);
const v6 = fc.constantFrom("::", "::1", "2001:db8::5", "2001:db8:1::a", "fe80::1%eth0", "::ffff:10.0.0.5", "2001:DB8::A", "[::1]", "2001:db8:1:2:3:4:5:6");
const address = fc.oneof(
  { weight: 8, arbitrary: v4 },
  { weight: 3, arbitrary: v6 },
  { weight: 1, arbitrary: fc.constantFrom("*", "localhost", "web-1.example", "", "a b", "1.2.3.4\u00e9") },
);
const port = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 65535 }).map(String) },
  { weight: 2, arbitrary: fc.constantFrom("443", "22", "8080", "32768", "60999", "*") },
  { weight: 1, arbitrary: fc.constantFrom("65536", "99999", "00080", "000080", "https", "ssh", "", "8o", "**") },
);
const state = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...TCP_STATES) },
  { weight: 2, arbitrary: fc.constantFrom("ESTAB", "TIME-WAIT", "time_wait", "LISTENING", "SYN_RCVD", "CLOSED", "FIN_WAIT_1", "CLOSE-WAIT") },
  { weight: 1, arbitrary: fc.constantFrom("X", "", "ESTABLISHEDX", "LISTE", "CLOSIN", "LAST_ACKK", "ABH\u00d6REN", "UNCONN", "CLOSE_WAI", "SYN_SENX") },
);
const proto = fc.oneof({ weight: 10, arbitrary: fc.constantFrom("tcp", "tcp6") }, { weight: 1, arbitrary: fc.constantFrom("udp", "tcp4", "TCP", "tcp46", "raw", "tcpx", "unix", "") });
const queue = fc.oneof({ weight: 6, arbitrary: fc.constant("0") }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 9_999_999 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom("-1", "x", "") });
const tail = fc.oneof(
  { weight: 8, arbitrary: fc.constant("") },
  { weight: 3, arbitrary: fc.constantFrom("     ", "\r", " \r", "  \r", "\r\r", "\t", " \t") },
  { weight: 2, arbitrary: fc.constantFrom(" 1234/nginx", " -", " 1234/nginx: master", " off (0.00/0/0)", " timewait (59.21/0/0)", " 1000 123456 1234/x", "X", " ", " 0 0 7/x") },
);
const gap = fc.constantFrom(" ", " ", " ", "  ", "\t", " \t");

const fields = fc
  .record({ proto, rq: queue, sq: queue, la: address, lp: port, ra: address, rp: port, state, tail, same: fc.nat(4) })
  // Now and then the same address on both sides (loopback: "::1" to "::1").
  .map((r) => (r.same === 0 ? { ...r, ra: r.la } : r));

/** A row in net-tools' columns. */
const fixedRow = fields.map((r) => `${r.proto.padEnd(4)}  ${r.rq.padStart(6)} ${r.sq.padStart(6)} ${`${r.la}:${r.lp}`.padEnd(23)} ${`${r.ra}:${r.rp}`.padEnd(23)} ${r.state}${r.tail}`);
/** A row with any spacing. */
const looseRow = fc.tuple(fields, fc.array(gap, { minLength: 6, maxLength: 6 })).map(([r, g]) => `${r.proto}${g[0]}${r.rq}${g[1]}${r.sq}${g[2]}${r.la}:${r.lp}${g[3]}${r.ra}:${r.rp}${g[4]}${r.state}${r.tail}`);
/** A row with one character dropped, or one put in. */
const mutatedRow = fc.oneof(
  fixedRow.chain((l) => fc.nat(Math.max(0, l.length - 1)).map((n) => l.slice(0, n) + l.slice(n + 1))),
  fc.tuple(fixedRow, fc.constantFrom(" ", "\t", ":", ".", "*", "0", "x", "\r", "\u00e9")).chain(([l, c]) => fc.nat(l.length).map((n) => l.slice(0, n) + c + l.slice(n))),
);

/** One netstat-like line (no "\n"). */
export const netstatLine = fc.oneof({ weight: 6, arbitrary: fixedRow }, { weight: 2, arbitrary: looseRow }, { weight: 3, arbitrary: mutatedRow });

/** Lines of the fixtures that start blocks or are not rows: headers, prompts, titles, other tools' rows. */
const OTHER_LINES = [
  ...new Set(
    fixtureFiles()
      .flatMap((f) => fixture(f).split(/\r?\n/).slice(0, 6))
      .concat([
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State      ",
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State       ",
        "Active Internet connections (servers and established)",
        "Active UNIX domain sockets (servers and established)",
        "$ netstat -ant",
        "$ busybox netstat -tn",
        "$ ss -tan state time-wait",
        "netstat: showing only processes with your user ID",
        "",
        "   ",
        "\uFEFFtcp        0      0 10.0.0.5:1              10.0.0.6:2              ESTABLISHED",
        "x".repeat(300),
      ]),
  ),
];

/** A listing: netstat rows mixed with other lines, joined by LF or CRLF, maybe with a BOM. */
export const netstatListing = fc
  .tuple(
    fc.array(fc.oneof({ weight: 8, arbitrary: netstatLine }, { weight: 2, arbitrary: fc.constantFrom(...OTHER_LINES) }), { maxLength: 60 }),
    fc.constantFrom("\n", "\n", "\r\n"),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([lines, eol, bom, finalEol]) => (bom ? "\uFEFF" : "") + lines.join(eol) + (finalEol && lines.length > 0 ? eol : ""));

/** UTF-8 bytes of a listing (what a file holds). */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
