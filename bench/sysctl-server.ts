/**
 * Language-server speed on a generated 5,000-line sysctl.conf: the core work behind a diagnostics pull and a
 * hover, and the same requests end to end over JSON-RPC to the built dist/server.js.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Catalogue } from "../core/catalogue/catalogue";
import { shippedCatalogue as catalogue } from "../core/catalogue/shipped";
import { ENTRIES } from "../core/catalogue/data";
import { toDiagnostic } from "../server/convert";
import { hover } from "../core/language/hover";
import { lintDocument } from "../core/rules/lint";
import { parseSysctl } from "../core/sysctl/parse";
import { startServer } from "../test/support/lsp-client";
import { generateSysctl } from "./generate-sysctl";
import { line, measure } from "./stats";

export async function benchSysctlServer(dataDir: string): Promise<string[]> {
  const text = generateSysctl(5000);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, "sysctl-5000.conf"), text);
  const cat = catalogue();
  const doc = parseSysctl(text);
  const target = doc.assignments[2500]!;
  const pos = { line: target.line, character: target.key.range.start.character + 3 };
  const out: string[] = [];
  const uri = "file:///bench/sysctl.conf";
  // What the server's diagnostics handler does: parse, lint, convert to LSP diagnostics.
  const pull = () => lintDocument(parseSysctl(text), { catalogue: cat }).map((f) => toDiagnostic(f, uri));
  out.push(line("server handler: parse + lint + convert, first run", await measure(1, () => lintDocument(parseSysctl(text), { catalogue: new Catalogue(ENTRIES) }))));
  out.push(line("server handler: parse + lint + convert 5,000 lines", await measure(200, pull), 20));
  out.push(line("server handler: hover (parsed document)", await measure(2000, () => hover(doc, pos, { catalogue: cat })), 2));

  const server = await startServer();
  try {
    let version = 1;
    await server.open(uri, text, version);
    const c = server.connection;
    // Each pull after an edit re-parses and re-lints, as the server does while the user types. A keystroke
    // reaches the server as VS Code sends it (incremental sync): the typed character over its range, here
    // the last character of the line under the cursor, replaced by one digit and then another.
    const at = { line: target.line, character: (text.split("\n")[target.line] ?? "").length - 1 };
    const keystroke = { start: at, end: { line: at.line, character: at.character + 1 } };
    out.push(
      line(
        "server over stdio: keystroke + pull diagnostics (5,000 lines)",
        await measure(100, async () => {
          await c.sendNotification("textDocument/didChange", { textDocument: { uri, version: ++version }, contentChanges: [{ range: keystroke, text: String(version % 2) }] });
          await c.sendRequest("textDocument/diagnostic", { textDocument: { uri } });
        }),
        20,
      ),
    );
    // The whole text replaced at once (a paste over the file, a client without incremental sync).
    out.push(
      line(
        "server over stdio: full text + pull diagnostics (5,000 lines)",
        await measure(100, async () => {
          await c.sendNotification("textDocument/didChange", { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
          await c.sendRequest("textDocument/diagnostic", { textDocument: { uri } });
        }),
      ),
    );
    out.push(line("server over stdio: hover", await measure(500, () => c.sendRequest("textDocument/hover", { textDocument: { uri }, position: pos })), 2));
  } finally {
    await server.stop();
  }
  return out;
}
