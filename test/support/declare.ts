import type { Page } from 'playwright-core';

/** What a test types into the declare form. */
export interface DeclareFields {
	title: string;
	severity?: string;
	responder?: string;
	drill?: boolean;
}

/** Fill the open declare dialog, declare (the message is copied, or offered), then close it. */
export async function fillDeclareDialog(page: Page, fields: DeclareFields): Promise<void> {
	const dialog = page.locator('.declare-dialog');
	await dialog.getByLabel('Title').fill(fields.title);
	if (fields.severity) await dialog.getByLabel('Severity', { exact: true }).selectOption(fields.severity);
	if (fields.responder) await dialog.getByLabel(/^Your name/).fill(fields.responder);
	if (fields.drill) await dialog.getByLabel(/This is a drill/).check();
	await dialog.getByRole('button', { name: 'Declare and copy the message' }).click();
	await dialog.locator('.declared').waitFor();
	await dialog.getByRole('button', { name: 'Close' }).click();
	await dialog.waitFor({ state: 'detached' });
}

/** Declare from the workspace as a responder does: its Declare button opens the form. */
export async function declareOnWorkspace(page: Page, fields: DeclareFields): Promise<void> {
	await page.goto('/incident/');
	await page.getByRole('button', { name: 'Declare an incident' }).click();
	await fillDeclareDialog(page, fields);
	await page.locator('#incident-title').waitFor();
}
