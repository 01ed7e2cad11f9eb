/**
 * Writes a `netstat -ant` listing of a busy reverse proxy with a seeded generator: listeners, client
 * connections to :443, and upstream connections from ephemeral ports to a few app servers, many of them in
 * TIME_WAIT. About 80 bytes a line, so 1,000,000 lines is about 80 MB.
 */
import { createWriteStream } from "node:fs";
import { seeded } from "../test/support/seeded";

const STATES = ["ESTABLISHED", "TIME_WAIT", "TIME_WAIT", "TIME_WAIT", "CLOSE_WAIT", "FIN_WAIT2", "SYN_RECV", "LAST_ACK", "FIN_WAIT1", "ESTABLISHED"];

function row(proto: string, local: string, remote: string, state: string): string {
  return `${proto.padEnd(6)}${"0".padStart(6)}${"0".padStart(7)} ${local.padEnd(23)} ${remote.padEnd(23)} ${state}`;
}

export function* netstatLines(lines: number, seed = 7): Generator<string> {
  const rand = seeded(seed);
  const int = (n: number) => Math.floor(rand() * n);
  yield "Active Internet connections (servers and established)";
  yield "Proto Recv-Q Send-Q Local Address           Foreign Address         State      ";
  yield row("tcp", "0.0.0.0:443", "0.0.0.0:*", "LISTEN");
  yield row("tcp", "0.0.0.0:22", "0.0.0.0:*", "LISTEN");
  yield row("tcp6", ":::443", ":::*", "LISTEN");
  // Each upstream (app server:port) takes local ports in turn, as the kernel hands them out: no 4-tuple twice.
  const upstreams = Array.from({ length: 40 }, (_, i) => ({ addr: `10.0.1.${10 + (i % 20)}:${8080 + Math.floor(i / 20)}`, next: 32768 }));
  for (let i = 5; i < lines; i++) {
    const state = STATES[int(STATES.length)] as string;
    const u = upstreams[int(upstreams.length)]!;
    if (rand() < 0.6 && u.next <= 60999) {
      // proxy → upstream app servers: the source of TIME_WAIT piles
      yield row("tcp", `10.0.0.5:${u.next++}`, u.addr, state);
    } else if (rand() < 0.9) {
      yield row("tcp", "10.0.0.5:443", `198.51.${int(256)}.${int(256)}:${1024 + int(64000)}`, state === "TIME_WAIT" ? "ESTABLISHED" : state);
    } else {
      yield row("tcp6", "2001:db8::5:443", `2001:db8:1::${int(65536).toString(16)}:${1024 + int(64000)}`, "ESTABLISHED");
    }
  }
}

/** Writes `lines` lines of the listing to `file`, in batches, waiting when the stream asks to. */
export async function writeNetstat(file: string, lines: number): Promise<void> {
  const out = createWriteStream(file);
  let batch: string[] = [];
  for (const l of netstatLines(lines)) {
    batch.push(l);
    if (batch.length === 10_000) {
      if (!out.write(batch.join("\n") + "\n")) await new Promise<void>((r) => out.once("drain", () => r()));
      batch = [];
    }
  }
  await new Promise<void>((r) => out.end(batch.length ? batch.join("\n") + "\n" : "", () => r()));
}

/** `node out/bench/generate-netstat.js LINES FILE` */
if (require.main === module) {
  const [lines = "1000000", file = "bench/data/netstat-1m.txt"] = process.argv.slice(2);
  void writeNetstat(file, Number(lines));
}
