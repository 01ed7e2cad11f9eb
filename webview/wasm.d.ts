/** esbuild's binary loader (esbuild.mjs): a .wasm import is its bytes. */
declare module "*.wasm" {
  const bytes: Uint8Array<ArrayBuffer>;
  export default bytes;
}
