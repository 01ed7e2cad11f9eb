/**
 * Screenshots of the panel in VS Code's Light+ and Dark+ themes (and High Contrast, and a 400 px wide panel)
 * to test-results/browser/, for a person to look at; the test checks that the layout holds: nothing spills
 * sideways at 400 px and every section is there.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { paste } from "../unit/counters/support";
import { troubledHost } from "./support/listings";
import { startHarness, type Harness, type Panel } from "./support/panel";
import { ROOT } from "./support/panel-server";
import type { Theme } from "./support/themes";

const OUT = join(ROOT, "test-results", "browser");

async function showTroubledHost(panel: Panel): Promise<void> {
  await panel.analyse(troubledHost());
  await panel.hostPost({ type: "status", level: "info", message: "Report copied as Markdown." });
  // Keyboard focus on the first Insert settings button, so the focus ring shows in the pictures.
  await panel.page.locator('button[data-action="insert"]').first().focus();
  await panel.page.keyboard.press("Shift+Tab");
  await panel.page.keyboard.press("Tab");
}

describe("panel screenshots", () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
    mkdirSync(OUT, { recursive: true });
  });
  after(async () => {
    await harness?.close();
  });

  const shots: { theme: Theme; width: number; file: string }[] = [
    { theme: "light", width: 1200, file: "panel-light.png" },
    { theme: "dark", width: 1200, file: "panel-dark.png" },
    { theme: "high-contrast", width: 1200, file: "panel-high-contrast.png" },
    { theme: "dark", width: 400, file: "panel-narrow-dark.png" },
  ];
  for (const { theme, width, file } of shots) {
    it(`${file}: ${theme} theme, ${width} px wide`, async () => {
      const panel = await harness.open({ theme, width, height: 900 });
      await showTroubledHost(panel);
      for (const section of ["section.overview", "section.findings", "section.states", "section.pressure", "section.breakdowns"]) {
        assert.ok(await panel.page.isVisible(`#results ${section}`), section);
      }
      const overflow = await panel.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, "the page does not scroll sideways (wide tables scroll in their own box)");
      await panel.page.screenshot({ path: join(OUT, file), fullPage: true });
      await panel.assertClean();
      await panel.close();
    });
  }

  // Kernel counters beside a listing (the TIME_WAIT cap scenario), wide and at 400 px.
  for (const { width, file } of [{ width: 1200, file: "panel-counters-dark.png" }, { width: 400, file: "panel-counters-narrow-dark.png" }]) {
    it(`${file}: kernel counters, ${width} px wide`, async () => {
      const panel = await harness.open({ theme: "dark", width, height: 900 });
      await panel.analyse(paste("tw-overflow"));
      assert.ok(await panel.page.isVisible("#results section.counters"));
      const overflow = await panel.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, "the page does not scroll sideways");
      await panel.page.locator("#results section.counters").screenshot({ path: join(OUT, file) });
      await panel.assertClean();
      await panel.close();
    });
  }
});
