/** Socket listings for the panel tests, built in code so they stay readable and need no large fixtures. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./panel-server";
import { seeded } from "../../support/seeded";

export function fixture(path: string): string {
  return readFileSync(join(ROOT, "test", "fixtures", "netstat", path), "utf8");
}

const HEADER = "Active Internet connections (servers and established)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name";

function row(local: string, remote: string, state: string, program = "-", proto = "tcp"): string {
  return `${proto.padEnd(6)}     0      0 ${local.padEnd(23)} ${remote.padEnd(23)} ${state.padEnd(11)} ${program}`;
}


/** A `netstat -ant` row (no program column). */
function antRow(local: string, remote: string, state: string): string {
  return `tcp        0      0 ${local.padEnd(23)} ${remote.padEnd(23)} ${state}`;
}

/** A busy reverse proxy's `netstat -ant`, `lines` socket lines long (about 80 bytes a line). */
export function largeNetstat(lines: number, seed = 11): string {
  const rand = seeded(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const states = ["ESTABLISHED", "TIME_WAIT", "TIME_WAIT", "TIME_WAIT", "CLOSE_WAIT", "FIN_WAIT2", "SYN_RECV", "ESTABLISHED"];
  const out = ["Active Internet connections (servers and established)", "Proto Recv-Q Send-Q Local Address           Foreign Address         State"];
  // Each upstream hands out local ports in turn, as the kernel does: no 4-tuple twice.
  const next = new Array<number>(40).fill(32768);
  for (let i = 0; i < lines; i++) {
    const state = states[int(states.length)] as string;
    const u = int(40);
    const port = next[u] as number;
    if (rand() < 0.6 && port <= 60999) {
      next[u] = port + 1;
      out.push(antRow(`10.0.0.5:${port}`, `10.0.1.${10 + (u % 20)}:${8080 + Math.floor(u / 20)}`, state));
    } else {
      out.push(antRow("10.0.0.5:443", `198.51.${int(256)}.${int(256)}:${1024 + int(64000)}`, state === "TIME_WAIT" ? "ESTABLISHED" : state));
    }
  }
  return out.join("\n") + "\n";
}

/**
 * A `netstat -antp` of a troubled proxy host: one upstream holding over half the local ports (port pressure,
 * with the reverse-proxy vetted settings), a CLOSE_WAIT leak in a Java service, a SYN flood on :443, and a
 * few lines that are not sockets.
 */
export function troubledHost(): string {
  const rand = seeded(3);
  const out = [HEADER];
  out.push(row("0.0.0.0:443", "0.0.0.0:*", "LISTEN", "812/nginx: master"));
  out.push(row("0.0.0.0:22", "0.0.0.0:*", "LISTEN", "633/sshd"));
  out.push(row("127.0.0.1:5432", "0.0.0.0:*", "LISTEN", "901/postgres"));
  out.push(row("0.0.0.0:8080", "0.0.0.0:*", "LISTEN", "4242/java"));
  for (let i = 0; i < 16_500; i++) {
    const state = i % 10 === 0 ? "ESTABLISHED" : "TIME_WAIT";
    out.push(row(`10.0.0.5:${32768 + i}`, "10.0.1.10:8080", state, state === "ESTABLISHED" ? "813/nginx: worker" : "-"));
  }
  for (let i = 0; i < 2_400; i++) out.push(row(`10.0.0.5:${32768 + i}`, `10.0.1.${11 + (i % 3)}:8080`, i % 4 === 0 ? "ESTABLISHED" : "TIME_WAIT", i % 4 === 0 ? "813/nginx: worker" : "-"));
  for (let i = 0; i < 900; i++) out.push(row("10.0.0.5:443", `203.0.113.${i % 200}:${40000 + i}`, "ESTABLISHED", "813/nginx: worker"));
  for (let i = 0; i < 140; i++) out.push(row("10.0.0.5:8080", `10.0.2.${1 + (i % 4)}:${50000 + i}`, "CLOSE_WAIT", "4242/java"));
  for (let i = 0; i < 260; i++) out.push(row("10.0.0.5:443", `198.51.100.${Math.floor(rand() * 60)}:${1024 + i}`, "SYN_RECV", "-"));
  for (let i = 0; i < 40; i++) out.push(row("10.0.0.5:443", `192.0.2.${i}:${30000 + i}`, "FIN_WAIT2", "-"));
  for (let i = 0; i < 12; i++) out.push(row("10.0.0.5:443", `192.0.2.${100 + i}:${31000 + i}`, "LAST_ACK", "-"));
  out.push("tcp6       0      0 :::443                  :::*                    LISTEN      812/nginx: master");
  out.push("user@proxy:~$ netstat -antp | head");
  out.push("netstat: showing only processes with your user ID");
  return out.join("\n") + "\n";
}
