/** Every data file of the catalogue, one per family. Their shape is checked by test/unit/catalogue-consistency. */
import type { KeyEntry } from "./types";
import ipv4TcpAL from "./data/ipv4-tcp-a-l.json";
import ipv4TcpMR from "./data/ipv4-tcp-m-r.json";
import ipv4TcpSZUdp from "./data/ipv4-tcp-s-z-udp.json";
import ipv4Ip from "./data/ipv4-ip.json";
import ipv4Conf from "./data/ipv4-conf.json";
import ipv4Neigh from "./data/ipv4-neigh.json";
import ipv4Route from "./data/ipv4-route.json";
import netCore from "./data/core.json";
import netfilter from "./data/netfilter.json";
import fs from "./data/fs.json";
import removed from "./data/removed.json";

export const ENTRIES: readonly KeyEntry[] = [
  ipv4TcpAL,
  ipv4TcpMR,
  ipv4TcpSZUdp,
  ipv4Ip,
  ipv4Conf,
  ipv4Neigh,
  ipv4Route,
  netCore,
  netfilter,
  fs,
  removed,
].flat() as unknown as KeyEntry[];
