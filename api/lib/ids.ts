const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path id can be a uuid at all; anything else is "not found" before it reaches SQL (where it would fail). */
export const isUuid = (value: string) => UUID.test(value);
