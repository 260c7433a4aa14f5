// Photos are made small on the phone before upload: decoded by the browser
// (which also turns an iPhone's HEIC into pixels when it can), drawn on a
// canvas at most MAX_SIDE pixels wide or high, and re-encoded as JPEG. The
// canvas keeps no EXIF, so no GPS position leaves the phone in the file.
const MAX_SIDE = 1600;
const QUALITY = 0.82;

export interface PreparedPhoto {
	blob: Blob;
	name: string;
	width: number;
	height: number;
}

function loadImage(file: Blob): Promise<HTMLImageElement> {
	return new Promise((resolve, reject) => {
		const url = URL.createObjectURL(file);
		const image = new Image();
		image.onload = () => {
			URL.revokeObjectURL(url);
			resolve(image);
		};
		image.onerror = () => {
			URL.revokeObjectURL(url);
			reject(new Error('decode'));
		};
		image.src = url;
	});
}

export async function prepareJpeg(file: File): Promise<PreparedPhoto> {
	let source: ImageBitmap | HTMLImageElement;
	let width: number;
	let height: number;
	try {
		// imageOrientation: the camera's EXIF rotation is applied before it is dropped
		const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
		source = bitmap;
		width = bitmap.width;
		height = bitmap.height;
	} catch {
		const image = await loadImage(file);
		source = image;
		width = image.naturalWidth;
		height = image.naturalHeight;
	}
	if (!width || !height) throw new Error('decode');
	const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
	const canvas = document.createElement('canvas');
	canvas.width = Math.max(1, Math.round(width * scale));
	canvas.height = Math.max(1, Math.round(height * scale));
	const context = canvas.getContext('2d');
	if (!context) throw new Error('canvas');
	// transparent PNGs become white, not black
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.drawImage(source, 0, 0, canvas.width, canvas.height);
	if ('close' in source) source.close();
	const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
	if (!blob) throw new Error('encode');
	const base =
		(file.name || 'photo')
			.replace(/\.[^.]+$/, '')
			.replace(/[^\p{L}\p{N}_-]+/gu, '-')
			.slice(0, 60) || 'photo';
	return { blob, name: `${base}.jpg`, width: canvas.width, height: canvas.height };
}
