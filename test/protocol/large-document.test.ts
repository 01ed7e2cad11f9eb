/**
 * A huge sysctl document must not take the server down: diagnostics are capped with a last one that says
 * how many were left out, and hover and completion read only the line they are about.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startServer, type TestServer } from "../support/lsp-client";

const URI = "file:///nonexistent-socket-doctor-root/etc/sysctl.d/99-huge.conf";
const LINES = 200_000;
// Every line a typo (one warning each), and a real key at the end to hover.
const TEXT = Array.from({ length: LINES }, (_, i) => `net.ipv4.tcp_fin_timout_${i} = 30`).join("\n") + "\nnet.ipv4.tcp_fin_timeout = 30\n";

interface Diag {
  code: string;
  severity: number;
  message: string;
}

describe("language server on a huge document", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
    await server.open(URI, TEXT);
  });
  after(async () => server.stop());

  it("caps the diagnostics and says how many more there are", async () => {
    const report = (await server.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri: URI } })) as { items: Diag[] };
    assert.equal(report.items.length, 1000);
    const last = report.items.at(-1);
    assert.equal(last?.code, "too-many-findings");
    // One unknown-key per line, and fin-timeout-myth's note on the last line.
    assert.match(last?.message ?? "", new RegExp(`^${LINES + 1 - 999} more findings are not shown: this file has ${LINES + 1}`));
  });

  it("hovers and completes from the line alone", async () => {
    const hover = (await server.connection.sendRequest("textDocument/hover", {
      textDocument: { uri: URI },
      position: { line: LINES, character: 12 },
    })) as { contents: { value: string } } | null;
    assert.match(hover?.contents.value ?? "", /tcp_fin_timeout/);
    const items = (await server.connection.sendRequest("textDocument/completion", {
      textDocument: { uri: URI },
      position: { line: LINES, character: 13 },
    })) as { label: string }[];
    assert.ok(items.some((i) => i.label === "tcp_fin_timeout"));
  });
});
