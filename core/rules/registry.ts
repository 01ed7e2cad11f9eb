/** Every rule, in the order their findings are listed. Codes are stable: docs/rules.md has a section per code. */
import { duplicateKey } from "./duplicate-key";
import { finTimeoutMyth } from "./fin-timeout-myth";
import { ineffectiveInterfaceSetting } from "./ineffective-interface-setting";
import { invalidValue } from "./invalid-value";
import { keepaliveScope } from "./keepalive-scope";
import { keyTooNew } from "./key-too-new";
import { memInPages } from "./mem-in-pages";
import { misplacedKey } from "./misplaced-key";
import { noOpKey } from "./no-op-key";
import { overriddenKey } from "./overridden-key";
import { portRangeOverlap } from "./port-range-overlap";
import { portRangeParity } from "./port-range-parity";
import { portRangePrivileged } from "./port-range-privileged";
import { readOnlyKey } from "./read-only-key";
import { redundantDefault } from "./redundant-default";
import { removedKey } from "./removed-key";
import { renamedKey } from "./renamed-key";
import { syncookiesOff } from "./syncookies-off";
import { syntaxError } from "./syntax-error";
import { twBucketsLowered } from "./tw-buckets-lowered";
import { twReuseNeedsTimestamps } from "./tw-reuse-needs-timestamps";
import type { Rule } from "./types";
import { uncheckedKey } from "./unchecked-key";
import { unknownKey } from "./unknown-key";
import { vectorOrder } from "./vector-order";

export const RULES: readonly Rule[] = [
  // What sysctl cannot apply at all.
  syntaxError,
  unknownKey,
  uncheckedKey,
  misplacedKey,
  removedKey,
  renamedKey,
  noOpKey,
  keyTooNew,
  readOnlyKey,
  invalidValue,
  portRangePrivileged,
  // Lines that have no effect.
  duplicateKey,
  overriddenKey,
  ineffectiveInterfaceSetting,
  twReuseNeedsTimestamps,
  redundantDefault,
  // Values that work against the user, and advice that does not do what it promises.
  syncookiesOff,
  twBucketsLowered,
  finTimeoutMyth,
  keepaliveScope,
  vectorOrder,
  memInPages,
  portRangeParity,
  portRangeOverlap,
];

export const RULE_CODES: readonly string[] = RULES.map((r) => r.code);
