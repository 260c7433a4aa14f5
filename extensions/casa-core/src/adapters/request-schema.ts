// The schema Directus already loaded for this request (its `schema` middleware
// runs before extension endpoints). Calling getSchema() again per request cost
// the intake about 8 ms per complaint in the benchmark's CPU profile.
import type { SchemaOverview } from '@directus/types';

export async function requestSchema(
	request: unknown,
	getSchema: () => Promise<SchemaOverview>,
): Promise<SchemaOverview> {
	return (request as { schema?: SchemaOverview }).schema ?? (await getSchema());
}
