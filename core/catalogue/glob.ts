/** systemd-sysctl glob patterns: `*`, `?` and `[...]` (`[!...]` negated), none of which crosses a `.`. */

/** One segment's pattern as a regular expression anchored at both ends. */
export function globToRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "*") re += "[^.]*";
    else if (c === "?") re += "[^.]";
    else if (c === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close === -1) re += "\\[";
      else {
        const body = pattern.slice(i + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return /$^/; // an unreadable class matches nothing
  }
}
