/**
 * A copy of a value built in the test's own realm. Jest runs each test file in a vm
 * context; arrays and objects made by Node itself (a worker thread's message, fs results)
 * have the outer realm's prototypes, which assert's deepStrictEqual refuses for that alone.
 * Only for plain data (JSON-shaped values).
 */
export function inTestRealm<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
