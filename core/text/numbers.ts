/**
 * A number with thousands separators and at most three decimals ("12,345", "1,234.568"), the way
 * toLocaleString("en-US") writes it. Written out because the first locale-aware call loads ICU data,
 * which costs the CLI about 15 ms a run.
 */
export function thousands(n: number): string {
  if (!Number.isFinite(n)) return n !== n ? "NaN" : n > 0 ? "∞" : "-∞";
  const abs = Math.abs(n);
  const rounded = Number.isInteger(abs) ? abs : Math.round(abs * 1000) / 1000;
  const sign = n < 0 && rounded !== 0 ? "-" : "";
  let whole = BigInt(Math.trunc(rounded)).toString();
  const fraction = rounded % 1 === 0 ? "" : (rounded % 1).toFixed(3).slice(1).replace(/0+$/, "");
  let grouped = "";
  for (; whole.length > 3; whole = whole.slice(0, -3)) grouped = "," + whole.slice(-3) + grouped;
  return sign + whole + grouped + fraction;
}
