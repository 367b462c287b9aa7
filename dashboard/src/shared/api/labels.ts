import type { MessageKey } from "../../../../i18n/messages.ts";

/**
 * An enum's values and their message keys in one record: `Record<T, MessageKey>` makes the
 * compiler insist on a key for every value the API's type allows, and the record's keys are
 * the dashboard's list of values, so there is no second list to forget.
 */
export function labelled<T extends string>(keys: Record<T, MessageKey>) {
  return { values: Object.keys(keys) as T[], key: (value: T) => keys[value], keys };
}
