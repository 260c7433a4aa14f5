/**
 * Routing rules are rows an administrator edits: a blank category or
 * arrondissement on a rule means "any".
 */
export interface RoutingRule {
	id?: string | number;
	service: string;
	category?: string | null;
	arrondissement?: string | null;
	team: string;
	/** Missing means active, so a rule row without the flag still routes. */
	active?: boolean;
}

export interface RoutingInput {
	service: string;
	category?: string | null;
	arrondissement?: string | null;
}

export interface RoutingMatch {
	team: string;
	rule: RoutingRule;
}

const isBlank = (value: string | null | undefined): value is null | undefined | '' => value == null || value === '';

/**
 * How specific a rule is: service+category+arrondissement (3) >
 * service+arrondissement (2) > service+category (1) > service only (0).
 * The arrondissement outranks the category because field teams are organised
 * by territory.
 */
export function ruleSpecificity(rule: RoutingRule): number {
	const hasCategory = !isBlank(rule.category);
	const hasArrondissement = !isBlank(rule.arrondissement);
	if (hasCategory && hasArrondissement) return 3;
	if (hasArrondissement) return 2;
	if (hasCategory) return 1;
	return 0;
}

export function ruleMatches(rule: RoutingRule, input: RoutingInput): boolean {
	if (rule.active === false || rule.service !== input.service) return false;
	if (!isBlank(rule.category) && rule.category !== input.category) return false;
	if (!isBlank(rule.arrondissement) && rule.arrondissement !== input.arrondissement) return false;
	return true;
}

// Lowest id first; numeric-aware so '9' < '10'; rules without id come last.
function compareIds(a: RoutingRule['id'], b: RoutingRule['id']): number {
	if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a).localeCompare(String(b), 'en', { numeric: true });
}

/** The team for a complaint: most specific active matching rule, ties to the lowest id. */
export function resolveTeam(rules: readonly RoutingRule[], input: RoutingInput): RoutingMatch | null {
	let best: RoutingRule | null = null;
	let bestScore = -1;
	for (const rule of rules) {
		if (!ruleMatches(rule, input)) continue;
		const score = ruleSpecificity(rule);
		if (score > bestScore || (score === bestScore && compareIds(rule.id, best?.id) < 0)) {
			best = rule;
			bestScore = score;
		}
	}
	return best ? { team: best.team, rule: best } : null;
}
