/**
 * Which counter format a line starts, if any. It runs only where the socket parsers could not read a line (a
 * block starts, or a line no block reads), so the socket listings' fast path never sees it; the first
 * character picks the checks.
 */
import type { CounterBlock } from "./block";
import type { BlockContext } from "./context";
import { cpuRowsBlock, isCpuRow, isStatHeader, procStatBlock } from "./conntrack-stat";
import { isNetstatSTitle, netstatSBlock } from "./netstat-s";
import { isNstatHeader, nameListBlock, nstatBlock, nstatJsonBlock, startsNameList, startsNstatJson } from "./nstat";
import { isProcHeader, procTablesBlock } from "./proc-snmp";
import { isSockstatLine, sockstatBlock, ssSummaryBlock, startsSsSummary } from "./sockstat";
import { isSysctlLine, sysctlBlock } from "./sysctl-lines";
import { listingBlock, startsListing } from "./listing-block";
import { isSoftnetRow, softnetBlock } from "./softnet";

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** The block `s[start, end)` begins (the line is read as its first), or undefined. */
export function openBlock(ctx: BlockContext, s: string, start: number, end: number): CounterBlock | undefined {
  const c = s.charCodeAt(start);
  if (isSoftnetRow(s, start, end)) return softnetBlock(ctx, s, start, end);
  if (c === 35) return isNstatHeader(s, start, end) ? nstatBlock(ctx) : undefined;
  if (c === 123) return startsNstatJson(s, start, end) ? nstatJsonBlock(ctx, s, start, end) : undefined;
  if (c === 47 || c === 61) return isSysctlLine(s, start, end) ? sysctlBlock(ctx, s, start, end) : undefined;
  if (isLower(c)) {
    if (isStatHeader(s, start, end)) return procStatBlock(ctx, s, start, end);
    if (isCpuRow(s, start, end)) return cpuRowsBlock(ctx, s, start, end);
    if (isSockstatLine(s, start, end)) return sockstatBlock(ctx, s, start, end);
    if (startsListing(s, start, end)) return listingBlock(ctx, s, start, end);
    if (isSysctlLine(s, start, end)) return sysctlBlock(ctx, s, start, end);
    return undefined;
  }
  if (isUpper(c)) {
    if (isSockstatLine(s, start, end)) return sockstatBlock(ctx, s, start, end);
    if (startsSsSummary(s, start, end)) return ssSummaryBlock(ctx, s, start, end);
    if (isProcHeader(s, start, end)) return procTablesBlock(ctx, s, start, end);
    if (isNetstatSTitle(s, start, end)) return netstatSBlock(ctx, s, start, end);
    if (startsNameList(s, start, end)) return nameListBlock(ctx, s, start, end);
  }
  return undefined;
}
