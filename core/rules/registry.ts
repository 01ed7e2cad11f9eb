/** Every rule, in the order their findings are listed. Codes are stable: docs/rules.md has a section per code. */
import { dropsConnections } from "./drops-connections";
import { duplicateKey } from "./duplicate-key";
import { finTimeoutMyth } from "./fin-timeout-myth";
import { ineffectiveInterfaceSetting } from "./ineffective-interface-setting";
import { insecureSetting } from "./insecure-setting";
import { invalidValue } from "./invalid-value";
import { keepaliveScope } from "./keepalive-scope";
import { keyTooNew } from "./key-too-new";
import { limitLowered } from "./limit-lowered";
import { liveValueDiffers } from "./live-value-differs";
import { memInPages } from "./mem-in-pages";
import { misplacedKey } from "./misplaced-key";
import { neighGcOrder } from "./neigh-gc-order";
import { noOpKey } from "./no-op-key";
import { overriddenKey } from "./overridden-key";
import { portRangeOverlap } from "./port-range-overlap";
import { portRangeParity } from "./port-range-parity";
import { readOnlyKey } from "./read-only-key";
import { redundantDefault } from "./redundant-default";
import { removedKey } from "./removed-key";
import { renamedKey } from "./renamed-key";
import { syncookiesOff } from "./syncookies-off";
import { syntaxError } from "./syntax-error";
import { tcpFeatureOff } from "./tcp-feature-off";
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
  // Lines that have no effect.
  duplicateKey,
  overriddenKey,
  ineffectiveInterfaceSetting,
  twReuseNeedsTimestamps,
  redundantDefault,
  // Values that work against the user, and advice that does not do what it promises.
  tcpFeatureOff,
  dropsConnections,
  insecureSetting,
  syncookiesOff,
  limitLowered,
  twBucketsLowered,
  neighGcOrder,
  finTimeoutMyth,
  keepaliveScope,
  vectorOrder,
  memInPages,
  portRangeParity,
  portRangeOverlap,
  // What this machine runs with.
  liveValueDiffers,
];

export const RULE_CODES: readonly string[] = RULES.map((r) => r.code);
