import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { entryBlocks } from "../../core/render/entry-view";
import { toHtml, toMarkdown, toText } from "../../core/render/render";
import { fixtureCatalogue } from "../support/fixture-catalogue";

const reuse = fixtureCatalogue.resolve("net.ipv4.tcp_tw_reuse")!.entry;

describe("one renderer, three outputs", () => {
  const blocks = entryBlocks(reuse, {}, true);
  it("carries the same facts into markdown, text and HTML", () => {
    for (const out of [toMarkdown(blocks), toText(blocks), toHtml(blocks)]) {
      for (const fact of ["net.ipv4.tcp_tw_reuse", "loopback only", "Reuse TIME_WAIT sockets for outgoing connections", "per network namespace"]) {
        assert.ok(out.includes(fact), `${fact} missing from ${out}`);
      }
    }
  });
  it("lists sources only when asked", () => {
    assert.ok(toText(blocks).includes("Sources:"));
    assert.ok(!toText(entryBlocks(reuse)).includes("Sources:"));
  });
  it("escapes HTML and turns backticks into code", () => {
    const html = toHtml([{ kind: "paragraph", text: "use `<b>` & <script>x</script>" }]);
    assert.equal(html, "<p>use <code>&#60;b&#62;</code> &#38; &#60;script&#62;x&#60;/script&#62;</p>");
  });
  it("wraps text paragraphs", () => {
    const text = toText([{ kind: "paragraph", text: "word ".repeat(50).trim() }], 40);
    assert.ok(text.split("\n").every((l) => l.length <= 40));
  });
  it("shows history for removed keys", () => {
    const removed = fixtureCatalogue.resolve("net.ipv4.netfilter.ip_conntrack_max")!.entry;
    assert.match(toText(entryBlocks(removed)), /removed in Linux 4\.4; use `net\.netfilter\.nf_conntrack_max` instead/);
  });
});
