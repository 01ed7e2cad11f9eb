import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { startServer, type TestServer } from "../support/lsp-client";
import { ROOT, runCli } from "../support/run-cli";

// A tree that does not exist, so no real /etc/sysctl.d file joins the set and the test stays hermetic.
const URI = "file:///nonexistent-socket-doctor-root/etc/sysctl.d/99-test.conf";
const TEXT = [
  "# protocol test",
  "net.ipv4.tcp_tw_recycle = 1",
  "net.ipv4.tcp_keepalive_tme = 600",
  "net.ipv4.tcp_fin_timeout = 30",
  "net.ipv4.tcp_fin_timeout = 20",
].join("\n");

interface Diag {
  code: string;
  severity: number;
  source: string;
  message: string;
  range: { start: { line: number } };
  tags?: number[];
  data?: unknown;
}

describe("language server over stdio", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
    await server.open(URI, TEXT);
  });
  after(async () => server.stop());

  const diagnostics = async () =>
    ((await server.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri: URI } })) as { kind: string; items: Diag[] });

  it("announces its capabilities", () => {
    const caps = server.initializeResult.capabilities;
    assert.deepEqual(Object.keys(caps).sort(), [
      "codeActionProvider",
      "completionProvider",
      "diagnosticProvider",
      "documentSymbolProvider",
      "hoverProvider",
      "textDocumentSync",
    ]);
    assert.deepEqual(caps.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: false });
  });

  it("pulls diagnostics with codes, severities and fixes in data", async () => {
    const report = await diagnostics();
    assert.equal(report.kind, "full");
    const byCode = (c: string) => report.items.filter((d) => d.code === c);
    const [removed] = byCode("removed-key");
    assert.equal(removed?.severity, 1);
    assert.equal(removed?.range.start.line, 1);
    assert.equal(removed?.source, "socket-doctor");
    assert.match(byCode("unknown-key")[0]?.message ?? "", /net\.ipv4\.tcp_keepalive_time/);
    const [dup] = byCode("duplicate-key");
    assert.equal(dup?.range.start.line, 3);
    assert.deepEqual(dup?.tags, [1]);
    assert.ok(dup?.data);
  });

  it("answers hover with markdown docs", async () => {
    const h = (await server.connection.sendRequest("textDocument/hover", { textDocument: { uri: URI }, position: { line: 3, character: 12 } })) as {
      contents: { kind: string; value: string };
    };
    assert.equal(h.contents.kind, "markdown");
    assert.match(h.contents.value, /net\.ipv4\.tcp_fin_timeout/);
    assert.match(h.contents.value, /Default/);
  });

  it("completes keys segment by segment", async () => {
    await server.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 29 }, end: { line: 4, character: 29 } }, text: "\nnet.ipv4.tcp_" }],
    });
    const items = (await server.connection.sendRequest("textDocument/completion", { textDocument: { uri: URI }, position: { line: 5, character: 13 } })) as {
      label: string;
      textEdit: { range: { start: { character: number } } };
      documentation?: { value: string };
    }[];
    const fin = items.find((i) => i.label === "tcp_fin_timeout");
    assert.ok(fin, "tcp_fin_timeout offered");
    assert.equal(fin.textEdit.range.start.character, 9);
    assert.ok(fin.documentation?.value.includes("FIN_WAIT2") || fin.documentation?.value.includes("FIN-WAIT-2") || (fin.documentation?.value.length ?? 0) > 100);
    await server.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ text: TEXT }],
    });
  });

  it("returns quick fixes from the diagnostics' data", async () => {
    const report = await diagnostics();
    const unknown = report.items.find((d) => d.code === "unknown-key")!;
    const actions = (await server.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri: URI },
      range: unknown.range,
      context: { diagnostics: [unknown] },
    })) as { title: string; kind: string; isPreferred: boolean; edit: { changes: Record<string, { newText: string }[]> } }[];
    const fix = actions.find((a) => a.isPreferred);
    assert.equal(fix?.kind, "quickfix");
    assert.match(fix?.title ?? "", /net\.ipv4\.tcp_keepalive_time/);
    assert.equal(fix?.edit.changes[URI]?.[0]?.newText, "net.ipv4.tcp_keepalive_time");
  });

  it("lists document symbols", async () => {
    const symbols = (await server.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri: URI } })) as { name: string }[];
    assert.deepEqual(symbols.map((s) => s.name), ["net.ipv4.tcp_tw_recycle", "net.ipv4.tcp_keepalive_tme", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_fin_timeout"]);
  });

  it("applies settings: kernel version and rule severities", async () => {
    server.settings = { kernelVersion: "4.9", rules: { "duplicate-key": "off" } };
    await server.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
    const codes = (await diagnostics()).items.map((d) => d.code);
    assert.ok(!codes.includes("removed-key"), "tcp_tw_recycle exists on 4.9");
    assert.ok(!codes.includes("duplicate-key"));
    server.settings = { rules: { "duplicate-key": "loud" } };
    await server.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
    await diagnostics();
    assert.ok(server.shown.some((m) => m.includes("socketDoctor.rules.duplicate-key")), server.shown.join("\n"));
    server.settings = {};
    await server.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
  });

  it("survives binary garbage and answers for closed documents", async () => {
    const junk = "file:///junk.conf";
    await server.open(junk, "\u0000\u0001\uFFFD=\u0000\n=\r\n\uD800 = 5");
    const report = (await server.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri: junk } })) as { items: Diag[] };
    assert.ok(report.items.length > 0);
    await server.connection.sendNotification("textDocument/didClose", { textDocument: { uri: junk } });
    const closed = (await server.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri: junk } })) as { items: Diag[] };
    assert.deepEqual(closed.items, []);
  });
});

describe("findings across the files sysctl --system applies together", () => {
  it("reports an assignment that a later file on disk overrides, linking it", async () => {
    const root = mkdtempSync(join(tmpdir(), "sd-set-"));
    mkdirSync(join(root, "etc", "sysctl.d"), { recursive: true });
    const late = join(root, "etc", "sysctl.d", "90-late.conf");
    writeFileSync(late, "net.ipv4.tcp_sack = 0\n");
    const early = pathToFileURL(join(root, "etc", "sysctl.d", "10-early.conf")).href;
    const server = await startServer();
    try {
      await server.open(early, "net.ipv4.tcp_sack = 1\nnet.ipv4.tcp_dsack = 0\n");
      const report = (await server.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri: early } })) as {
        items: { code: string; range: { start: { line: number } }; relatedInformation?: { location: { uri: string } }[] }[];
      };
      const overridden = report.items.filter((d) => d.code === "overridden-key");
      assert.deepEqual(overridden.map((d) => d.range.start.line), [0]);
      assert.equal(overridden[0]?.relatedInformation?.[0]?.location.uri, pathToFileURL(late).href);
    } finally {
      await server.stop();
    }
  });
});

describe("the editor and the CLI agree", () => {
  it("report the same codes on the same lines for every dirty fixture", async () => {
    const dir = join(ROOT, "test", "fixtures", "sysctl", "dirty");
    const server = await startServer();
    try {
      for (const name of readdirSync(dir).filter((f) => f.endsWith(".conf"))) {
        const path = join(dir, name);
        const cli = (JSON.parse(runCli(["lint", "--json", path]).stdout) as { line: number; code: string }[]).map((r) => `${r.line} ${r.code}`);
        const uri = pathToFileURL(path).href;
        await server.open(uri, readFileSync(path, "utf8"));
        const report = (await server.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri } })) as { items: Diag[] };
        const editor = report.items.map((d) => `${d.range.start.line + 1} ${d.code}`);
        assert.deepEqual(editor.sort(), cli.sort(), name);
      }
    } finally {
      await server.stop();
    }
  });

  it("offers each vetted profile as a source action with its edit", async () => {
    const server = await startServer();
    try {
      const uri = "file:///tmp/sd-profile-test.conf";
      await server.open(uri, "net.ipv4.tcp_keepalive_time = 7200\n");
      const actions = (await server.connection.sendRequest("textDocument/codeAction", {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ["source"] },
      })) as CodeActionJson[];
      const keepalive = actions.find((a) => a.title === "Insert vetted settings: Host with many idle keep-alive clients");
      assert.equal(keepalive?.kind, "source.insertVettedSettings");
      assert.ok(keepalive?.edit?.changes[uri]?.some((e) => e.newText === "600"), "lowers tcp_keepalive_time in place");
      assert.ok(
        keepalive?.edit?.changes[uri]?.some((e) => e.newText.startsWith("# Was 7200, now 600.")),
        "the comment says what really changes",
      );
      const none = (await server.connection.sendRequest("textDocument/codeAction", {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ["quickfix"] },
      })) as unknown[];
      assert.deepEqual(none, []);
    } finally {
      await server.stop();
    }
  });

  it("puts a key that a later file overrides into that file, and disables the action in a masked file", async () => {
    const root = mkdtempSync(join(tmpdir(), "sd-insert-"));
    mkdirSync(join(root, "etc", "sysctl.d"), { recursive: true });
    mkdirSync(join(root, "usr", "lib", "sysctl.d"), { recursive: true });
    const conf = join(root, "etc", "sysctl.conf");
    writeFileSync(conf, "net.ipv4.ip_local_port_range = 1024 65000\n");
    writeFileSync(join(root, "etc", "sysctl.d", "50-x.conf"), "");
    const target = pathToFileURL(join(root, "etc", "sysctl.d", "99-socket-doctor.conf")).href;
    const masked = pathToFileURL(join(root, "usr", "lib", "sysctl.d", "50-x.conf")).href;
    const server = await startServer();
    const actions = async (uri: string) =>
      (await server.connection.sendRequest("textDocument/codeAction", {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ["source.insertVettedSettings"] },
      })) as CodeActionJson[];
    try {
      await server.open(target, "");
      const proxy = (await actions(target)).find((a) => a.title.startsWith("Insert vetted settings: Reverse proxy"));
      assert.equal(proxy?.title, "Insert vetted settings: Reverse proxy opening many short upstream connections (also into sysctl.conf, which overrides this file)");
      const confUri = pathToFileURL(conf).href;
      assert.deepEqual(proxy?.edit?.changes[confUri]?.filter((e) => !e.newText.startsWith("#")).map((e) => e.newText), ["1024 65535"]);
      assert.ok(!proxy?.edit?.changes[target]?.some((e) => e.newText.includes("ip_local_port_range")), "no dead line in the overridden file");

      await server.open(masked, "");
      const disabled = (await actions(masked)).map((a) => [a.edit === undefined, a.disabled?.reason ?? ""] as const);
      assert.ok(disabled.length > 0 && disabled.every(([noEdit, reason]) => noEdit && reason.includes("is never applied")), JSON.stringify(disabled));
    } finally {
      await server.stop();
    }
  });
});

interface CodeActionJson {
  title: string;
  kind: string;
  edit?: { changes: Record<string, { newText: string }[]> };
  disabled?: { reason: string };
}

describe("a client without diagnostic refresh", () => {
  it("does not take the server down when a refresh request fails", async () => {
    const server = await startServer({}, { refreshSupport: false });
    try {
      await server.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
      await server.open("file:///x.conf", "net.ipv4.tcp_sack = x");
      const report = (await server.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri: "file:///x.conf" } })) as { items: Diag[] };
      assert.ok(report.items.length > 0);
      assert.equal(server.process.exitCode, null, "the server is still running");
    } finally {
      await server.stop();
    }
  });
});
