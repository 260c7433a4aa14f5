// Chat (WhatsApp and the portal widget): conversations in progress.
import type { CollectionSpec, RelationSpec } from './dsl';

export const chatCollections: CollectionSpec[] = [];
export const chatRelations: RelationSpec[] = [];
