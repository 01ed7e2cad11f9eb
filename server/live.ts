/** This machine's current sysctl values, read from /proc/sys (Linux only; nothing is ever written). Shared with the CLI. */
import { readFileSync, readdirSync } from "node:fs";
import { platform, release } from "node:os";

const ON_LINUX = platform() === "linux";

/** The running kernel's release, when the server runs on Linux. */
export function runningKernel(): string | undefined {
  return ON_LINUX ? release() : undefined;
}

/** `net.ipv4.conf.eth0/100.rp_filter` → `/proc/sys/net/ipv4/conf/eth0.100/rp_filter`. */
export function procPath(name: string): string {
  return "/proc/sys/" + name.replace(/[./]/g, (c) => (c === "." ? "/" : "."));
}

export function liveValue(name: string): string | undefined {
  if (!ON_LINUX || /[*?[]/.test(name) || name.includes("..")) return undefined;
  try {
    return readFileSync(procPath(name), "utf8").trim().split(/\s+/).join(" ");
  } catch {
    return undefined; // absent, write-only or not readable: hover simply shows no live value
  }
}

/** Interface names that have IPv4 settings here, for completion of `net.ipv4.conf.<iface>`. */
export function liveInterfaces(): string[] {
  if (!ON_LINUX) return [];
  try {
    return readdirSync("/proc/sys/net/ipv4/conf").filter((n) => n !== "all" && n !== "default");
  } catch {
    return [];
  }
}
