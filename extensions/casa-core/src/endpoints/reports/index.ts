import { defineEndpoint } from '@directus/extensions-sdk';

// placeholder until the reports work lands
export default defineEndpoint((router) => {
	router.get('/', (_req, res) => res.status(404).json({ errors: [{ message: 'not built yet' }] }));
});
