// E-mail intake: the ledger of messages read from the mailbox.
import type { CollectionSpec, RelationSpec } from './dsl';

export const mailCollections: CollectionSpec[] = [];
export const mailRelations: RelationSpec[] = [];
