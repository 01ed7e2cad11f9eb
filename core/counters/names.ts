/**
 * Counter names as nstat prints them: the table's prefix and the field, joined ("TcpExt" + "ListenOverflows").
 * /proc/net/snmp and /proc/net/netstat name tables by prefix ("TcpExt:"), /proc/net/snmp6 names each counter
 * in full ("Ip6InReceives"); nstat (iproute2 misc/nstat.c) joins the first kind and keeps the second.
 */

/** The tables nstat reads, longest first so that "TcpExt" wins over "Tcp" and "IcmpMsg" over "Icmp". */
const GROUPS = ["UdpLite6", "MPTcpExt", "IcmpMsg", "UdpLite", "TcpExt", "Icmp6", "IpExt", "Icmp", "Udp6", "Ip6", "Tcp", "Udp", "Ip"];

/**
 * Values nstat leaves out because they are settings or gauges, not counters (its `useless_numbers`):
 * dropped from every format so that all of them give the same counters.
 */
const NOT_COUNTERS = new Set(["IpForwarding", "IpDefaultTTL", "TcpRtoAlgorithm", "TcpRtoMin", "TcpRtoMax", "TcpMaxConn", "TcpCurrEstab"]);

export function isCounter(name: string): boolean {
  return !NOT_COUNTERS.has(name);
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** The table a counter belongs to ("TcpExt" for "TcpExtListenOverflows"); the name itself when none fits. */
export function groupOf(name: string): string {
  for (const g of GROUPS) if (name.length > g.length && name.startsWith(g) && isUpper(name.charCodeAt(g.length))) return g;
  return name;
}

/** Whether `prefix` (without its colon) names one of the tables nstat reads. */
export function isGroup(prefix: string): boolean {
  return GROUPS.includes(prefix);
}

/** A name nstat could print, or a table's ("Ip"): letters and digits, starting with a capital (IcmpMsgInType3). */
export function isCounterName(s: string, start: number, end: number): boolean {
  if (end - start < 2 || end - start > 64 || !isUpper(s.charCodeAt(start))) return false;
  for (let i = start + 1; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || isUpper(c) || (c >= 97 && c <= 122) || c === 95)) return false;
  }
  return true;
}

/** Whether a full counter name starts with one of nstat's tables: "TcpExtListenOverflows" does, "Total" does not. */
export function hasKnownGroup(name: string): boolean {
  return groupOf(name) !== name;
}
