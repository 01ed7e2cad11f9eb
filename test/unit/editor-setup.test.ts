/**
 * The README's setups for other editors give the sysctl file type to sysctl.conf and sysctl.d/*.conf wherever
 * they are (a repository of host configurations), not only under /etc. Emacs is a prerequisite (.ci/setup
 * installs it); the Neovim check runs where Neovim 0.11 or later is installed (Debian 12 has 0.7).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { PREREQUISITES, requirePrerequisite } from "../support/prerequisites";

const ROOT = join(__dirname, "..", "..", "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** The README's code block in `lang` that follows `after`. */
function snippet(after: string, lang: string): string {
  const start = README.indexOf(after);
  assert.ok(start >= 0, after);
  const m = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(README.slice(start));
  return m?.[1] ?? assert.fail(`no ${lang} block after ${after}`);
}

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;

/** Files in a repository, and whether each is a sysctl file. */
const dir = mkdtempSync(join(tmpdir(), "sd-editors-"));
const CASES: Record<string, boolean> = {
  "hosts/web/etc/sysctl.conf": true,
  "hosts/web/etc/sysctl.d/90-tuning.conf": true,
  "sysctl.d/10-base.conf": true,
  "hosts/web/etc/nginx.conf": false,
  "hosts/web/etc/mysysctl.conf": false,
};
const files = Object.keys(CASES).map((path) => {
  const p = join(dir, path);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, "net.ipv4.tcp_fin_timeout = 30\n");
  return p;
});

describe("the README's editor setups", () => {
  it("Neovim: init.lua gives the sysctl file type outside /etc too", { skip: !has("nvim") && "nvim is not installed" }, () => {
    const init = join(dir, "init.lua");
    writeFileSync(init, snippet("and in `init.lua`", "lua"));
    const probe = `lua for _, p in ipairs(vim.fn.json_decode('${JSON.stringify(files)}')) do io.stdout:write((vim.filetype.match({ filename = p }) or "-"), "\\n") end`;
    const r = spawnSync("nvim", ["--headless", "--clean", "-u", init, "-c", probe, "-c", "qa!"], { encoding: "utf8", timeout: 30_000 });
    assert.deepEqual(r.stdout.trim().split("\n").map((ft) => ft === "sysctl"), Object.values(CASES), r.stdout + r.stderr);
  });

  it("Emacs: auto-mode-alist picks sysctl-conf-mode outside /etc too", () => {
    const emacs = requirePrerequisite(PREREQUISITES.emacs);
    const init = join(dir, "init.el");
    writeFileSync(init, snippet("**Emacs**", "elisp"));
    const probe = `(dolist (f '(${files.map((f) => JSON.stringify(f)).join(" ")})) (with-current-buffer (find-file-noselect f) (princ (format "%s\\n" major-mode))))`;
    const r = spawnSync(emacs, ["-Q", "--batch", "-l", init, "--eval", probe], { encoding: "utf8", timeout: 30_000 });
    assert.deepEqual(r.stdout.trim().split("\n").map((mode) => mode === "sysctl-conf-mode"), Object.values(CASES), r.stdout + r.stderr);
  });
});
