// Insights dashboards per role (mayor and elected officials, director general,
// service head) with the map and SLA panels. Idempotent like every step.
import type { AdminClient } from './client';

export async function provisionDashboards(_client: AdminClient, _log: (message: string) => void): Promise<void> {
	// filled in by the dashboards work (issue 5)
}
