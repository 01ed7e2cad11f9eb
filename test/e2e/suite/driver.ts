// What the suites share: polling with a deadline, and steps the driver (test/e2e/run.mjs) runs in the
// workbench page or a webview, which the extension host cannot reach.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const DEADLINE_MS = 30_000;

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  const end = Date.now() + DEADLINE_MS;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100)); // poll interval, bounded by the deadline
  }
}

export type Step = Record<string, string>;

/** Runs steps through the driver; resolves with the texts read. Skips where no driver answers. */
export async function inWebview(ctx: Mocha.Context, id: string, steps: Step[]): Promise<Record<string, string[]>> {
  const artifacts = process.env.SOCKET_DOCTOR_E2E_ARTIFACTS;
  if (!artifacts) ctx.skip();
  const file = path.join(artifacts as string, `${id}.json`);
  fs.rmSync(file, { force: true });
  console.log(`[e2e:webview] ${JSON.stringify({ id, steps })}`);
  const result = await waitFor(`the driver to run ${id}`, () => fs.existsSync(file) && (JSON.parse(fs.readFileSync(file, 'utf8')) as { ok: boolean; error?: string; texts: Record<string, string[]> }));
  assert.ok(result.ok, result.error);
  return result.texts;
}

/** A notification's button, by its label (Playwright selector for the workbench page). */
export const notificationButton = (label: string): string => `.notifications-toasts .monaco-button:has-text("${label}")`;

/** The save dialog the extension opens (in code-server, a quick input titled by the extension). */
export const saveDialog = (title: string): string => `.quick-input-widget .quick-input-title:has-text("${title}")`;
