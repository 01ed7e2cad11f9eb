/**
 * Ports written as service names: every tool prints names unless told `-n` (netstat, Windows) or
 * resolves them by default (`ss`). The names are those of /etc/services (IANA) for the services a
 * server troubleshooter meets; Windows' own services file adds epmap and ms-wbt-server. A name not
 * listed here cannot be turned back into a number, so its line is reported as unparsed.
 */
import { digitsValue, found, trailingPort } from "./scan";

const SERVICE_PORTS = new Map<string, number>([
  ["ftp-data", 20],
  ["ftp", 21],
  ["ssh", 22],
  ["telnet", 23],
  ["smtp", 25],
  ["domain", 53],
  ["http", 80],
  ["www", 80],
  ["kerberos", 88],
  ["pop3", 110],
  ["sunrpc", 111],
  ["epmap", 135],
  ["netbios-ssn", 139],
  ["imap", 143],
  ["imap2", 143],
  ["bgp", 179],
  ["ldap", 389],
  ["https", 443],
  ["microsoft-ds", 445],
  ["submissions", 465],
  ["urd", 465],
  ["submission", 587],
  ["ipp", 631],
  ["ldaps", 636],
  ["rsync", 873],
  ["imaps", 993],
  ["pop3s", 995],
  ["ms-sql-s", 1433],
  ["openvpn", 1194],
  ["nfs", 2049],
  ["mysql", 3306],
  ["ms-wbt-server", 3389],
  ["svn", 3690],
  ["sip", 5060],
  ["xmpp-client", 5222],
  ["xmpp-server", 5269],
  ["postgresql", 5432],
  ["amqp", 5672],
  ["x11", 6000],
  ["redis", 6379],
  ["http-alt", 8080],
  ["webcache", 8080],
  ["git", 9418],
  ["zabbix-agent", 10050],
  ["zabbix-trapper", 10051],
  ["memcache", 11211],
  ["mongodb", 27017],
]);

/** The port a service name stands for, any case; `undefined` for names not in the table. */
export function servicePort(name: string): number | undefined {
  return SERVICE_PORTS.get(name.toLowerCase());
}

/** `portAt` results that are not port numbers. */
export const PORT_STAR = -2;
export const PORT_BAD = -1;

/** The port written in `[start, end)`: digits, `*` (PORT_STAR) or a known service name; else PORT_BAD. */
export function portAt(s: string, start: number, end: number): number {
  const n = digitsValue(s, start, end);
  if (n >= 0) return n <= 65535 ? n : PORT_BAD;
  if (end - start === 1 && s.charCodeAt(start) === 42) return PORT_STAR;
  if (end - start > 20 || start >= end) return PORT_BAD;
  return servicePort(s.slice(start, end)) ?? PORT_BAD;
}

/**
 * The port after the last colon of the endpoint `[start, end)` ("10.0.0.5:443", "[::1]:https", "*:*"), as
 * portAt reads it; PORT_BAD when there is no colon. found.colon is left at that colon.
 */
export function endpointPort(s: string, start: number, end: number): number {
  const port = trailingPort(s, start, end);
  if (port >= 0) return port;
  return found.colon <= start ? PORT_BAD : portAt(s, found.colon + 1, end);
}
