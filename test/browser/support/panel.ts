/**
 * Headless Chromium (Debian's /usr/bin/chromium) with a fresh profile, and a driver for one panel page:
 * messages in and out, the render marker, and what must never happen (CSP violations, page errors, dialogs).
 * Every wait polls with a deadline; nothing sleeps.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import type { HostMessage, PanelMessage } from "../../../webview/protocol";
import { PREREQUISITES, requirePrerequisite } from "../../support/prerequisites";
import { ROOT, startPanelServer, type PageOptions, type PanelServer } from "./panel-server";

/** Missing, the suite fails as it loads, with the command that installs it (not with cancelled tests). */
export const CHROMIUM = requirePrerequisite(PREREQUISITES.chromium);
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
/** How long any single wait may take before the test fails. */
export const DEADLINE_MS = 15_000;

export interface Posted {
  readonly message: PanelMessage;
  /** How many times the panel had rendered results when it posted this. */
  readonly renderCount: number;
}

/** The page's window with the stand-in's additions; cast inline in page functions (they cannot call module code). */
export interface TestWindow {
  __posted: Posted[];
  __cspViolations: string[];
  __errors: string[];
  __hostPost(message: unknown): void;
  __pwned?: unknown;
}

export interface Harness {
  readonly context: BrowserContext;
  readonly server: PanelServer;
  open(options?: PageOptions & { readonly width?: number; readonly height?: number }): Promise<Panel>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  for (const f of ["dist/webview.js", "dist/webview-style.css"]) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: build first (npx tsc -b && node esbuild.mjs)`);
  }
  const profile = await mkdtemp(join(tmpdir(), "socket-doctor-chromium-"));
  const server = await startPanelServer();
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1000, height: 900 } });
  } catch (e) {
    await server.close();
    await rm(profile, { recursive: true, force: true });
    throw e;
  }
  return {
    context,
    server,
    async open(options = {}) {
      const page = await context.newPage();
      if (options.width) await page.setViewportSize({ width: options.width, height: options.height ?? 900 });
      const panel = new Panel(page);
      await page.goto(server.url(options));
      await panel.waitForPosted("ready");
      return panel;
    },
    async close() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export class Panel {
  /** alert/confirm/prompt dialogs the page opened: any is a failure. */
  readonly dialogs: string[] = [];
  readonly pageErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on("dialog", (d) => {
      this.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("pageerror", (e) => this.pageErrors.push(e.message));
  }

  async posted(): Promise<Posted[]> {
    return this.page.evaluate(() => (window as unknown as TestWindow).__posted);
  }

  async messages<T extends PanelMessage["type"]>(type: T): Promise<Extract<PanelMessage, { type: T }>[]> {
    return (await this.posted()).map((p) => p.message).filter((m): m is Extract<PanelMessage, { type: T }> => m.type === type);
  }

  /** Waits until the panel has posted `count` messages of this type; returns the last. */
  async waitForPosted<T extends PanelMessage["type"]>(type: T, count = 1): Promise<Extract<PanelMessage, { type: T }>> {
    await this.page.waitForFunction(
      ([t, n]) => (window as unknown as TestWindow).__posted.filter((p) => p.message.type === t).length >= n,
      [type, count] as const,
      { timeout: DEADLINE_MS },
    );
    return (await this.messages(type)).at(-1) as Extract<PanelMessage, { type: T }>;
  }

  async hostPost(message: HostMessage | Record<string, unknown>): Promise<void> {
    await this.page.evaluate((m) => (window as unknown as TestWindow).__hostPost(m), message);
  }

  async renderCount(): Promise<number> {
    return this.page.evaluate(() => Number(document.getElementById("app")?.dataset.renderCount ?? 0));
  }

  /** Waits for a render after `before` renders. */
  async waitForRender(before: number): Promise<void> {
    await this.page.waitForFunction((n) => Number(document.getElementById("app")?.dataset.renderCount ?? 0) > n, before, { timeout: DEADLINE_MS });
  }

  /** Puts text into the paste area as a user's edit would (an input event follows). */
  async setPaste(text: string): Promise<void> {
    await this.page.evaluate((t) => {
      const ta = document.getElementById("paste-text") as HTMLTextAreaElement;
      ta.value = t;
      ta.dispatchEvent(new Event("input", { bubbles: true }));
    }, text);
  }

  /** Pastes `text`, clicks Analyze and waits for the results. */
  async analyse(text: string): Promise<void> {
    await this.setPaste(text);
    const before = await this.renderCount();
    await this.page.click("#analyse");
    await this.waitForRender(before);
  }

  /** The bars of the chart on screen: state and count. */
  async bars(): Promise<[string, number][]> {
    return this.page.$$eval("#results svg.histogram g.hist-row", (rows) => rows.map((r) => [r.getAttribute("data-state") ?? "", Number(r.getAttribute("data-count"))] as [string, number]));
  }

  /** The data table beside the chart: [state, count text, share text]. */
  async stateTableRows(): Promise<string[][]> {
    return this.page.$$eval("#results table.state-table tbody tr", (rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? "")));
  }

  async state(): Promise<unknown> {
    return this.page.evaluate(() => {
      const s = sessionStorage.getItem("socket-doctor-panel-state");
      return s === null ? undefined : (JSON.parse(s) as unknown);
    });
  }

  /** Fails on anything the page must never do: CSP violations, uncaught errors, dialogs. */
  async assertClean(): Promise<void> {
    const { csp, errors } = await this.page.evaluate(() => ({ csp: (window as unknown as TestWindow).__cspViolations, errors: (window as unknown as TestWindow).__errors }));
    assert.deepEqual(csp, [], "CSP violations");
    assert.deepEqual([...errors, ...this.pageErrors], [], "page errors");
    assert.deepEqual(this.dialogs, [], "dialogs");
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
