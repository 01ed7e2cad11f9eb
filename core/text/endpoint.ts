/** "host:port" as people write it: an IPv6 host in brackets ("[2001:db8::1]:443"), so the port stands apart. */
export function endpoint(host: string, port: number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}
