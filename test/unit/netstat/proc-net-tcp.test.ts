import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatV6, parseProcNetTcpLine, type ProcContext } from "../../../core/netstat/proc-net-tcp";
import type { LineResult, SocketRecord, TcpState } from "../../../core/netstat/types";

function rec(family: "ipv4" | "ipv6", local: string, localPort: number, remote: string, remotePort: number | null, state: TcpState, extra: Partial<SocketRecord> = {}): SocketRecord {
  return { family, localAddress: local, localPort, remoteAddress: remote, remotePort, state, format: "proc-net-tcp", uid: 0, ...extra };
}

const HEADER4 = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode                                                     ";
const HEADER6 = "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
const UDP_HEADER = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops            ";

describe("parseProcNetTcpLine", () => {
  const cases: [string, string, LineResult][] = [
    ["listening", "   0: 0100007F:B8CF 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 73212 1 000000004a2b8f1e 100 0 0 10 0", rec("ipv4", "127.0.0.1", 47311, "0.0.0.0", null, "LISTEN", { inode: 73212 })],
    // Captured on Linux 6.18: a listener's rx_queue is its accept queue; tx_queue is not its backlog.
    ["a listener with connections waiting", "   1: 0100007F:1F90 00000000:0000 0A 00000000:00000005 00:00000000 00000000     0        0 291726 6 00000000703befc6 100 0 0 10 0", rec("ipv4", "127.0.0.1", 8080, "0.0.0.0", null, "LISTEN", { inode: 291726, acceptQueue: 5 })],
    ["established, with uid", "  12: 0500000A:0016 0900000A:C3CA 01 00000000:00000000 02:000AFB6D 00000000  1000        0 21543 4 0000000010c7b2f4 20 4 31 10 -1", rec("ipv4", "10.0.0.5", 22, "10.0.0.9", 50122, "ESTABLISHED", { uid: 1000, inode: 21543 })],
    ["TIME_WAIT owns no inode", "   5: 0100007F:AFF2 0100007F:B8CF 06 00000000:00000000 03:00001717 00000000     0        0 0 3 0000000000000000", rec("ipv4", "127.0.0.1", 45042, "127.0.0.1", 47311, "TIME_WAIT")],
    ["NEW_SYN_RECV (0C) reads as SYN_RECV", "   7: 0500000A:01BB 0764A8C6:9CB0 0C 00000000:00000000 02:0000002C 00000000     0        0 0 0 00000000a1b2c3d4", rec("ipv4", "10.0.0.5", 443, "198.168.100.7", 40112, "SYN_RECV")],
    ["lower-case hex", "   0: 0100007f:b8cf 00000000:0000 0a 00000000:00000000 00:00000000 00000000     0        0 73212 1 0", rec("ipv4", "127.0.0.1", 47311, "0.0.0.0", null, "LISTEN", { inode: 73212 })],
    ["tcp6 ::1", "   0: 00000000000000000000000001000000:B8CF 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 73213 1 0000000000000000 100 0 0 10 0", rec("ipv6", "::1", 47311, "::", null, "LISTEN", { inode: 73213 })],
    ["tcp6 IPv4-mapped", "   3: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:C822 01 00000000:00000000 00:00000000 00000000    33        0 99120 1 0", rec("ipv6", "::ffff:127.0.0.1", 8080, "::ffff:127.0.0.1", 51234, "ESTABLISHED", { uid: 33, inode: 99120 })],
    ["tcp6 global", "   4: B80D0120000000000000000001000000:01BB B80D0120000000000000000099000000:C350 08 00000000:00000000 00:00000000 00000000     0        0 5 1 0", rec("ipv6", "2001:db8::1", 443, "2001:db8::99", 50000, "CLOSE_WAIT", { inode: 5 })],
    ["tcp6 link-local", "   5: 000080FE000000003B1CFF8AA19BE4A1:0016 000080FE000000003B1CFF8AA19CE4A1:D000 01 00000000:00000000 00:00000000 00000000     0        0 6 1 0", rec("ipv6", "fe80::8aff:1c3b:a1e4:9ba1", 22, "fe80::8aff:1c3b:a1e4:9ca1", 53248, "ESTABLISHED", { inode: 6 })],
    ["header", HEADER4, "skip"],
    ["tcp6 header", HEADER6, "skip"],
    ["an unknown state code", "   0: 0100007F:B8CF 00000000:0000 0D 00000000:00000000 00:00000000 00000000     0        0 1 1 0", "unparsed"],
    ["a state of 00", "   0: 0100007F:B8CF 00000000:0000 00 00000000:00000000 00:00000000 00000000     0        0 1 1 0", "unparsed"],
    ["mixed families", "   0: 0100007F:B8CF 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0", "unparsed"],
    ["a short address", "   0: 01007F:B8CF 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0", "unparsed"],
    ["a truncated row", "   0: 0100007F:B8CF 00000000:0000 0A 00000000:00000000", "unparsed"],
    ["not /proc", "tcp        0      0 127.0.0.1:47311         0.0.0.0:*               LISTEN", "unparsed"],
  ];
  for (const [name, line, expected] of cases) it(name, () => assert.deepEqual(parseProcNetTcpLine(line), expected));

  it("skips the rows under /proc/net/udp's and raw's header (…ref pointer drops)", () => {
    const ctx: ProcContext = { procNonTcp: false };
    assert.equal(parseProcNetTcpLine(UDP_HEADER, ctx), "skip");
    assert.equal(ctx.procNonTcp, true);
    assert.equal(parseProcNetTcpLine("  123: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 17595 2 0000000000000000 0", ctx), "skip");
    assert.equal(parseProcNetTcpLine(HEADER4, ctx), "skip");
    assert.equal(ctx.procNonTcp, false);
  });
});

describe("formatV6", () => {
  const cases: [number[], string][] = [
    [[0, 0, 0, 0, 0, 0, 0, 0], "::"],
    [[0, 0, 0, 0, 0, 0, 0, 1], "::1"],
    [[0x2001, 0xdb8, 0, 0, 0, 0, 0, 1], "2001:db8::1"],
    [[0x2001, 0xdb8, 0, 1, 0, 0, 0, 1], "2001:db8:0:1::1"],
    [[0x2001, 0xdb8, 0, 0, 1, 0, 0, 1], "2001:db8::1:0:0:1"],
    [[0x2001, 0xdb8, 1, 2, 3, 4, 5, 6], "2001:db8:1:2:3:4:5:6"],
    [[0x2001, 0, 1, 2, 3, 4, 5, 6], "2001:0:1:2:3:4:5:6"],
    [[1, 0, 0, 0, 0, 0, 0, 0], "1::"],
    [[0xfe80, 0, 0, 0, 0x8aff, 0x1c3b, 0xa1e4, 0x9ba1], "fe80::8aff:1c3b:a1e4:9ba1"],
    [[0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0005], "::ffff:10.0.0.5"],
    [[0, 0, 0, 0, 0, 0, 0x0a00, 0x0005], "::10.0.0.5"],
    [[0, 0, 0, 0, 0, 0, 0, 0x0a00], "::a00"],
  ];
  for (const [groups, text] of cases) it(text, () => assert.equal(formatV6(groups), text));
});
