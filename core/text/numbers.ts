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

/**
 * part / whole as a percentage with `decimals` decimals ("12%", "99.9%"). Rounding never makes a share read as
 * all or nothing when it is not: what would print as 100% (or 0%) without being exactly that prints as ">99.9%"
 * (or "<0.1%") at the same precision. Of nothing, or for nothing, it is 0.
 */
export function percent(part: number, whole: number, decimals = 0): string {
  if (!(whole > 0) || !(part > 0)) return `${(0).toFixed(decimals)}%`;
  const text = ((part / whole) * 100).toFixed(decimals);
  const step = 10 ** -decimals;
  if (Number(text) === 0) return `<${step.toFixed(decimals)}%`;
  if (Number(text) === 100 && part !== whole) return part < whole ? `>${(100 - step).toFixed(decimals)}%` : `>${text}%`;
  return `${text}%`;
}

/** A share in running text: whole percents, with a decimal below 10% and from 99%, where whole ones say too little. */
export function percentText(part: number, whole: number): string {
  const r = whole > 0 ? part / whole : 0;
  return percent(part, whole, r < 0.1 || (r >= 0.99 && r < 1) ? 1 : 0);
}
