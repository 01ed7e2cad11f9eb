/**
 * Format detection for pasted listings. It runs once per block, not per line: the stream reads
 * lines with the current format's parser and asks here only when that parser cannot read a line
 * (or before any format is known). A column header switches the format; without one, the shape of
 * a row tells ("tcp4 " is BSD, "  TCP    0.0.0.0:135" is Windows, "ESTAB 0 0 ..." is ss, "   0:
 * 0100007F:0277" is /proc). Shell prompts and command lines, titles, notices and the sections of
 * non-TCP sockets (unix domain, macOS kernel sockets) are recognised so they are not reported.
 */
import { pcbColumns } from "./bsd-netstat";
import { isNetstatHeader } from "./linux-netstat";
import { isProcHeader } from "./proc-net-tcp";
import { digitsValue, indexIn, isDigit, lastIndexIn, skipBlanks, tokenEnd, trimEnd } from "./scan";
import { NETIDS } from "./ss";
import { stateAt } from "./state-names";
import { FORMAT_NAMES, type FormatName } from "./types";
import { isWindowsHeader } from "./windows-netstat";

export type LineClass =
  /** A column header: what follows is in `format`. */
  | { readonly kind: "header"; readonly format: FormatName }
  /** A row whose shape only `format` has. */
  | { readonly kind: "row"; readonly format: FormatName }
  /** A shell prompt or a bare command line; `command` is the command text. */
  | { readonly kind: "command"; readonly command: string }
  /** A line that tells the listing is BusyBox's (its "showing only processes with your user ID"). */
  | { readonly kind: "busybox-notice" }
  /** Blank lines, table titles, tools' notices: nothing to read. */
  | { readonly kind: "noise" }
  /** The start of a section of non-TCP sockets: skip its rows until the next header. */
  | { readonly kind: "section" }
  | { readonly kind: "unknown" };

const HEADER = {} as Record<FormatName, LineClass>;
const ROW = {} as Record<FormatName, LineClass>;
for (const f of FORMAT_NAMES) {
  HEADER[f] = { kind: "header", format: f };
  ROW[f] = { kind: "row", format: f };
}
const NOISE: LineClass = { kind: "noise" };
const SECTION: LineClass = { kind: "section" };
const UNKNOWN: LineClass = { kind: "unknown" };
const BUSYBOX: LineClass = { kind: "busybox-notice" };

const LINUX_PROTOCOLS = new Set(["tcp", "tcp6", "udp", "udp6", "udpl", "udpl6", "raw", "raw6", "unix"]);
const BSD_PROTOCOLS = /^(?:tcp4|tcp46|udp4|udp46|icm4|icm6|ip4|ip6|raw4|raw6)$/;
const SS_SUMMARY_ROWS = new Set(["RAW", "UDP", "TCP", "INET", "FRAG"]);

/** Sections of sockets that are not TCP: net-tools, BusyBox, macOS, FreeBSD (and net-tools' de/fr titles). */
const SECTION_TITLE =
  /^(?:Active (?:UNIX|LOCAL|kernel|Multipath|Bluetooth|IPX|AX\.25|NET\/ROM|X\.25|Netlink)|Aktive (?:Sockets in der UNIX|IPX|AX\.25|NET\/ROM|Bluetooth)|Sockets du domaine UNIX|Registered kernel control)/;
/** Titles above TCP tables: net-tools and BusyBox (and translations), BSD, Windows (and translations). */
const TITLE =
  /^(?:Active Internet connections|Active Connections|Aktive Internetverbindungen|Aktive Verbindungen|Connexions Internet actives|Connexions actives|Conexiones activas|Connessioni attive|Активные подключения)/;
/**
 * What the tools print besides their tables (net-tools' -p notice in English and translated, errors,
 * the cmd.exe banner, `more`'s prompt), and the code fences a listing pasted in Markdown sits in.
 */
const NOTICE = /^\(|you would have to be root|non-owned process|^netstat: |^ss: |^Cannot open netlink socket|^RTNETLINK answers|^Microsoft Windows \[Version|^-- More --|^(?:```|~~~)/;
const BUSYBOX_NOTICE = /^netstat: showing only processes with your user ID/;

const WINDOWS_PROMPT = /^(?:PS )?[A-Za-z]:\\[^>]*>\s*(.*)$/;
const POWERSHELL_PROMPT = /^PS [^>]*>\s*(.*)$/;
/** "$ cmd", "# cmd", "root@web1:~# cmd", "[root@web1 ~]# cmd", "user@mac ~ % cmd", "/ # cmd", "(venv) $ cmd". */
const UNIX_PROMPT = /^(?:\([^)]*\)\s+)?(?:\[[^\]]*\]|[\w.@:~/+-]+(?: [\w.@:~/+-]+){0,2})?\s?[$#%>](?:\s+(\S.*))?$/;
/** A command typed without its prompt. */
const BARE_COMMAND = /^(?:sudo\s+)?(?:\S*\/)?(?:ss|netstat|busybox|cat)(?:\s|$)/;

/** The command of a prompt or command line, or undefined. */
export function commandOf(line: string): string | undefined {
  const m = WINDOWS_PROMPT.exec(line) ?? POWERSHELL_PROMPT.exec(line) ?? UNIX_PROMPT.exec(line);
  if (m) return (m[1] ?? "").trim();
  return BARE_COMMAND.test(line) ? line.trim() : undefined;
}

export function classifyLine(line: string): LineClass {
  return classifyAt(line, 0, trimEnd(line, 0, line.length));
}

export function classifyAt(s: string, start: number, end: number): LineClass {
  const a = skipBlanks(s, start, end);
  if (a >= end) return NOISE;
  const ae = tokenEnd(s, a, end);
  const word = ae - a <= 16 ? s.slice(a, ae) : "";
  const b = skipBlanks(s, ae, end);
  const be = tokenEnd(s, b, end);

  // Column headers.
  if (word === "Proto") return protoHeader(s, ae, end);
  if (isWindowsHeader(s, a, end)) return HEADER["windows-netstat"];
  // macOS `netstat -A`: "Socket           Flowhash Proto Recv-Q ... (state)".
  if (word === "Socket" && s.slice(ae, end).includes("(state)")) return HEADER["bsd-netstat"];
  if ((word === "State" || word === "Netid" || word === "Recv-Q") && /Recv-Q|Local Address/.test(s.slice(ae, end))) return HEADER.ss;
  if (word === "sl" && isProcHeader(s, a, end)) return HEADER["proc-net-tcp"];
  if (word === "Total:" || word === "Transport" || (word === "TCP:" && s.slice(ae, end).includes("(estab"))) return HEADER.ss;
  if (SS_SUMMARY_ROWS.has(word) && b < end && isDigit(s.charCodeAt(b)) && a === start) return HEADER.ss;

  // Rows.
  const row = rowShape(s, a, ae, b, be, end, word);
  if (row !== undefined) return row;

  const text = s.slice(a, end);
  const command = commandOf(s.slice(start, end));
  if (command !== undefined) return { kind: "command", command };
  if (SECTION_TITLE.test(text)) return SECTION;
  if (BUSYBOX_NOTICE.test(text)) return BUSYBOX;
  if (TITLE.test(text) || NOTICE.test(text)) return NOISE;
  return UNKNOWN;
}

function protoHeader(s: string, ae: number, end: number): LineClass {
  const rest = s.slice(ae, end);
  // The unix domain table: "Proto RefCnt Flags Type State I-Node Path" (RefZäh, RefCpt translated).
  if (/^\s+Ref|\bI-Node\b/.test(rest)) return SECTION;
  if (rest.includes("(state)")) return HEADER["bsd-netstat"];
  if (isNetstatHeader(s, ae - 5, end)) return HEADER["linux-netstat"];
  // Queues but no addresses: macOS's kernel event and control socket tables.
  if (/Recv-Q|Send-Q/.test(rest)) return SECTION;
  // Windows' header has neither queue: "Proto  Local Address  Foreign Address  State  PID".
  return HEADER["windows-netstat"];
}

function rowShape(s: string, a: number, ae: number, b: number, be: number, end: number, word: string): LineClass | undefined {
  if (pcbColumns(s, a, end) > a) return ROW["bsd-netstat"];
  const c = s.charCodeAt(a);
  if (isDigit(c)) {
    // "  12: 0100007F:0277 ..." is /proc; "0  0  127.0.0.1:45042  127.0.0.1:47311" is ss without State.
    if (s.charCodeAt(ae - 1) === 58 && digitsValue(s, a, ae - 1) >= 0 && indexIn(s, 58, b, be) !== -1) return ROW["proc-net-tcp"];
    if (digitsValue(s, a, ae) >= 0 && digitsValue(s, b, be) >= 0) {
      const la = skipBlanks(s, be, end);
      if (indexIn(s, 58, la, tokenEnd(s, la, end)) !== -1) return ROW.ss;
    }
    return undefined;
  }
  if (word === "") return undefined;
  if (LINUX_PROTOCOLS.has(word) && digitsValue(s, b, be) >= 0) {
    if (word === "unix") return ROW["linux-netstat"];
    // OpenBSD prints "tcp" too, but its addresses end in ".port".
    const sa = skipBlanks(s, tokenEnd(s, b, end), end);
    const la = skipBlanks(s, tokenEnd(s, sa, end), end);
    const le = tokenEnd(s, la, end);
    return lastIndexIn(s, 58, la, le) > lastIndexIn(s, 46, la, le) ? ROW["linux-netstat"] : ROW["bsd-netstat"];
  }
  if (BSD_PROTOCOLS.test(word) && digitsValue(s, b, be) >= 0) return ROW["bsd-netstat"];
  if ((word === "TCP" || word === "UDP" || word === "TCPv6" || word === "UDPv6") && indexIn(s, 58, b, be) !== -1) return ROW["windows-netstat"];
  // ss: "ESTAB 0 0 ...", or with the Netid column "tcp LISTEN 0 4096 ..." / "u_str ESTAB 0 0 ...".
  if (stateAt(s, a, ae) !== undefined && digitsValue(s, b, be) >= 0) return ROW.ss;
  // "???" alone is too weak a sign of an ss row to start a block.
  if (word !== "???" && NETIDS.has(word) && be > b && (stateAt(s, b, be) !== undefined || digitsValue(s, b, be) >= 0)) return ROW.ss;
  return undefined;
}
