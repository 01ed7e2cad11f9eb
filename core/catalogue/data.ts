/**
 * Every data file of the catalogue, one per family. Their shape is checked by test/unit/catalogue-consistency;
 * esbuild.mjs writes the same files into dist/catalogue.json for the bundles (a test checks the two agree).
 */
import type { KeyEntry } from "./types";
import appletalkTipc from "./data/appletalk-tipc.json";
import core from "./data/core.json";
import fsUserMisc from "./data/fs-user-misc.json";
import fs from "./data/fs.json";
import ipv4Conf from "./data/ipv4-conf.json";
import ipv4Ip from "./data/ipv4-ip.json";
import ipv4Neigh from "./data/ipv4-neigh.json";
import ipv4Route from "./data/ipv4-route.json";
import ipv4TcpAL from "./data/ipv4-tcp-a-l.json";
import ipv4TcpMR from "./data/ipv4-tcp-m-r.json";
import ipv4TcpSZUdp from "./data/ipv4-tcp-s-z-udp.json";
import ipv6Conf from "./data/ipv6-conf.json";
import ipv6Other from "./data/ipv6-other.json";
import ipvsSctp from "./data/ipvs-sctp.json";
import kernelAO from "./data/kernel-a-o.json";
import kernelPZ from "./data/kernel-p-z.json";
import netCoreMisc from "./data/net-core-misc.json";
import netfilter from "./data/netfilter.json";
import removed from "./data/removed.json";
import vm from "./data/vm.json";

export const ENTRIES: readonly KeyEntry[] = [
  appletalkTipc,
  core,
  fsUserMisc,
  fs,
  ipv4Conf,
  ipv4Ip,
  ipv4Neigh,
  ipv4Route,
  ipv4TcpAL,
  ipv4TcpMR,
  ipv4TcpSZUdp,
  ipv6Conf,
  ipv6Other,
  ipvsSctp,
  kernelAO,
  kernelPZ,
  netCoreMisc,
  netfilter,
  removed,
  vm,
].flat() as unknown as KeyEntry[];
