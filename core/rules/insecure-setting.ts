import { parseKernelInt } from "../catalogue/values";
import { deleteLineFix, setValueFix } from "./fixes";
import { harmRule } from "./harm";

/** tcp_fastopen_key holds a primary and an optional backup key, each `xxxxxxxx-xxxxxxxx-xxxxxxxx-xxxxxxxx`. */
function hasZeroKey(text: string): boolean {
  return text.split(",").some((key) => {
    const parts = key.trim().split("-");
    return parts.length === 4 && parts.every((p) => parseKernelInt(`0x${p}`) === 0);
  });
}

/** Settings that hand an attacker something: a known Fast Open key, source routing on every interface. */
export const insecureSetting = harmRule(
  "insecure-setting",
  "A setting that weakens the host's defences: an all-zero tcp_fastopen_key, conf.all.accept_source_route turned on.",
  [
    {
      key: "net.ipv4.tcp_fastopen_key",
      harmful: (v) => hasZeroKey(v.text),
      message: () =>
        "This TCP Fast Open key is all zeros, a key anyone knows, so anyone can compute valid Fast Open cookies: a server that uses Fast Open then accepts data in SYNs from forged source addresses, which is what the cookie is there to prevent. All zeros is what sysctl -a prints on a host that has no key yet. Remove the line: the kernel picks a random key when a listener first turns Fast Open on.",
      fixes: (a) => [{ ...deleteLineFix(a), isPreferred: true }],
    },
    {
      key: "net.ipv4.conf.all.accept_source_route",
      harmful: (v) => v.ints[0] !== 0,
      message: () =>
        "This turns IPv4 source routing on for every interface: an interface accepts source-routed packets when both conf.all and its own value are on, and every interface starts at 1 (only conf.all defaults to 0). Source routing lets the sender choose the path its packets take, a classic way to spoof addresses and get around filters. Keep conf.all.accept_source_route at 0, its default.",
      fixes: (a) => [setValueFix(a, "0", "Set conf.all.accept_source_route to 0 (the default)")],
    },
  ],
);
