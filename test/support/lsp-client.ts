/** Spawns the built server (dist/server.js --stdio) and talks JSON-RPC to it, as an editor would. */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from "vscode-languageserver/node"; // its re-export of the protocol package the server uses
import { ROOT } from "./run-cli";

export const SERVER = join(ROOT, "dist", "server.js");

export interface TestServer {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  initializeResult: { capabilities: Record<string, unknown> };
  /** Messages the server showed the user (window/showMessage). */
  readonly shown: string[];
  /** Settings answered to workspace/configuration; tests may change them. */
  settings: unknown;
  open(uri: string, text: string, version?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  readonly refreshSupport?: boolean;
  /** false: a client that cannot pull diagnostics (Emacs' eglot), so the server pushes them. */
  readonly pullDiagnostics?: boolean;
  /** Start dist/server.js as the package's bin does (its hashbang), not through this node. */
  readonly asBin?: boolean;
}

export async function startServer(settings: unknown = {}, options: ServerOptions = {}): Promise<TestServer> {
  const child = options.asBin ? spawn(SERVER, ["--stdio"], { stdio: ["pipe", "pipe", "inherit"] }) : spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const server: TestServer = {
    connection,
    initializeResult: { capabilities: {} },
    process: child,
    shown: [],
    settings,
    async open(uri, text, version = 1) {
      await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "sysctl", version, text } });
    },
    async stop() {
      await connection.sendRequest("shutdown");
      await connection.sendNotification("exit");
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
      connection.dispose();
    },
  };
  connection.onRequest("workspace/configuration", (params: { items: unknown[] }) => params.items.map(() => server.settings));
  // A client without refresh support answers the request with "method not found", as real editors do.
  if (options.refreshSupport !== false) connection.onRequest("workspace/diagnostic/refresh", () => null);
  connection.onNotification("window/showMessage", (p: { message: string }) => void server.shown.push(p.message));
  connection.onRequest("window/showMessageRequest", (p: { message: string }) => {
    server.shown.push(p.message);
    return null;
  });
  connection.listen();
  const result = await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true, diagnostics: { refreshSupport: true } }, textDocument: options.pullDiagnostics === false ? {} : { diagnostic: {} } },
  });
  await connection.sendNotification("initialized", {});
  server.initializeResult = result as TestServer["initializeResult"];
  return server;
}
