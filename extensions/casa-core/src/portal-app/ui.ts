// Render helpers shared by the steps: the error line under a field and the
// ARIA wiring that ties a field to its hint and its error.
import { h } from 'vue';
import type { PortalContext } from './context';
import { icon } from './icons';

export function errorId(context: PortalContext, field: string): string {
	return context.id(`error-${field}`);
}

export function fieldError(context: PortalContext, field: string) {
	const message = context.errors[field];
	if (!message) return null;
	return h('p', { id: errorId(context, field), class: 'field-error' }, [
		icon('error'),
		h('span', context.message(message)),
	]);
}

/** id, aria-invalid and aria-describedby for a control */
export function controlAria(context: PortalContext, field: string, ...hints: (string | null | false | undefined)[]) {
	const invalid = !!context.errors[field];
	const described = [...hints.filter(Boolean), invalid ? errorId(context, field) : null].filter(Boolean).join(' ');
	return {
		id: context.id(`field-${field}`),
		'aria-invalid': invalid ? 'true' : undefined,
		'aria-describedby': described || undefined,
	};
}

export const inputValue = (event: Event) => (event.target as HTMLInputElement | HTMLTextAreaElement).value;

/** Arabic and French text made comparable: no case, no accents or harakat, one form of alef/yaa/taa marbuta */
export function foldText(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
		.replace(/\u0629/g, '\u0647')
		.replace(/\u0649/g, '\u064a')
		.replace(/\u0640/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}
