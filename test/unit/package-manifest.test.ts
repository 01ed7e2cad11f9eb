/** The .vsix as a marketplace user sees it: icon, categories, README images inside the package, where it runs. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, it } from "node:test";

const ROOT = join(__dirname, "..", "..", "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  icon: string;
  categories: string[];
  keywords: string[];
  extensionKind: string[];
  bin: Record<string, string>;
};
/** The marketplace's categories (vsce refuses others). */
const CATEGORIES = ["AI", "Azure", "Chat", "Data Science", "Debuggers", "Education", "Extension Packs", "Formatters", "Keymaps", "Language Packs", "Linters", "Machine Learning", "Notebooks", "Other", "Programming Languages", "SCM Providers", "Snippets", "Testing", "Themes", "Visualization"];

/** What `vsce package` puts into the .vsix (the allow-list .vscodeignore applied). */
function packaged(): string[] {
  const vsce = join(ROOT, "node_modules", ".bin", "vsce");
  return execFileSync(vsce, ["ls", "--no-dependencies"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
}

/** A heading's anchor as GitHub and VS Code's Markdown make it: lower case, punctuation dropped, spaces as dashes. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
}

function anchors(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] as string)));
}

describe("the extension package", () => {
  const files = packaged();

  it("holds every image the README shows, so they render in the extension's page", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1] as string);
    assert.ok(images.length >= 4);
    for (const image of images) {
      assert.doesNotMatch(image, /^[a-z]+:/, "relative to the package");
      assert.ok(files.includes(image), `${image} is not in the package`);
    }
  });

  it("holds every page and heading its Markdown links to, so no link on the extension page is broken", () => {
    const pages = files.filter((f) => f.endsWith(".md"));
    assert.ok(pages.includes("README.md"));
    let links = 0;
    for (const page of pages) {
      const text = readFileSync(join(ROOT, page), "utf8");
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z][a-z+.-]*:/i.test(target as string)) continue; // https:, mailto:
        const [path = "", anchor] = (target as string).split("#");
        const file = path === "" ? page : normalize(join(dirname(page), decodeURI(path)));
        assert.ok(files.includes(file), `${page} links to ${target}, which is not in the package`);
        if (anchor !== undefined) assert.ok(anchors(readFileSync(join(ROOT, file), "utf8")).has(anchor), `${page} links to ${target}: no such heading`);
        links++;
      }
    }
    assert.ok(links >= 10, `${links} links`);
  });

  it("has a PNG icon of at least 128×128 in the package", () => {
    assert.ok(files.includes(pkg.icon));
    const png = readFileSync(join(ROOT, pkg.icon));
    assert.equal(png.subarray(1, 4).toString("ascii"), "PNG");
    assert.ok(png.readUInt32BE(16) >= 128 && png.readUInt32BE(20) >= 128);
  });

  it("names marketplace categories and keywords about what it does", () => {
    for (const c of pkg.categories) assert.ok(CATEGORIES.includes(c), c);
    for (const k of ["sysctl", "netstat", "TIME_WAIT"]) assert.ok(pkg.keywords.includes(k), k);
    assert.ok(pkg.keywords.length <= 30);
  });

  it("runs where the workspace is (Remote-SSH, containers), and ships the language server as a bin", () => {
    assert.deepEqual(pkg.extensionKind, ["workspace"]);
    assert.equal(pkg.bin["socket-doctor-language-server"], "./dist/server.js");
    assert.ok(files.includes("dist/server.js"));
  });
});
