#!/usr/bin/env node
/**
 * Entry point of dist/server.js: `--node-ipc` when VS Code starts it, `--stdio` for other editors (the package's
 * `socket-doctor-language-server` bin).
 */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { SysctlServer } from "./server";

const connection = createConnection(ProposedFeatures.all);
new SysctlServer(connection).register();
connection.listen();
