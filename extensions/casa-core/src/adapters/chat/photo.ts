// A photo received in a chat: re-encoded without metadata (adapters/photos.ts)
// and stored as a Directus file at once; the conversation keeps only its id.
import { Readable } from 'node:stream';
import type { SchemaOverview } from '@directus/types';
import type { PhotoRef } from '../../domain/chat/engine';
import type { FieldError } from '../../domain/complaint/complaint-plan';
import { cleanPhotos } from '../photos';

export async function storeChatPhoto(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	context: { FilesService?: any; schema: SchemaOverview },
	bytes: Buffer,
	filename: string,
): Promise<PhotoRef | null> {
	const errors: FieldError[] = [];
	const [photo] = await cleanPhotos([{ filename, bytes }], errors);
	if (!photo) return null;
	const files = new context.FilesService({ schema: context.schema, accountability: null });
	const id = await files.uploadOne(Readable.from(photo.bytes), {
		storage: 'local',
		filename_download: photo.filename,
		type: photo.type,
		title: photo.filename,
		width: photo.width,
		height: photo.height,
	});
	return { file: id };
}
