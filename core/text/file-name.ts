/** The last segment of a path or URI, decoded: what messages call a file ("99-tuning.conf"). */
export function fileName(pathOrUri: string): string {
  const last = pathOrUri.replace(/[\\/]+$/, "").split(/[\\/]/).pop() ?? pathOrUri;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(pathOrUri)) return last;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** A file: URI as a path ("/etc/sysctl.d/99-x.conf"); anything else as it is. */
export function pathOf(uri: string): string {
  if (!uri.startsWith("file://")) return uri;
  try {
    return decodeURIComponent(uri.slice("file://".length).replace(/^\/([a-z]:)/i, "$1"));
  } catch {
    return uri;
  }
}
