/** Markdown files that the bundles embed as text (esbuild's text loader), such as docs/rules.md. */
declare module "*.md" {
  const text: string;
  export default text;
}
