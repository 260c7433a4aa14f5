// What the citizen sees after the form: the receipt (reference, tracking link
// and its QR code, expected date), the queued notice when offline, or the
// complaint they chose to follow.
import QRCode from 'qrcode';
import { type PropType, defineComponent, h, onMounted, ref, watch } from 'vue';
import { usePortal } from '../context';
import { icon } from '../icons';
import type { Receipt } from '../queue';

const focusOnMount = () => {
	const heading = ref<HTMLElement | null>(null);
	onMounted(() => heading.value?.focus());
	return heading;
};

export const SentView = defineComponent({
	name: 'SentView',
	props: { receipt: { type: Object as PropType<Receipt>, required: true } },
	emits: ['again'],
	setup(props, { emit }) {
		const { i18n, id } = usePortal();
		const heading = focusOnMount();
		const qr = ref('');
		watch(
			() => props.receipt.tracking_url,
			async (url) => {
				try {
					qr.value = await QRCode.toString(url, {
						type: 'svg',
						margin: 1,
						errorCorrectionLevel: 'M',
						color: { dark: '#000000', light: '#ffffff' },
					});
				} catch {
					qr.value = '';
				}
			},
			{ immediate: true },
		);
		return () =>
			h('section', { class: 'result success', 'aria-labelledby': id('result-title') }, [
				h('div', { class: 'result-icon' }, [icon('check')]),
				h('h2', { id: id('result-title'), tabindex: '-1', ref: heading }, i18n.t('success.title')),
				h('p', i18n.t('success.reference_intro')),
				h('p', { class: 'reference', dir: 'ltr' }, props.receipt.reference),
				props.receipt.expected_resolution_at
					? h('p', i18n.t('success.expected', { date: i18n.formatDate(props.receipt.expected_resolution_at) }))
					: null,
				h('p', i18n.t('success.keep_link')),
				h('p', [
					h(
						'a',
						{ href: props.receipt.tracking_url, class: 'button primary tracking-link', dir: 'ltr' },
						i18n.t('success.track'),
					),
				]),
				h('p', { class: 'small break', dir: 'ltr' }, props.receipt.tracking_url),
				qr.value
					? h('figure', { class: 'qr' }, [
							h('div', { class: 'qr-code', role: 'img', 'aria-label': i18n.t('success.qr_alt'), innerHTML: qr.value }),
							h('figcaption', i18n.t('success.qr_caption')),
						])
					: null,
				h('p', { class: 'small' }, i18n.t('success.secret_notice')),
				h(
					'button',
					{ type: 'button', class: 'button secondary', onClick: () => emit('again') },
					i18n.t('success.again'),
				),
			]);
	},
});

export const QueuedView = defineComponent({
	name: 'QueuedView',
	props: { sending: { type: Boolean, default: false } },
	emits: ['retry', 'again'],
	setup(props, { emit }) {
		const { i18n, id } = usePortal();
		const heading = focusOnMount();
		return () =>
			h('section', { class: 'result queued', 'aria-labelledby': id('result-title') }, [
				h('div', { class: 'result-icon' }, [icon('cloud_off')]),
				h('h2', { id: id('result-title'), tabindex: '-1', ref: heading }, i18n.t('queued.title')),
				h('p', i18n.t('queued.text')),
				h('p', i18n.t('queued.keep_open')),
				h('p', { role: 'status' }, props.sending ? i18n.t('queued.sending') : ''),
				h('div', { class: 'button-row' }, [
					h(
						'button',
						{ type: 'button', class: 'button primary', disabled: props.sending, onClick: () => emit('retry') },
						i18n.t('queued.retry'),
					),
					h(
						'button',
						{ type: 'button', class: 'button secondary', onClick: () => emit('again') },
						i18n.t('success.again'),
					),
				]),
			]);
	},
});

export const FollowedView = defineComponent({
	name: 'FollowedView',
	props: { reference: { type: String, required: true }, supporters: { type: Number, required: true } },
	emits: ['again'],
	setup(props, { emit }) {
		const { i18n, id } = usePortal();
		const heading = focusOnMount();
		return () =>
			h('section', { class: 'result success', 'aria-labelledby': id('result-title') }, [
				h('div', { class: 'result-icon' }, [icon('people')]),
				h('h2', { id: id('result-title'), tabindex: '-1', ref: heading }, i18n.t('followed.title')),
				h('p', { class: 'reference', dir: 'ltr' }, props.reference),
				h('p', i18n.t('followed.supporters', { count: props.supporters })),
				h('p', i18n.t('followed.text')),
				h(
					'button',
					{ type: 'button', class: 'button secondary', onClick: () => emit('again') },
					i18n.t('success.again'),
				),
			]);
	},
});
