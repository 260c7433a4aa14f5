import { ROLE_IDS } from '../../domain/access/roles';

export function canUseDesk(
	user: { role?: { id?: string } | string | null; admin_access?: boolean } | null | undefined,
): boolean {
	if (!user) return false;
	if (user.admin_access === true) return true;
	const role = typeof user.role === 'string' ? user.role : user.role?.id;
	return role === ROLE_IDS.registry_office;
}
