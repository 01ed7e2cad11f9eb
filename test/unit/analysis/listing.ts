/** Builds `netstat -ant` listings for analysis tests. */
export function row(local: string, remote: string, state: string, proto = "tcp"): string {
  return `${proto.padEnd(6)}     0      0 ${local.padEnd(23)} ${remote.padEnd(23)} ${state}`;
}

export const HEADER = "Proto Recv-Q Send-Q Local Address           Foreign Address         State";

/** `n` rows made by `make(i)`, under a header. */
export function listing(n: number, make: (i: number) => string): string {
  return [HEADER, ...Array.from({ length: n }, (_, i) => make(i))].join("\n") + "\n";
}
