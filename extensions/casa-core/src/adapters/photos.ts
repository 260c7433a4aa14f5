// Citizens' photos (read from multipart bodies by adapters/body.ts): the real type from the
// bytes, and a re-encoding that drops EXIF and GPS metadata (sharp keeps none
// unless asked) after applying the camera's orientation.
import { createRequire } from 'node:module';
import pLimit from 'p-limit';
import { sniffImageType } from '../domain/intake/image-type';
import type { FieldError } from '../domain/complaint/complaint-plan';

// sharp is Directus's own dependency (not hoisted): load it from there
const apiRequire = createRequire(createRequire(import.meta.url).resolve('@directus/api/package.json'));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const sharp = apiRequire('sharp') as any;

/**
 * Memory of photo intake is bounded by decoding few photos at once, whatever
 * the number of uploads in flight: a 12 MP photo decodes to about 36 MB, a
 * 50 MP one (the pixel limit) to 150 MB before JPEG shrink-on-load. Two at a
 * time by default (CASA_PHOTO_DECODE_CONCURRENCY, set by the endpoints that
 * take photos through `decodePhotosAtOnce`), one libvips thread each, and no
 * libvips operation cache (it kept decoded images after the requests ended).
 */
const decodeSlot = pLimit(2);
sharp.cache(false);
sharp.concurrency(1);

/** How many photos this process decodes at once (one slot pool for the whole process). */
export function decodePhotosAtOnce(count: number): void {
	decodeSlot.concurrency = count;
}

/** refusals of the whole upload: nothing is decoded once one is known */
const REFUSED_UPLOAD = new Set(['field.too_many_photos', 'field.photo_too_large']);

export interface UploadedPhoto {
	filename: string;
	bytes: Buffer;
}

export interface CleanPhoto {
	filename: string;
	bytes: Buffer;
	type: 'image/jpeg';
	width: number;
	height: number;
}

/** Re-encodes each photo as a metadata-free JPEG; refuses what is not really an image we can read. */
export async function cleanPhotos(photos: UploadedPhoto[], errors: FieldError[]): Promise<CleanPhoto[]> {
	const clean: CleanPhoto[] = [];
	// counts and sizes first (the multipart parser reports them): a refused upload costs no decoding
	if (errors.some((error) => REFUSED_UPLOAD.has(error.key))) return clean;
	for (const photo of photos) {
		const type = sniffImageType(photo.bytes);
		if (type === 'heic') {
			// prebuilt sharp has no HEVC decoder: the portal converts on the phone before upload
			errors.push({ field: 'photos', key: 'field.photo_heic', values: { name: photo.filename } });
			continue;
		}
		if (!type) {
			errors.push({ field: 'photos', key: 'field.photo_type', values: { name: photo.filename } });
			continue;
		}
		try {
			const { data, info } = await decodeSlot(() =>
				sharp(photo.bytes, { failOn: 'error', limitInputPixels: 50_000_000, sequentialRead: true })
					.rotate()
					.resize({ width: 2048, height: 2048, fit: 'inside', withoutEnlargement: true })
					.jpeg({ quality: 82, mozjpeg: true })
					.toBuffer({ resolveWithObject: true }),
			);
			clean.push({
				filename: `${photo.filename.replace(/\.[^.]*$/, '') || 'photo'}.jpg`,
				bytes: data,
				type: 'image/jpeg',
				width: info.width,
				height: info.height,
			});
		} catch {
			errors.push({ field: 'photos', key: 'field.photo_type', values: { name: photo.filename } });
		}
	}
	return clean;
}

/** A stored photo as the public may see it: at most 1600 px, JPEG, no metadata at all (sharp keeps none unless asked); null if unreadable. */
export async function publicJpeg(bytes: Buffer): Promise<Buffer | null> {
	try {
		return await sharp(bytes, { failOn: 'error', limitInputPixels: 50_000_000 })
			.rotate()
			.resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true })
			.jpeg({ quality: 80, mozjpeg: true })
			.toBuffer();
	} catch {
		return null;
	}
}
