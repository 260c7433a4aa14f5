// Flow operation "sla-sweep" (admin app side): how it appears in the flow
// editor. The work is done by api.ts.
import { defineOperationApp } from '@directus/extensions-sdk';

export default defineOperationApp({
	id: 'sla-sweep',
	name: 'Suivi des délais (SLA)',
	icon: 'timer',
	description:
		"Met à jour l'état des délais des réclamations ouvertes (dans les délais, à risque, en retard) et alerte une seule fois par niveau : l'agent et l'équipe (à risque), le chef de service (en retard), le directeur général des services (échéance légale proche).",
	overview: ({ at_risk_share, raise_priority, legal_warning_days }) => [
		{
			label: 'Seuil « à risque »',
			text:
				at_risk_share === null || at_risk_share === undefined || at_risk_share === ''
					? 'réglage de la plateforme'
					: `${Math.round(Number(at_risk_share) * 100)} % du délai écoulé`,
		},
		{ label: 'Priorité relevée en cas de retard', text: raise_priority === false ? 'non' : 'oui' },
		{ label: 'Alerte échéance légale', text: `${legal_warning_days ?? 10} jours avant` },
	],
	options: [
		{
			field: 'at_risk_share',
			name: 'Seuil « à risque » (part du délai écoulée)',
			type: 'float',
			meta: {
				width: 'half',
				interface: 'input',
				options: { min: 0.05, max: 1, step: 0.05, placeholder: 'Réglage de la plateforme' },
				note: 'Entre 0 et 1 (0,75 = 75 % du délai écoulé, en temps ouvré pour les délais en jours ouvrés). Vide : le réglage de la plateforme.',
			},
		},
		{
			field: 'legal_warning_days',
			name: "Alerte avant l'échéance légale (jours)",
			type: 'integer',
			meta: {
				width: 'half',
				interface: 'input',
				options: { min: 0, max: 365 },
				note: "Le directeur général des services est alerté quand l'échéance légale de réponse est à moins de ce nombre de jours calendaires.",
			},
			schema: { default_value: 10 },
		},
		{
			field: 'raise_priority',
			name: 'Relever la priorité en cas de retard',
			type: 'boolean',
			meta: {
				width: 'full',
				interface: 'boolean',
				options: { label: 'Normale → haute, haute → urgente (une fois, au dépassement)' },
			},
			schema: { default_value: true },
		},
	],
});
