// The checks the form makes before the server does, so the citizen hears
// about a missing field on the step where it is. The server stays the judge.
import { type FieldMessage, type PortalContext, type StepName, findCategory } from './context';
import { givesContact } from './draft';
import { locate } from './geo';
import { TEXT_LIMITS } from '../domain/complaint/vocabulary';

const MOROCCAN_PHONE = /^(?:\+212|00212|0)[5-7]\d{8}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The server's limits (domain/complaint/vocabulary.ts) */
export const DESCRIPTION_LIMIT: number = TEXT_LIMITS.description;

export function validateStep(
	step: StepName,
	context: Pick<PortalContext, 'draft' | 'areas'> & Partial<Pick<PortalContext, 'services'>>,
): Record<string, FieldMessage> {
	const { draft } = context;
	const errors: Record<string, FieldMessage> = {};
	switch (step) {
		case 'category':
			if (!draft.category) errors.category = { key: 'errors.required.category' };
			break;
		case 'description':
			if (!draft.description.trim()) errors.description = { key: 'errors.required.description' };
			else if (draft.description.length > DESCRIPTION_LIMIT)
				errors.description = { key: 'errors.too_long', values: { limit: DESCRIPTION_LIMIT } };
			for (const question of findCategory(context.services?.value ?? null, draft.category)?.category.attributes ?? []) {
				const answer = draft.attributes?.[question.code];
				const empty = answer === undefined || (Array.isArray(answer) ? answer.length === 0 : answer.trim() === '');
				if (question.required && empty) errors[`attribute[${question.code}]`] = { key: 'errors.required.question' };
				else if (!empty && question.datatype === 'number' && !/^[+-]?\d+(?:[.,]\d+)?$/.test(String(answer).trim()))
					errors[`attribute[${question.code}]`] = { key: 'errors.number' };
			}
			break;
		case 'location':
			if (draft.latitude === null && !draft.address.trim()) errors.latitude = { key: 'errors.required.location' };
			else if (
				draft.latitude !== null &&
				draft.longitude !== null &&
				context.areas.value.length > 0 &&
				!locate(draft.latitude, draft.longitude, context.areas.value)
			)
				errors.latitude = { key: 'errors.outside_commune' };
			if (draft.address.length > TEXT_LIMITS.address)
				errors.address = { key: 'errors.too_long', values: { limit: TEXT_LIMITS.address } };
			break;
		case 'contact': {
			const phone = draft.citizen_phone.replace(/[\s.\-()]/g, '');
			if (phone && !MOROCCAN_PHONE.test(phone)) errors.citizen_phone = { key: 'errors.phone' };
			if (draft.citizen_email.trim() && !EMAIL.test(draft.citizen_email.trim()))
				errors.citizen_email = { key: 'errors.email' };
			if (draft.citizen_name.length > TEXT_LIMITS.citizen_name)
				errors.citizen_name = { key: 'errors.too_long', values: { limit: TEXT_LIMITS.citizen_name } };
			if (givesContact(draft) && !draft.consent) errors.consent = { key: 'errors.consent' };
			break;
		}
		default:
			break;
	}
	return errors;
}
