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

/** How a block of the format a line starts is opened (reading the line as its first). */
type Opener = (ctx: BlockContext, s: string, start: number, end: number) => CounterBlock;

/** The opener of the block `s[start, end)` begins, or undefined. */
function openerOf(s: string, start: number, end: number): Opener | undefined {
  const c = s.charCodeAt(start);
  if (isSoftnetRow(s, start, end)) return softnetBlock;
  if (c === 35) return isNstatHeader(s, start, end) ? nstatBlock : undefined;
  if (c === 123) return startsNstatJson(s, start, end) ? nstatJsonBlock : undefined;
  if (c === 47 || c === 61) return isSysctlLine(s, start, end) ? sysctlBlock : undefined;
  if (isLower(c)) {
    if (isStatHeader(s, start, end)) return procStatBlock;
    if (isCpuRow(s, start, end)) return cpuRowsBlock;
    if (isSockstatLine(s, start, end)) return sockstatBlock;
    if (startsListing(s, start, end)) return listingBlock;
    if (isSysctlLine(s, start, end)) return sysctlBlock;
    return undefined;
  }
  if (isUpper(c)) {
    if (isSockstatLine(s, start, end)) return sockstatBlock;
    if (startsSsSummary(s, start, end)) return ssSummaryBlock;
    if (isProcHeader(s, start, end)) return procTablesBlock;
    if (isNetstatSTitle(s, start, end)) return netstatSBlock;
    if (startsNameList(s, start, end)) return nameListBlock;
  }
  return undefined;
}

/** The block `s[start, end)` begins (the line is read as its first), or undefined. */
export function openBlock(ctx: BlockContext, s: string, start: number, end: number): CounterBlock | undefined {
  return openerOf(s, start, end)?.(ctx, s, start, end);
}

/** Whether `s[start, end)` begins a block, without reading it. */
export function startsBlock(s: string, start: number, end: number): boolean {
  return openerOf(s, start, end) !== undefined;
}
