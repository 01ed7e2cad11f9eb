/**
 * What the test suites need from the machine beyond npm, with the Debian package that brings each. A suite
 * that needs one calls requirePrerequisite when it loads, so a missing program fails the run at once, saying
 * how to install it, instead of cancelling the tests one by one. `npm test` checks them all first
 * (`node out/test/support/prerequisites.js`); `.ci/setup` installs them.
 */
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

export interface Prerequisite {
  readonly name: string;
  readonly debianPackage: string;
  readonly neededBy: string;
  /** Where it is, if it is there. */
  find(): string | undefined;
}

function onPath(command: string): string | undefined {
  return (process.env.PATH ?? "").split(delimiter).map((d) => join(d, command)).find((p) => existsSync(p));
}

export const PREREQUISITES = {
  chromium: {
    name: "chromium",
    debianPackage: "chromium",
    neededBy: "the panel tests (test:browser) and the real-editor tests (test:e2e)",
    find: () => [process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"].find((p) => existsSync(p)),
  },
  promtool: {
    name: "promtool",
    debianPackage: "prometheus",
    neededBy: "the Prometheus output test (test:protocol)",
    find: () => onPath("promtool"),
  },
  ripgrep: {
    name: "rg",
    debianPackage: "ripgrep",
    neededBy: "installing code-server for test:e2e",
    find: () => onPath("rg"),
  },
  emacs: {
    name: "emacs",
    debianPackage: "emacs-nox",
    neededBy: "the README's Emacs setup test (test:unit)",
    find: () => onPath("emacs"),
  },
  systemdAnalyze: {
    name: "systemd-analyze",
    debianPackage: "systemd",
    neededBy: "the test of docs/fleet.md's systemd units (test:protocol)",
    find: () => onPath("systemd-analyze"),
  },
  strace: {
    name: "strace",
    debianPackage: "strace",
    neededBy: "the test of docs/fleet.md's system-call filter (test:protocol)",
    find: () => onPath("strace"),
  },
  git: {
    name: "git",
    debianPackage: "git",
    neededBy: "the test of docs/fleet.md's CI step (test:protocol)",
    find: () => onPath("git"),
  },
  gssapi: {
    name: "gssapi.h",
    debianPackage: "libkrb5-dev",
    neededBy: "installing code-server for test:e2e (its kerberos module)",
    find: () => ["/usr/include/gssapi/gssapi.h", "/usr/include/gssapi.h"].find((p) => existsSync(p)),
  },
} satisfies Record<string, Prerequisite>;

export function missingMessage(missing: readonly Prerequisite[]): string {
  const lines = missing.map((p) => `  ${p.name} (Debian package ${p.debianPackage}), for ${p.neededBy}`);
  const packages = missing.map((p) => p.debianPackage).join(" ");
  return `missing prerequisites:\n${lines.join("\n")}\ninstall with: apt-get install -y --no-install-recommends ${packages}\n(or run .ci/setup, which installs every prerequisite of the tests)`;
}

/** The program's path; throws with the install command when it is missing. */
export function requirePrerequisite(p: Prerequisite): string {
  const found = p.find();
  if (found === undefined) throw new Error(missingMessage([p]));
  return found;
}

// `node out/test/support/prerequisites.js`: all of them at once, before any suite runs.
if (require.main === module) {
  const missing = Object.values(PREREQUISITES).filter((p) => p.find() === undefined);
  if (missing.length > 0) {
    process.stderr.write(missingMessage(missing) + "\n");
    process.exitCode = 1;
  }
}
