// The part of wink-naive-bayes-text-classifier's API this project uses (the package ships no types).
declare module 'wink-naive-bayes-text-classifier' {
	interface NaiveBayesTextClassifier {
		defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
		learn(input: string[], label: string): boolean;
		consolidate(): boolean;
		computeOdds(input: string[]): [string, number][];
		predict(input: string[]): string;
		exportJSON(): string;
	}
	export default function naiveBayesTextClassifier(): NaiveBayesTextClassifier;
}
