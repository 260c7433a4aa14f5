// Step 4: up to five photos, from the camera or the gallery. Each is shrunk
// and re-encoded as JPEG on the phone before it is ever sent.
import { defineComponent, h, ref } from 'vue';
import { clearErrors, usePortal } from '../context';
import { icon } from '../icons';
import { prepareJpeg } from '../photos';
import { fieldError } from '../ui';

let photoCounter = 0;

export const PhotosStep = defineComponent({
	name: 'PhotosStep',
	setup() {
		const context = usePortal();
		const { draft, i18n } = context;
		const busy = ref(0);
		const problems = ref<string[]>([]);

		async function addFiles(event: Event) {
			const input = event.target as HTMLInputElement;
			const files = Array.from(input.files ?? []);
			input.value = '';
			problems.value = [];
			clearErrors(context.errors, ['photos']);
			const max = context.config.value.maxPhotos;
			const room = max - draft.photos.length;
			if (files.length > room) problems.value.push(i18n.t('photos.too_many', { max }));
			const accepted = files.slice(0, Math.max(0, room));
			busy.value += accepted.length;
			if (accepted.length) context.announce(i18n.t('photos.preparing', { count: accepted.length }));
			for (const file of accepted) {
				try {
					const prepared = await prepareJpeg(file);
					if (draft.photos.length >= max) continue;
					draft.photos.push({
						id: `photo-${++photoCounter}`,
						blob: prepared.blob,
						name: prepared.name,
						url: URL.createObjectURL(prepared.blob),
					});
				} catch {
					problems.value.push(i18n.t('photos.unreadable', { name: file.name }));
				} finally {
					busy.value -= 1;
				}
			}
			context.announce(
				problems.value.length ? problems.value.join(' ') : i18n.t('photos.count', { count: draft.photos.length, max }),
				problems.value.length > 0,
			);
		}

		function remove(index: number) {
			const [photo] = draft.photos.splice(index, 1);
			if (photo) URL.revokeObjectURL(photo.url);
			context.announce(i18n.t('photos.removed', { count: draft.photos.length, max: context.config.value.maxPhotos }));
		}

		const picker = (kind: 'camera' | 'gallery') => {
			const id = context.id(`photos-${kind}`);
			const full = draft.photos.length >= context.config.value.maxPhotos;
			return h('div', { class: 'file-picker' }, [
				h('input', {
					id,
					type: 'file',
					class: 'visually-hidden-input',
					accept: 'image/*',
					...(kind === 'camera' ? { capture: 'environment' } : { multiple: true }),
					disabled: full,
					'aria-describedby': context.id('photos-hint'),
					onChange: addFiles,
				}),
				h('label', { for: id, class: ['button', kind === 'camera' ? 'primary' : 'secondary', { disabled: full }] }, [
					icon(kind === 'camera' ? 'camera' : 'image'),
					h('span', i18n.t(`photos.${kind}`)),
				]),
			]);
		};

		return () => {
			const max = context.config.value.maxPhotos;
			return h('div', { class: 'photos-step' }, [
				h('p', { class: 'hint', id: context.id('photos-hint') }, i18n.t('photos.hint', { max })),
				h('div', { class: 'picker-row', id: context.id('field-photos') }, [picker('camera'), picker('gallery')]),
				busy.value > 0
					? h('p', { class: 'hint', role: 'status' }, i18n.t('photos.preparing', { count: busy.value }))
					: null,
				problems.value.map((problem) => h('p', { class: 'field-error' }, [icon('error'), h('span', problem)])),
				fieldError(context, 'photos'),
				h('p', { class: 'hint' }, i18n.t('photos.count', { count: draft.photos.length, max })),
				draft.photos.length
					? h(
							'ul',
							{ class: 'thumbs' },
							draft.photos.map((photo, index) =>
								h('li', { key: photo.id, class: 'thumb' }, [
									h('img', { src: photo.url, alt: i18n.t('photos.alt', { number: index + 1 }), width: 96, height: 96 }),
									h(
										'button',
										{
											type: 'button',
											class: 'thumb-remove',
											'aria-label': i18n.t('photos.remove', { number: index + 1 }),
											onClick: () => remove(index),
										},
										[icon('close')],
									),
								]),
							),
						)
					: null,
			]);
		};
	},
});
