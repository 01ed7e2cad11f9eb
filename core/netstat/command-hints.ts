/** What a command line above a listing says about it: a BusyBox tool, or the one state `ss ... state X` shows. */
import { ssFilterState } from "./state-names";
import type { TcpState } from "./types";

export interface ListingCommandHints {
  /** `busybox netstat`: its rows read as BusyBox's even under a net-tools header. */
  readonly busybox: boolean;
  /** The state of every row of an `ss` listing filtered to exactly one state (it prints no State column). */
  readonly ssState: TcpState;
}

export function commandHints(command: string): ListingCommandHints {
  const words = (command.split("|")[0] ?? "").trim().split(/\s+/);
  let i = 0;
  while (i < words.length && /^(?:sudo|doas|env|command|exec|-.*|\w+=.*)$/.test(words[i] as string)) i++;
  let tool = (words[i] ?? "").replace(/^.*\//, "");
  const busybox = tool === "busybox";
  if (busybox) tool = words[i + 1] ?? "";
  if (tool !== "ss") return { busybox, ssState: "UNKNOWN" };
  let filters = 0;
  let state: TcpState | undefined;
  for (let j = i + 1; j < words.length; j++) {
    if (words[j] === "state") {
      filters++;
      state = ssFilterState((words[j + 1] ?? "").replace(/['"]/g, ""));
    } else if (words[j] === "exclude") {
      filters += 2;
    }
  }
  return { busybox, ssState: filters === 1 && state !== undefined ? state : "UNKNOWN" };
}
