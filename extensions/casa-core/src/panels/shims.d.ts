// vue-router is provided by the Directus app at run time (a shared dependency of app extensions)
declare module 'vue-router' {
	export function useRouter(): { push(location: string): Promise<unknown> };
}
