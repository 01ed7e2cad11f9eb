/** A conntrack listing (conntrack-listing.ts) as a block: its entries are counted into the store's tally. */
import type { CounterBlock, Verdict } from "./block";
import type { BlockContext } from "./context";
import { skipBlanks, tokenEnd } from "./text";

/** Protocol names conntrack prints first (or after ipv4/ipv6 in the extended form). */
const FIRST = new Set(["tcp", "udp", "udplite", "icmp", "icmpv6", "sctp", "dccp", "gre", "unknown", "ipv4", "ipv6"]);

export function startsListing(s: string, start: number, end: number): boolean {
  const a = skipBlanks(s, start, end);
  const e = tokenEnd(s, a, end);
  const src = s.indexOf(" src=", e);
  return src !== -1 && src < end && FIRST.has(s.slice(a, e));
}

class Listing implements CounterBlock {
  constructor(private readonly ctx: BlockContext) {
    ctx.store.noteSource("conntrack listing");
  }

  line(s: string, start: number, end: number): Verdict {
    return this.ctx.store.listing.line(s, start, end) === "no" ? "end" : "read";
  }
}

export function listingBlock(ctx: BlockContext, s: string, start: number, end: number): CounterBlock {
  const b = new Listing(ctx);
  b.line(s, start, end);
  return b;
}
