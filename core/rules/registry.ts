/** Every rule, in the order their findings are listed. Codes are stable: docs/rules.md has a section per code. */
import { duplicateKey } from "./duplicate-key";
import { invalidValue } from "./invalid-value";
import { keyTooNew } from "./key-too-new";
import { noOpKey } from "./no-op-key";
import { readOnlyKey } from "./read-only-key";
import { removedKey } from "./removed-key";
import { syntaxError } from "./syntax-error";
import type { Rule } from "./types";
import { unknownKey } from "./unknown-key";

export const RULES: readonly Rule[] = [
  syntaxError,
  unknownKey,
  removedKey,
  noOpKey,
  keyTooNew,
  readOnlyKey,
  invalidValue,
  duplicateKey,
];

export const RULE_CODES: readonly string[] = RULES.map((r) => r.code);
