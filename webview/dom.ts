/**
 * The only way the page makes DOM: elements by name, attributes by setAttribute, text by text nodes. There is
 * no HTML parsing anywhere (no innerHTML, insertAdjacentHTML, document.write), so pasted text can only ever be
 * text. Event-handler and style attributes are refused: the CSP forbids them and the page never needs them.
 */
import { visibleBidi } from "../core/text/bidi";
import { SVG_NS, type SvgNode } from "./histogram";

export type Child = Node | string | number | null | undefined | false;
export type Children = readonly (Child | readonly Child[])[];
export type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

const FORBIDDEN_ATTRIBUTE = /^(on|style$|srcdoc$|xmlns)/i;

function setAttributes(el: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (FORBIDDEN_ATTRIBUTE.test(name)) throw new Error(`The panel does not set ${name} attributes`);
    el.setAttribute(name, value === true ? "" : String(value));
  }
}

/** Appends children; strings and numbers become text nodes. */
export function append(parent: Node, children: Children): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
  }
}

/** `h("td", { class: "num" }, "12")`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Children): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Children): void {
  parent.replaceChildren();
  append(parent, children);
}

/** Text from the listing: isolated from what surrounds it, its bidirectional controls shown as marks. */
export function pastedText(text: string): HTMLElement {
  return h("bdi", {}, visibleBidi(text));
}

/** Text with `backtick` spans shown as code, still as text nodes only. */
export function richText(text: string): Node[] {
  return text.split("`").map((part, i) => (i % 2 === 1 ? h("code", {}, part) : document.createTextNode(part)));
}

/** The SVG element tree (histogram.ts) as DOM nodes. */
export function svgElement(tree: SvgNode): SVGElement {
  const el = document.createElementNS(SVG_NS, tree.tag) as SVGElement;
  setAttributes(el, Object.fromEntries(Object.entries(tree.attrs).filter(([name]) => name !== "xmlns")));
  if (tree.text !== undefined) el.textContent = tree.text;
  for (const c of tree.children) el.appendChild(svgElement(c));
  return el;
}

let nextId = 0;
/** A document-unique id for aria-labelledby and label/for pairs. */
export function uid(prefix: string): string {
  return `${prefix}-${++nextId}`;
}
