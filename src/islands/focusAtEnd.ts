/**
 * Focus a text field with the caret after what it already holds (a title prefilled from an alert,
 * the incident's own title): at its start, the first key typed would go in front of it.
 */
export function focusAtEnd(field: HTMLInputElement | null | undefined): void {
	field?.focus();
	field?.setSelectionRange(field.value.length, field.value.length);
}
