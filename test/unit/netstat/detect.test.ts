import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classifyLine, commandOf, type LineClass } from "../../../core/netstat/detect";

const header = (format: string) => ({ kind: "header", format });
const row = (format: string) => ({ kind: "row", format });
const command = (text: string) => ({ kind: "command", command: text });
const NOISE = { kind: "noise" };
const SECTION = { kind: "section" };
const UNKNOWN = { kind: "unknown" };

describe("classifyLine", () => {
  const cases: [string, LineClass | { kind: string; format?: string; command?: string }][] = [
    // Column headers switch the format.
    ["Proto Recv-Q Send-Q Local Address           Foreign Address         State      ", header("linux-netstat")],
    ["Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    ", header("linux-netstat")],
    ["Proto  Recib Enviad Dirección local         Dirección remota       Estado       PID/Program name", header("linux-netstat")],
    ["Proto Recv-Q Send-Q Adresse locale          Adresse distante        Etat", header("linux-netstat")],
    ["State      Recv-Q Send-Q Local Address:Port  Peer Address:Port Process", header("ss")],
    ["State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess", header("ss")],
    ["Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process", header("ss")],
    ["Recv-Q Send-Q Local Address:Port  Peer Address:Port Process", header("ss")],
    ["  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode", header("proc-net-tcp")],
    ["  sl  local_address                         remote_address                        st tx_queue", header("proc-net-tcp")],
    ["Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)    ", header("bsd-netstat")],
    ["Proto Recv-Q Send-Q Local Address          Foreign Address        (state)", header("bsd-netstat")],
    ["  Proto  Local Address          Foreign Address        State           PID", header("windows-netstat")],
    ["  Proto  Lokale Adresse         Remoteadresse          Status           PID", header("windows-netstat")],
    ["  Proto  Adresse locale         Adresse distante       État", header("windows-netstat")],
    ["  Proto  Dirección local        Dirección remota       Estado", header("windows-netstat")],
    ["  Proto  Local Address          Foreign Address        State           PID      Offload State", header("windows-netstat")],
    ["  Proto.  Local Address          Foreign Address        State", header("windows-netstat")],
    ["  Имя    Локальный адрес        Внешний адрес          Состояние", header("windows-netstat")],
    ["协议    本地地址       外部地址        状态           卸载状态", header("windows-netstat")],
    ["Socket           Flowhash Proto Recv-Q Send-Q  Local Address      Foreign Address    (state)    ", header("bsd-netstat")],
    // macOS netstat -A rows: the control block and flow hash before Proto.
    ["f3a111b4e88c2b57 825843c1 tcp4       0      0  localhost.58665    localhost.58666    ESTABLISHED", row("bsd-netstat")],
    [" 3b09d71e5f2a4c1        0 tcp46      0      0  *.8080             *.*                LISTEN", row("bsd-netstat")],
    ["Connessioni attive", NOISE],
    ["Активные подключения", NOISE],
    // ss -s
    ["Total: 283", header("ss")],
    ["TCP:   336 (estab 199, closed 67, orphaned 0, timewait 67)", header("ss")],
    ["Transport Total     IP        IPv6", header("ss")],
    ["TCP\t  269       202       67", header("ss")],
    // Rows by shape, without a header.
    ["tcp        0      0 127.0.0.1:47311         0.0.0.0:*               LISTEN", row("linux-netstat")],
    ["tcp6       0      0 ::1:47311               :::*                    LISTEN", row("linux-netstat")],
    ["udp        0      0 0.0.0.0:68              0.0.0.0:*", row("linux-netstat")],
    ["unix  3      [ ]         STREAM     CONNECTED     188", row("linux-netstat")],
    ["tcp4       0      0  192.168.1.23.52144     140.82.112.25.443      ESTABLISHED", row("bsd-netstat")],
    ["tcp46      0      0  *.5000                 *.*                    LISTEN", row("bsd-netstat")],
    ["tcp          0      0  10.0.0.1.22            10.0.0.2.51234         ESTABLISHED", row("bsd-netstat")],
    ["tcp6       0      0  fe80::1%lo0.631        *.*                    LISTEN", row("bsd-netstat")],
    ["  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1056", row("windows-netstat")],
    ["TCP    [::]:135               [::]:0                 LISTENING", row("windows-netstat")],
    ["  UDP    0.0.0.0:123            *:*                                    1432", row("windows-netstat")],
    ["ESTAB      0      0          127.0.0.1:47311    127.0.0.1:45704", row("ss")],
    ["TIME-WAIT  0      0          127.0.0.1:45042    127.0.0.1:47311 timer:(timewait,55sec,0)", row("ss")],
    ["UNCONN 0      0      0.0.0.0:68        0.0.0.0:*", row("ss")],
    ["tcp   LISTEN 0      4096   0.0.0.0:22        0.0.0.0:*", row("ss")],
    ["u_str ESTAB  0      0      * 81445            * 81446", row("ss")],
    ["0      0          127.0.0.1:45042    127.0.0.1:47311", row("ss")],
    ["   0: 0100007F:B8CF 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 73212 1", row("proc-net-tcp")],
    ["  12: 00000000000000000000000001000000:B8CF 00000000000000000000000000000000:0000 0A", row("proc-net-tcp")],
    // Prompts and commands.
    ["$ netstat -ant", command("netstat -ant")],
    ["root@web1:~# ss -tanp", command("ss -tanp")],
    ["[root@web1 ~]# ss -tan state time-wait", command("ss -tan state time-wait")],
    ["user@mac ~ % netstat -an -p tcp", command("netstat -an -p tcp")],
    ["/ # netstat -tanp", command("netstat -tanp")],
    ["PS C:\\> netstat -ano", command("netstat -ano")],
    ["C:\\Users\\me>netstat -an", command("netstat -an")],
    ["C:\\Users\\me>", command("")],
    ["root@web1:~#", command("")],
    ["sudo ss -tan", command("sudo ss -tan")],
    ["cat /proc/net/tcp /proc/net/tcp6", command("cat /proc/net/tcp /proc/net/tcp6")],
    // Titles, notices, sections.
    ["", NOISE],
    ["   ", NOISE],
    ["Active Internet connections (servers and established)", NOISE],
    ["Active Internet connections (including servers)", NOISE],
    ["Active Connections", NOISE],
    ["Aktive Verbindungen", NOISE],
    ["Conexiones activas de Internet (servidores y establecidos)", NOISE],
    ["(Not all processes could be identified, non-owned process info", NOISE],
    [" will not be shown, you would have to be root to see it all.)", NOISE],
    ["```", NOISE],
    ["```text", NOISE],
    ["-- More --", NOISE],
    ["netstat: showing only processes with your user ID", { kind: "busybox-notice" }],
    ["Active UNIX domain sockets (servers and established)", SECTION],
    ["Proto RefCnt Flags       Type       State         I-Node   Path", SECTION],
    ["Active LOCAL (UNIX) domain sockets", SECTION],
    ["Active kernel event sockets", SECTION],
    ["Proto Recv-Q Send-Q vendor  class  subcla", SECTION],
    ["Registered kernel control modules", SECTION],
    ["Aktive Sockets in der UNIX-Domäne (Server und stehende Verbindungen)", SECTION],
    // Nothing known.
    ["Friday, March 7, 2025 10:14:03 AM", UNKNOWN],
    ["fffff80003a7e600 stream      0      0 fffff80003ba1000        0        0        0 /var/run/devd.pipe", UNKNOWN],
    ["\u0000\u0001\u0002", UNKNOWN],
  ];
  for (const [line, expected] of cases) it(`${JSON.stringify(line)} → ${JSON.stringify(expected)}`, () => assert.deepEqual(classifyLine(line), expected));
});

describe("commandOf", () => {
  const cases: [string, string | undefined][] = [
    ["$ ss -tan state time-wait", "ss -tan state time-wait"],
    ["(venv) user@host:~/src$ netstat -ant", "netstat -ant"],
    ["bash-5.1# netstat -ant", "netstat -ant"],
    ["netstat -ant | awk '/^tcp/ {++S[$NF]} END {for (a in S) print a, S[a]}'", "netstat -ant | awk '/^tcp/ {++S[$NF]} END {for (a in S) print a, S[a]}'"],
    ["tcp        0      0 127.0.0.1:47311         0.0.0.0:*               LISTEN", undefined],
    ["ESTAB 0 0 [fe80::1]%eth0:22 [fe80::2]%eth0:51000", undefined],
    ["Active Connections", undefined],
  ];
  for (const [line, expected] of cases) it(JSON.stringify(line), () => assert.equal(commandOf(line), expected));
});
