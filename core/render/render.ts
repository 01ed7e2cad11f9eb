/** Turns blocks into markdown (hover), plain text (CLI) or HTML (webview). */
import type { Block } from "./entry-view";

export function toMarkdown(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case "title":
          return `**\`${b.text.replace(/`/g, "'")}\`**`;
        case "paragraph":
          return b.text;
        case "facts":
          return b.rows.map(([k, v]) => `- **${k}:** ${v}`).join("\n");
        case "values":
          return `| Value | Meaning |\n|---|---|\n${b.rows.map(([v, m]) => `| \`${v}\` | ${m.replace(/\|/g, "\\|")} |`).join("\n")}`;
        case "link":
          return `[${b.label}](${b.url})`;
      }
    })
    .join("\n\n");
}

export function toText(blocks: readonly Block[], width = 100): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "title":
        out.push(b.text);
        break;
      case "paragraph":
        out.push(wrap(b.text, width));
        break;
      case "facts": {
        const pad = Math.max(...b.rows.map(([k]) => k.length)) + 2;
        out.push(b.rows.map(([k, v]) => `${`${k}:`.padEnd(pad)}${v}`).join("\n"));
        break;
      }
      case "values": {
        const pad = Math.max(...b.rows.map(([v]) => v.length)) + 2;
        out.push(b.rows.map(([v, m]) => `  ${v.padEnd(pad)}${m}`).join("\n"));
        break;
      }
      case "link":
        out.push(`${b.label}: ${b.url}`);
        break;
    }
  }
  return out.join("\n\n");
}

export function toHtml(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case "title":
          return `<h3>${escapeHtml(b.text)}</h3>`;
        case "paragraph":
          return `<p>${inlineHtml(b.text)}</p>`;
        case "facts":
          return `<dl>${b.rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${inlineHtml(v)}</dd>`).join("")}</dl>`;
        case "values":
          return `<table><thead><tr><th>Value</th><th>Meaning</th></tr></thead><tbody>${b.rows
            .map(([v, m]) => `<tr><td><code>${escapeHtml(v)}</code></td><td>${inlineHtml(m)}</td></tr>`)
            .join("")}</tbody></table>`;
        case "link":
          return `<p><a href="${escapeHtml(b.url)}">${escapeHtml(b.label)}</a></p>`;
      }
    })
    .join("\n");
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Our texts mark code with backticks; everything else is escaped. */
function inlineHtml(s: string): string {
  return s
    .split("`")
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join("");
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}
