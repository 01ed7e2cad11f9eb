/** Editors without pull diagnostics (Emacs' eglot) get them pushed; the package's bin starts the server. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { startServer } from "../support/lsp-client";

interface Published {
  uri: string;
  version?: number;
  diagnostics: { code?: string }[];
}

describe("language server for clients that cannot pull diagnostics", () => {
  it("publishes diagnostics on open and on every change, started as the socket-doctor-language-server bin", async () => {
    const server = await startServer({}, { pullDiagnostics: false, asBin: true });
    try {
      assert.equal(server.initializeResult.capabilities.hoverProvider, true);
      const published: Published[] = [];
      let wake: () => void = () => undefined;
      server.connection.onNotification("textDocument/publishDiagnostics", (p: Published) => {
        published.push(p);
        wake();
      });
      const next = async (version: number) => {
        for (;;) {
          const p = published.find((x) => x.version === version);
          if (p) return p;
          await new Promise<void>((resolve) => (wake = resolve));
        }
      };
      const uri = "file:///tmp/push/sysctl.conf";
      await server.open(uri, "net.ipv4.tcp_tw_recycle = 1\n", 1);
      assert.deepEqual((await next(1)).diagnostics.map((d) => d.code), ["removed-key"]);
      await server.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: "net.ipv4.tcp_sack = 1\n" }] });
      assert.deepEqual((await next(2)).diagnostics.map((d) => d.code).filter((c) => c !== "redundant-default"), []);
    } finally {
      await server.stop();
    }
  });
});
