/** Entry point of dist/server.js: `--node-ipc` when VS Code starts it, `--stdio` for other editors. */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { SysctlServer } from "./server";

const connection = createConnection(ProposedFeatures.all);
new SysctlServer(connection).register();
connection.listen();
