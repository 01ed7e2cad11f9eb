/**
 * A tiny static server on 127.0.0.1 for the panel's page: the same HTML and CSP the extension host writes
 * (client/panel-html.ts), a stand-in for `acquireVsCodeApi`, a theme stylesheet, and the built bundles
 * from dist/. Nothing else is served.
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { themeCss, THEMES, type Theme } from "./themes";

export const ROOT = join(__dirname, "..", "..", "..", "..");

export interface PageOptions {
  readonly theme?: Theme;
  /** The host's Content-Security-Policy (default on); off shows what the page does with no CSP to catch it. */
  readonly csp?: boolean;
}

export interface PanelServer {
  readonly origin: string;
  url(options?: PageOptions): string;
  close(): Promise<void>;
}

/**
 * Stands in for VS Code: records posted messages in window.__posted (each with the render count at the time),
 * keeps setState in sessionStorage so it survives a reload as webview state does, and, like VS Code, hands
 * out the API only once. CSP violations, errors and dialogs are recorded for the tests to check.
 */
const STAND_IN = `
(() => {
  window.__posted = [];
  window.__cspViolations = [];
  window.__errors = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " " + (e.sample || ""));
  });
  window.addEventListener("error", (e) => window.__errors.push(String(e.message)));
  window.addEventListener("unhandledrejection", (e) => window.__errors.push(String(e.reason)));
  const KEY = "socket-doctor-panel-state";
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error("An instance of the VS Code API has already been acquired");
    acquired = true;
    return Object.freeze({
      postMessage(message) {
        const app = document.getElementById("app");
        window.__posted.push({ message: JSON.parse(JSON.stringify(message)), renderCount: Number(app && app.dataset.renderCount || 0) });
      },
      getState() {
        const s = sessionStorage.getItem(KEY);
        return s === null ? undefined : JSON.parse(s);
      },
      setState(state) {
        sessionStorage.setItem(KEY, JSON.stringify(state));
        return state;
      },
    });
  };
  /** What the extension host's webview.postMessage looks like from inside the page. */
  window.__hostPost = (message) => window.dispatchEvent(new MessageEvent("message", { data: message }));
})();
`;

function page(origin: string, options: PageOptions): string {
  const nonce = randomBytes(18).toString("base64");
  const theme = options.theme ?? "light";
  const csp = [`default-src 'none'`, `script-src 'nonce-${nonce}' 'wasm-unsafe-eval'`, `style-src ${origin}`, `img-src ${origin} data:`, `font-src ${origin}`].join("; ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
${options.csp === false ? "" : `<meta http-equiv="Content-Security-Policy" content="${csp}">`}
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${origin}/theme.css?theme=${theme}">
<link rel="stylesheet" href="${origin}/dist/webview-style.css">
<title>Socket Doctor</title>
</head>
<body class="${THEMES[theme].bodyClass}">
<script nonce="${nonce}">${STAND_IN}</script>
<main id="app"></main>
<script nonce="${nonce}" src="${origin}/dist/webview.js"></script>
</body>
</html>`;
}

const FILES: Record<string, string> = {
  "/dist/webview.js": "text/javascript; charset=utf-8",
  "/dist/webview-style.css": "text/css; charset=utf-8",
};

export async function startPanelServer(): Promise<PanelServer> {
  let origin = "";
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", origin);
      const send = (status: number, type: string, body: string | Buffer) => {
        res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
        res.end(body);
      };
      if (url.pathname === "/panel.html") {
        const theme = url.searchParams.get("theme");
        return send(200, "text/html; charset=utf-8", page(origin, { theme: theme && theme in THEMES ? (theme as Theme) : "light", csp: url.searchParams.get("csp") !== "off" }));
      }
      if (url.pathname === "/theme.css") {
        const theme = url.searchParams.get("theme");
        return send(200, "text/css; charset=utf-8", themeCss(theme && theme in THEMES ? (theme as Theme) : "light"));
      }
      const type = FILES[url.pathname];
      if (type) return send(200, type, await readFile(join(ROOT, url.pathname)));
      return send(404, "text/plain", "not found");
    })().catch((e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (options = {}) => `${origin}/panel.html?theme=${options.theme ?? "light"}${options.csp === false ? "&csp=off" : ""}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
