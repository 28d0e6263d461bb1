/**
 * The operations the benchmark runs, as the tests already know them (test/workflow/operations.ts:
 * the parameters that pick each, its script, how the gateway gets records it will accept), found
 * by name: the bench runs what the tests run, not a copy of it.
 */
export function operationNamed<T extends { name: string }>(list: readonly T[], name: string): T {
	const found = list.find((entry) => entry.name === name);
	if (!found) throw new Error(`no operation named ${name} in test/workflow/operations.ts`);
	return found;
}
