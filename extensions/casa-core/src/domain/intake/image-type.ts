// What an uploaded file really is, from its first bytes: the type a client
// declares is not trusted.
export type ImageType = 'jpeg' | 'png' | 'webp' | 'heic' | 'avif';

export function sniffImageType(bytes: Uint8Array): ImageType | null {
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
	if (
		bytes.length >= 8 &&
		[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, index) => bytes[index] === byte)
	)
		return 'png';
	const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
	if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
	if (bytes.length >= 12 && ascii(4, 8) === 'ftyp') {
		const brand = ascii(8, 12);
		if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heic';
		if (brand === 'avif' || brand === 'avis') return 'avif';
	}
	return null;
}

export const MAX_PHOTOS = 5;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** Great-circle distance in metres (haversine), for "nearby" suggestions. */
export function distanceMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
	const radians = (degrees: number) => (degrees * Math.PI) / 180;
	const dLat = radians(lat2 - lat1);
	const dLng = radians(lng2 - lng1);
	const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(dLng / 2) ** 2;
	return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}
