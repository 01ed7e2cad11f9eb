/** Kernel versions as "X.Y" (a release string such as "6.18.44-foo" is cut to its first two numbers). */
export type KernelVersion = string;

/** The newest kernel the catalogue was checked against. */
export const NEWEST_KNOWN_KERNEL: KernelVersion = "6.18";

/** "6.18.44-fc-v769" → "6.18"; undefined when the text does not start with X.Y. */
export function parseKernelVersion(text: string): KernelVersion | undefined {
  const m = /^(\d+)\.(\d+)/.exec(text.trim());
  return m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
}

const parsed = new Map<KernelVersion, readonly [number, number]>();

function numbers(v: KernelVersion): readonly [number, number] {
  let n = parsed.get(v);
  if (!n) {
    const [major = 0, minor = 0] = v.split(".").map(Number);
    parsed.set(v, (n = [major, minor]));
  }
  return n;
}

export function compareKernel(a: KernelVersion, b: KernelVersion): number {
  const [a1, a2] = numbers(a);
  const [b1, b2] = numbers(b);
  return a1 - b1 || a2 - b2;
}
