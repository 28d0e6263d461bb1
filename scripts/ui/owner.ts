/**
 * n8n's owner account for the editor test. A fresh n8n shows its setup form first; the test sets
 * the owner up through the same REST call that form makes, which also logs the browser context in
 * (n8n answers with its auth cookie). When the owner exists already (a rerun against the same
 * n8n), it logs in instead.
 */
import type { APIRequestContext } from 'playwright-core';

export const OWNER = {
	email: 'owner@wdt-ui-test.example',
	firstName: 'Wdt',
	lastName: 'Tester',
	// n8n's password rules: 8+ characters, a digit, an upper-case letter.
	password: 'Wdt-ui-test-1',
};

export async function setUpOwner(request: APIRequestContext, url: string): Promise<void> {
	const setup = await request.post(`${url}/rest/owner/setup`, { data: OWNER });
	if (setup.ok()) return;
	// n8n 1.x takes `email`; later versions `emailOrLdapLoginId`. Each ignores the other.
	const login = await request.post(`${url}/rest/login`, {
		data: { email: OWNER.email, emailOrLdapLoginId: OWNER.email, password: OWNER.password },
	});
	if (!login.ok()) {
		throw new Error(`n8n refused both the owner setup (${setup.status()}) and the login (${login.status()}): ${(await login.text()).slice(0, 200)}`);
	}
}
